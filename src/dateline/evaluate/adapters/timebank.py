"""French TimeBank (fr): TIMEX3 expressions with ISO-TimeML values, anchored on each document's
creation time (DCT, used as the publication date)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..gold import GoldDoc
from . import from_jsonl


def load(folder: Path) -> list[GoldDoc]:
    return from_jsonl(folder / "timex.jsonl", _record)


def _record(doc: dict[str, Any]) -> dict[str, Any]:
    times = [{"start": t["start"], "end": t["end"], "text": t["surface"], "value": t["value"]}
             for t in doc["timex3"] if t.get("value")]
    return {"id": f"ftb:{doc['doc_id']}", "text": doc["text"], "lang": "fr", "published": doc["dct"]["value"],
            "times": times}
