"""Precision, recall and F1 per score and per language, summed over documents (micro-average)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..config import Options
from ..document import Document
from ..errors import InputError
from ..ingest import from_text
from .fields import SCORES, Score
from .gold import GoldDoc
from .match import Item, match

ALL = "all"


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives. P, R and F1 are None when there is nothing
    to score (no gold and no predicted item): a field nobody annotated has no score, not 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float | None:
        return None if self.empty else (self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0)

    @property
    def recall(self) -> float | None:
        return None if self.empty else (self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.tp + self.fn, "predicted": self.tp + self.fp, "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "precision": _round(self.precision), "recall": _round(self.recall),
                "f1": _round(self.f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(slots=True)
class Error:
    """One miss (a gold fact nothing matched) or false hit (a predicted fact that matched nothing)."""

    doc: str
    score: str
    kind: str  # "miss" | "false hit"
    item: Item

    def to_dict(self) -> dict[str, Any]:
        attrs = {k: sorted(v) if isinstance(v, set) else v for k, v in self.item.attrs.items()}
        return {"doc": self.doc, "score": self.score, "kind": self.kind, "start": self.item.start,
                "end": self.item.end, "text": self.item.text, "attrs": attrs}


@dataclass(slots=True)
class Result:
    scores: tuple[Score, ...]
    counts: dict[str, dict[str, Counts]] = field(default_factory=dict)  # score -> lang -> counts
    documents: dict[str, int] = field(default_factory=dict)  # lang -> documents
    errors: list[Error] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def get(self, score: str, lang: str = ALL) -> Counts:
        return self.counts.get(score, {}).get(lang, Counts())


def score_document(gold: GoldDoc, pred: Document, scores: Iterable[Score]) -> Iterator[tuple[Score, Counts, list[Error]]]:
    """Counts (and errors) of each applicable score on one document."""
    for score in scores:
        if score.field not in gold.facts or not score.applies(gold):
            continue
        m = match(score.gold(gold), score.pred(pred, gold), score.rule)
        errors = [Error(gold.id, score.name, "miss", i) for i in m.misses]
        errors += [Error(gold.id, score.name, "false hit", i) for i in m.false_hits]
        yield score, Counts(len(m.pairs), len(m.false_hits), len(m.misses)), errors


def score_documents(pairs: Iterable[tuple[GoldDoc, Document]], scores: tuple[Score, ...] = SCORES) -> Result:
    """Sum the counts of every (gold, predicted) document pair, overall and per language."""
    result = Result(scores)
    for gold, pred in pairs:
        lang = gold.lang or pred.lang or "?"
        for key in (ALL, lang):
            result.documents[key] = result.documents.get(key, 0) + 1
        for score, counts, errors in score_document(gold, pred, scores):
            per_lang = result.counts.setdefault(score.name, {})
            for key in (ALL, lang):
                per_lang.setdefault(key, Counts()).add(counts)
            result.errors.extend(errors)
        result.problems.extend(f"{gold.id}: {p.stage}: {p.message}" for p in pred.problems)
    return result


class Extracts(Protocol):
    """What `evaluate` needs of an extractor: `dateline.Extractor` has it; tests pass fakes."""

    def extract_many(self, inputs: Iterable[Document]) -> Iterator[Document | InputError]: ...


def to_document(gold: GoldDoc, options: Options) -> Document:
    """The unprocessed Document Dateline reads for a gold document: its text, language and date."""
    meta = {"id": gold.id, "lang": gold.lang, "published": gold.published}
    return from_text(gold.text, options, source=gold.source, meta=meta)


def evaluate(golds: list[GoldDoc], extractor: Extracts, scores: tuple[Score, ...] = SCORES) -> Result:
    """Run `extractor` over the gold texts in one batch (models load once) and score its output."""
    options = getattr(extractor, "options", None) or Options()
    inputs = [to_document(g, options) for g in golds]
    outputs = extractor.extract_many(inputs)
    pairs = []
    for gold, doc, out in zip(golds, inputs, outputs, strict=True):
        if isinstance(out, InputError):
            doc.problem("dateline.eval.v1", str(out))
            out = doc
        pairs.append((gold, out))
    return score_documents(pairs, scores)
