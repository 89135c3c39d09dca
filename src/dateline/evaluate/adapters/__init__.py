"""Adapters: each development data set in `../shared/data` converted to gold documents, so every
set is scored by the same `dateline eval --set NAME`.

An adapter is a module with `load(folder: Path) -> list[GoldDoc]`; the records it builds go through
the same validation as a hand-written gold file (so a wrong offset fails loudly, naming the line).
The data are read at run time and never copied into the project.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..gold import GoldDoc, GoldError, from_record

# set name -> module (the folder under the data root has the set's name)
SETS: dict[str, str] = {
    "hipe2022-newseye-sonar": "hipe",
    "geowebnews": "geowebnews",
    "fr-timebank": "timebank",
    "recognizers-text-specs": "recognizers",
    "semeval2015-timeline": "semeval",
    "wikinews": "wikinews",  # texts only, no facts: the target of gold `ref`s
}
# Options a set's annotation scheme calls for: TimeBank annotates TimeML references and recurrences.
SET_OPTIONS: dict[str, dict[str, Any]] = {"fr-timebank": {"time_references": True}}
ENV = "DATELINE_DATA"


def data_root(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder holding the data sets: `explicit`, else $DATELINE_DATA, else `../shared/data`
    beside the working directory or beside the project checkout; None when there is none."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    checkout = Path(__file__).resolve().parents[4]
    for base in (Path.cwd(), checkout):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def load_set(name: str, root: Path | None = None) -> list[GoldDoc]:
    """Gold documents of one data set. Raises GoldError when the set is unknown or absent."""
    if name not in SETS:
        raise GoldError(name, "unknown data set", f"choose from {', '.join(SETS)}")
    root = root or data_root()
    folder = root / name if root else None
    if folder is None or not folder.is_dir():
        raise GoldError(name, f"data set not found{f' in {root}' if root else ''}",
                        f"pass --data DIR or set {ENV} to the folder holding it (../shared/data)")
    module = importlib.import_module(f"{__name__}.{SETS[name]}")
    return module.load(folder)


def from_jsonl(path: Path, convert: Callable[[dict[str, Any]], dict[str, Any]]) -> list[GoldDoc]:
    """Gold documents of a JSON Lines file, one per line, `convert` making each line a gold record."""
    with path.open(encoding="utf-8") as fh:
        return [from_record(convert(json.loads(line)), f"{path}:{n}") for n, line in enumerate(fh, start=1)
                if line.strip()]
