"""Matching rules: when does a predicted fact count for a gold one (docs/evaluation.md, "Matching").

Matching is one-to-one and greedy: among the pairs that satisfy a score's rule, the pair with the
largest span overlap (Jaccard: shared characters / covered characters) is taken first, then the next
best pair whose gold and predicted items are both still free, and so on. Ties go to the earlier gold
item, then the earlier predicted one, so a run is reproducible.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

REL_TOL = 1e-6
GEO_KM = 161.0  # accuracy@161 km (100 miles), the usual geoparsing threshold

_ZERO_SECONDS = re.compile(r"(T\d\d:\d\d):00$")


@dataclass(frozen=True, slots=True)
class Item:
    """A fact to match: an optional span (offsets into the gold text) and its attributes."""

    start: int | None
    end: int | None
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def has_span(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(slots=True)
class Matching:
    pairs: list[tuple[Item, Item]]
    misses: list[Item]  # gold items nothing matched (false negatives)
    false_hits: list[Item]  # predicted items that matched nothing (false positives)


Rule = Callable[[Item, Item], bool]


def overlap(a: Item, b: Item) -> int:
    """Characters the two spans share (0 when either has no span)."""
    if not (a.has_span and b.has_span):
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))  # type: ignore[type-var]


def jaccard(a: Item, b: Item) -> float:
    shared = overlap(a, b)
    if not shared:
        return 0.0
    return shared / (max(a.end, b.end) - min(a.start, b.start))  # type: ignore[type-var]


def spans_agree(gold: Item, pred: Item) -> bool:
    """A gold span must overlap the predicted one by at least one character; no gold span: no constraint."""
    return not gold.has_span or overlap(gold, pred) > 0


def match(gold: list[Item], pred: list[Item], rule: Rule) -> Matching:
    """One-to-one greedy matching of `pred` to `gold`: spans must agree and `rule(gold, pred)` hold."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if spans_agree(g, p) and rule(g, p):
                candidates.append((-jaccard(g, p), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return Matching(pairs, [g for i, g in enumerate(gold) if i not in used_g],
                    [p for i, p in enumerate(pred) if i not in used_p])


# ---- attribute comparisons (a gold attribute that is absent is not checked) ----

def same_number(gold: float | None, pred: float | None) -> bool:
    """Equal within a relative tolerance of 1e-6 (both null counts as equal)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return math.isclose(float(gold), float(pred), rel_tol=REL_TOL, abs_tol=0.0)


def norm_text(value: Any) -> str:
    """Case-folded, NFC, whitespace-collapsed: how names and labels are compared."""
    return " ".join(unicodedata.normalize("NFC", str(value)).casefold().split())


def alternatives(value: Any) -> list[str]:
    """A gold string, or list of acceptable strings, as normalised alternatives."""
    values = value if isinstance(value, list) else [value]
    return [norm_text(v) for v in values]


def same_label(gold: Any, pred: Any) -> bool:
    """Gold label (or any of a list of labels) equals the predicted one, ignoring case and spacing."""
    return pred is not None and norm_text(pred) in alternatives(gold)


def same_name(gold: Any, pred_names: Iterable[str]) -> bool:
    """Gold name (or any alternative) equals one of the names a predicted reference resolves to."""
    names = {norm_text(n) for n in pred_names if n}
    return any(g in names for g in alternatives(gold))


def norm_time(value: Any) -> str:
    """Normalised time value: upper case, `T` between date and time, zero seconds dropped, so
    '2016-11-07 10:00:00' == '2016-11-07T10:00'."""
    text = "T".join(str(value).strip().upper().split())
    return _ZERO_SECONDS.sub(r"\1", text)


def same_time(gold: Any, pred: Any) -> bool:
    if pred is None:
        return False
    values = gold if isinstance(gold, list) else [gold]
    return norm_time(pred) in {norm_time(v) for v in values}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def checked(gold: Mapping[str, Any], key: str, test: Callable[[Any], bool]) -> bool:
    """`test(gold[key])`, or True when the gold item leaves `key` out (not annotated, not checked)."""
    return key not in gold or test(gold[key])
