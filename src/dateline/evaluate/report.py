"""Printing a Result (table or JSON), the --explain listing, and the --floors gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .fields import PRIMARY, SCORE_NAMES
from .score import ALL, Counts, Result


def _langs(result: Result) -> list[str]:
    langs = sorted(k for k in result.documents if k != ALL)
    return [ALL] + langs if len(langs) > 1 else [ALL]  # one language: its rows would repeat "all"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(result: Result, title: str = "") -> str:
    """One row per score and language: gold, predicted, true positives, P, R, F1."""
    docs = ", ".join(f"{lang} {n}" for lang, n in result.documents.items() if lang != ALL)
    lines = [f"{title + ': ' if title else ''}{result.documents.get(ALL, 0)} documents ({docs or 'none'})"]
    header = f"{'score':<22} {'lang':<4} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>6} {'R':>6} {'F1':>6}"
    lines += [header, "-" * len(header)]
    for score in result.scores:
        if score.name not in result.counts:
            continue
        for lang in _langs(result):
            c = result.counts[score.name].get(lang)
            if c is None:
                continue
            lines.append(f"{score.name:<22} {lang:<4} {c.tp + c.fn:>6} {c.tp + c.fp:>6} {c.tp:>6} "
                         f"{_pct(c.precision):>6} {_pct(c.recall):>6} {_pct(c.f1):>6}")
    if len(lines) == 3:
        lines.append("(nothing scored: the gold annotates none of the chosen fields)")
    return "\n".join(lines)


def to_json(result: Result, explain: bool = False, failures: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "documents": dict(result.documents),
        "scores": {name: {lang: c.to_dict() for lang, c in per.items()} for name, per in result.counts.items()},
        "floors_failed": failures or [],
    }
    if explain:
        out["errors"] = [e.to_dict() for e in result.errors]
        out["problems"] = list(result.problems)
    return out


def explain(result: Result) -> str:
    """Every miss and false hit, with its text, grouped by document."""
    lines = []
    for e in result.errors:
        where = f"[{e.item.start}:{e.item.end}]" if e.item.has_span else ""
        detail = " ".join(f"{k}={v}" for k, v in e.to_dict()["attrs"].items()
                          if v not in (None, "", []) and k not in ("start", "end", "text"))
        lines.append(f"{e.doc}\t{e.score}\t{e.kind.upper()}\t{e.item.text!r}{where}\t{detail}")
    lines.extend(f"problem\t{p}" for p in result.problems)
    return "\n".join(lines)


def read_floors(path: str | Path) -> dict[str, float]:
    """A floors file: JSON {score or field: minimum F1}. A field name means its primary score."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read floors ({exc}); write JSON such as {{\"times.value\": 0.6}}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: floors must be a JSON object {{score: minimum F1}}")
    floors = {}
    for key, value in raw.items():
        name = PRIMARY.get(key, key)
        if name not in SCORE_NAMES:
            raise ConfigError(f"{path}: unknown score {key!r}; use one of {', '.join(SCORE_NAMES)}")
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            raise ConfigError(f"{path}: floor of {key!r} must be a number between 0 and 1")
        floors[name] = float(value)
    return floors


def check_floors(result: Result, floors: dict[str, float]) -> list[str]:
    """A line per score whose overall F1 is below its floor (or that was not scored at all)."""
    failures = []
    for name, floor in floors.items():
        counts: Counts = result.get(name)
        if counts.f1 is None:
            failures.append(f"{name}: not scored (no gold and no predicted item), floor {floor:.3f}")
        elif counts.f1 < floor:
            failures.append(f"{name}: F1 {counts.f1:.3f} below its floor {floor:.3f}")
    return failures
