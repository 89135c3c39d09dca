"""HIPE-2022 newseye + sonar (fr, de): entity mentions with Wikidata QIDs, from the original TSV.

The text is rebuilt from the tokens (a space after each token unless MISC says `NoSpaceAfter`) and
each mention's offsets computed while rebuilding. The main layer (NE-COARSE-LIT, linked in
NEL-LIT) gives the scored mentions; the nested layer (NE-NESTED: "Paris" inside "Banque de Paris")
carries no links and comes as mentions marked `nested`, so that a link predicted on one is neither
right nor wrong (docs/evaluation.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..gold import GoldDoc, from_record

KINDS = ["person", "place", "organisation", "product"]  # PER, LOC, ORG, HumanProd
TOKEN, COARSE, NESTED, NEL, MISC = 0, 1, 6, 7, 9


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
                          "_length": 0, "entities": [], "_nested": [], "entity_kinds": KINDS}
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
    qid, misc = cols[NEL], cols[MISC].split("|")
    _layer(record, "entities", "_open", cols[COARSE], start, end, {"wikidata": qid} if qid != "_" else {})
    _layer(record, "_nested", "_open_nested", cols[NESTED], start, end, {"nested": True})
    space = "" if "NoSpaceAfter" in misc else " "
    record["_parts"].append(cols[TOKEN] + space)
    record["_length"] = end + len(space)


def _layer(record: dict[str, Any], key: str, open_key: str, tag: str, start: int, end: int,
           extra: dict[str, Any]) -> None:
    """One token's IOB tag in one layer. An I- tag continues the open mention only when its type is
    the same (else: a new mention)."""
    mentions = record[key]
    kind = tag[2:]
    if tag.startswith("B-") or (tag.startswith("I-") and record.get(open_key) != kind):
        mentions.append({"start": start, "end": end, "kind": kind, **extra})
    elif tag.startswith("I-"):
        mentions[-1]["end"] = end
    record[open_key] = kind if tag.startswith(("B-", "I-")) else None


def _finish(record: dict[str, Any]) -> dict[str, Any]:
    text = "".join(record["_parts"]).rstrip(" ")
    out = {k: v for k, v in record.items() if not k.startswith("_")}
    out["text"] = text
    out["entities"] = record["entities"] + record["_nested"]
    for entity in out["entities"]:
        entity["text"] = text[entity["start"]:entity["end"]]
    return out
