"""SemEval-2015 Task 4 TimeLine (en): event mentions with the target entities taking part in them
and the ISO date each is anchored to.

Each gold event is a trigger span; its `participant` lists the timeline entities it belongs to (the
predicted actor or recipient must be one of them) and `time` its date when the timeline gives one
(`XXXX-XX-XX`, undatable, is left out: not checked). Event types are not annotated. A timeline
entry that names no single marked event (a multi-word reference, about 5%) is skipped.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..gold import GoldDoc
from . import from_jsonl

UNDATED = "XXXX-XX-XX"


def load(folder: Path) -> list[GoldDoc]:
    links = _timeline_links(folder / "timelines.jsonl")

    def record(doc: dict[str, Any]) -> dict[str, Any]:
        events = [_event(e, links.get((doc["doc_id"], e["sentence"], e["surface"]), [])) for e in doc["events"]]
        return {"id": f"semeval:{doc['doc_id']}", "text": doc["text"], "lang": "en",
                "published": _iso(doc["dct"]), "events": events}
    return from_jsonl(folder / "documents.jsonl", record)


def _iso(dct: str) -> str:
    """One DCT is written DD-MM-YYYY ("03-02-2009", dateline "February 03, 2009")."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)
    return f"{m[3]}-{m[2]}-{m[1]}" if m else dct


def _timeline_links(path: Path) -> dict[tuple[str, int, str], list[tuple[str, str]]]:
    """(doc id, sentence, word) -> [(entity, date)] over every timeline."""
    links: dict[tuple[str, int, str], list[tuple[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            timeline = json.loads(line)
            for entry in timeline["entries"]:
                for ref in entry["events"]:
                    links[(ref["doc_id"], int(ref["sentence"]), ref["word"])].append((timeline["entity"], entry["date"]))
    return links


def _event(mention: dict[str, Any], links: list[tuple[str, str]]) -> dict[str, Any]:
    event: dict[str, Any] = {"trigger": {"start": mention["start"], "end": mention["end"], "text": mention["surface"]}}
    if links:
        event["participant"] = sorted({entity for entity, _ in links})
        dates = [date for _, date in links if date != UNDATED]
        if dates:
            event["time"] = dates[0]
    return event
