"""Evaluation: score Dateline's output against gold facts (docs/evaluation.md).

>>> from dateline.evaluate import run, table
>>> result = run(gold="gold.jsonl")                      # doctest: +SKIP
>>> print(table(result))                                 # doctest: +SKIP

`gold.py` reads and validates the gold format, `match.py` holds the matching rules, `fields.py`
what each field's scores compare, `score.py` the P/R/F1 sums, `report.py` the printing and the
floors gate, `adapters/` the development data sets turned into gold.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError
from .adapters import SETS, data_root, load_set
from .fields import SCORE_NAMES, SCORES, Score, select
from .gold import GoldDoc, GoldError, read_gold
from .report import check_floors, explain, read_floors, table, to_json
from .score import Counts, Extracts, Result, evaluate, score_documents

__all__ = ["SCORES", "SCORE_NAMES", "SETS", "Counts", "GoldDoc", "GoldError", "Result", "check_floors",
           "data_root", "evaluate", "explain", "load_gold", "load_set", "read_floors", "read_gold", "run",
           "score_documents", "scores_for", "table", "to_json"]


def load_gold(gold: str | os.PathLike[str] | None = None, set_name: str | None = None,
              data: str | os.PathLike[str] | None = None, limit: int | None = None) -> list[GoldDoc]:
    """Gold documents from a gold JSON Lines file or from a named data set (exactly one)."""
    if (gold is None) == (set_name is None):
        raise ConfigError("give a gold file or --set NAME (one of them)")
    root = data_root(data)
    docs = load_set(set_name, root) if set_name else read_gold(Path(gold), root)  # type: ignore[arg-type]
    return docs[:limit] if limit else docs


def scores_for(fields: list[str] | None) -> tuple[Score, ...]:
    """The scores of the named fields or sub-scores (all when none). Raises ConfigError on a typo."""
    try:
        return select(fields)
    except ValueError as err:
        raise ConfigError(str(err)) from None


def run(gold: str | os.PathLike[str] | None = None, set_name: str | None = None, *,
        data: str | os.PathLike[str] | None = None, fields: list[str] | None = None,
        extractor: Extracts | None = None, limit: int | None = None) -> Result:
    """Load the gold, run `extractor` (a default `dateline.Extractor` when None) over it, score it."""
    scores = scores_for(fields)
    docs = load_gold(gold, set_name, data, limit)
    if extractor is None:
        from ..api import Extractor  # noqa: PLC0415 - loads models; only when really needed

        extractor = Extractor()
    return evaluate(docs, extractor, scores)
