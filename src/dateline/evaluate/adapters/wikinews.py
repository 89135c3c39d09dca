"""Wikinews (en, fr, ru): real articles without annotations. Nothing is scored on them directly;
gold files point at them with `"ref": {"set": "wikinews", "id": "en:..."}` and add the facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..gold import GoldDoc
from . import from_jsonl


def load(folder: Path) -> list[GoldDoc]:
    return [doc for path in sorted(folder.glob("wikinews_*.jsonl")) for doc in from_jsonl(path, _record)]


def _record(article: dict[str, Any]) -> dict[str, Any]:
    return {"id": article["id"], "text": article["text"], "lang": article["lang"],
            "published": article.get("published")}
