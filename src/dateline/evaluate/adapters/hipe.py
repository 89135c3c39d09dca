"""HIPE-2022 newseye + sonar (fr, de): entity mentions with Wikidata QIDs, from the original TSV.

The text is rebuilt from the tokens (a space after each token unless MISC says `NoSpaceAfter`) and
each mention's offsets computed while rebuilding. Only the main layer (NE-COARSE-LIT, linked in
NEL-LIT) is used: nested mentions carry no links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..gold import GoldDoc, from_record

KINDS = ["person", "place", "organisation", "product"]  # PER, LOC, ORG, HumanProd
TOKEN, COARSE, NEL, MISC = 0, 1, 7, 9


def load(folder: Path) -> list[GoldDoc]:
    docs = []
    for path in sorted(folder.glob("*.tsv")):
        for record, lineno in _documents(path):
            docs.append(from_record(record, f"{path}:{lineno}"))
    return docs


def _documents(path: Path):
    record: dict[str, Any] | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id"):
                if record is not None:
                    yield _finish(record), record["_line"]
                record = {"id": f"{path.stem}:{_value(line)}", "_line": lineno, "_parts": [],
                          "_length": 0, "entities": [], "entity_kinds": KINDS}
            elif record is None or not line or line.startswith("TOKEN\t"):
                continue
            elif line.startswith("#"):
                _meta(record, line)
            else:
                _token(record, line.split("\t"))
    if record is not None:
        yield _finish(record), record["_line"]


def _value(line: str) -> str:
    return line.split("=", 1)[1].strip() if "=" in line else ""


def _meta(record: dict[str, Any], line: str) -> None:
    if line.startswith("# hipe2022:language"):
        record["lang"] = _value(line)
    elif line.startswith("# hipe2022:date") and _value(line) not in ("", "NA"):
        record["published"] = _value(line)


def _token(record: dict[str, Any], cols: list[str]) -> None:
    start = record["_length"]
    end = start + len(cols[TOKEN])
    tag, qid, misc = cols[COARSE], cols[NEL], cols[MISC].split("|")
    entities = record["entities"]
    # An I- tag continues the open mention only when its type is the same (else: a new mention).
    key = tag[2:]
    if tag.startswith("B-") or (tag.startswith("I-") and record.get("_open") != key):
        entity = {"start": start, "end": end, "kind": tag[2:]}
        if qid != "_":
            entity["wikidata"] = qid
        entities.append(entity)
    elif tag.startswith("I-"):
        entities[-1]["end"] = end
    record["_open"] = key if tag != "O" else None
    space = "" if "NoSpaceAfter" in misc else " "
    record["_parts"].append(cols[TOKEN] + space)
    record["_length"] = end + len(space)


def _finish(record: dict[str, Any]) -> dict[str, Any]:
    text = "".join(record["_parts"]).rstrip(" ")
    out = {k: v for k, v in record.items() if not k.startswith("_")}
    out["text"] = text
    for entity in out["entities"]:
        entity["text"] = text[entity["start"]:entity["end"]]
    return out
