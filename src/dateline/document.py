"""The document model: one `Document` owns the cleaned text; every stage adds typed records to it.

Every record carries character spans into `Document.text` and the name@version of the stage that made
it. A span is only ever made through `Document.span`, which reads the text back from the document, so
`doc.text[span.start:span.end] == span.text` holds by construction.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

CONTRACT_VERSION = "1"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a cleaned text (paragraphs are separated by one blank line)."""
    bounds, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            bounds.append((pos, pos + len(part)))
        pos += len(part) + 2
    return bounds


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` of the cleaned text, with the text it covers."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Segment:
    """A run of cleaned text copied from the raw input: `clean[start:start+length]` came from
    `raw[raw_start:raw_end]`. When both lengths agree the mapping inside is one to one."""

    start: int
    length: int
    raw_start: int
    raw_end: int


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets of the cleaned text back to the raw input, piecewise (no per-character array,
    so a 10 MB input costs a few segments, not 80 MB of integers)."""

    segments: list[Segment] = field(default_factory=list)

    def to_raw(self, offset: int) -> int:
        """Raw offset of the cleaned character at `offset` (or of the end, for `offset == len`)."""
        if not self.segments:
            return offset
        seg = self._segment(offset)
        inner = offset - seg.start
        if seg.length == seg.raw_end - seg.raw_start:
            return seg.raw_start + min(max(inner, 0), seg.length)
        return seg.raw_start if inner < seg.length else seg.raw_end

    def _segment(self, offset: int) -> Segment:
        """The segment holding cleaned offset `offset` (the last one starting at or before it)."""
        i = bisect.bisect_right(self.segments, offset, key=lambda s: s.start)
        return self.segments[max(0, i - 1)]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw range of the cleaned range `[start, end)`: from its first character to just after its
        last one (so markup cut right after the range is not included)."""
        if end <= start:
            return self.to_raw(start), self.to_raw(start)
        return self.to_raw(start), self._raw_after(end - 1)

    def _raw_after(self, offset: int) -> int:
        if not self.segments:
            return offset + 1
        seg = self._segment(offset)
        if seg.length == seg.raw_end - seg.raw_start:
            return seg.raw_start + min(offset - seg.start, seg.length - 1) + 1
        return seg.raw_end


@dataclass(slots=True)
class Removed:
    """A piece of the raw input that cleaning dropped, and why."""

    text: str
    reason: str
    raw_start: int
    raw_end: int
    stage: str
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "raw_start": self.raw_start,
                "raw_end": self.raw_end, "lang": self.lang, "stage": self.stage}


@dataclass(slots=True)
class Evidence:
    """One observation behind a machine-translation verdict: a span and what it shows."""

    span: Span
    kind: str  # foreign_word | transliteration | calque | boilerplate
    lang: str
    weight: float
    note: str
    stage: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "kind": self.kind, "lang": self.lang,
                "weight": round(self.weight, 3), "note": self.note, "stage": self.stage}


@dataclass(slots=True)
class Translation:
    suspected: bool = False
    source_lang: str | None = None
    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    stage: str | None = None
    # Evidence outside the cleaned text (e.g. removed boilerplate of another language): no span.
    signals: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"suspected": self.suspected, "from": self.source_lang, "score": round(self.score, 3),
                "evidence": [e.to_dict() for e in self.evidence], "signals": list(self.signals),
                "stage": self.stage}


@dataclass(slots=True)
class Paragraph:
    span: Span
    lang: str | None
    confidence: float
    stage: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "lang": self.lang,
                "confidence": round(self.confidence, 3), "stage": self.stage}


@dataclass(slots=True)
class Mention:
    span: Span
    stage: str
    form: str = "name"              # name | demonym | description
    stands_for: str | None = None   # ISO code of the state a capital or seat of power stands for here

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "form": self.form, "stands_for": self.stands_for, "stage": self.stage}


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: str
    mentions: list[Mention]
    stage: str
    wikidata: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: str | None = None
    admin1: str | None = None
    type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "type": self.type,
                "wikidata": self.wikidata, "geonames": self.geonames, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
                "mentions": [m.to_dict() for m in self.mentions], "stage": self.stage}


@dataclass(slots=True)
class Quantity:
    id: str
    span: Span
    value: float | None
    stage: str
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    measure: str = "other"
    item: str | None = None
    increment: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "span": self.span.to_dict(), "value": self.value, "low": self.low,
                "high": self.high, "qualifier": self.qualifier, "unit": self.unit,
                "measure": self.measure, "item": self.item, "increment": self.increment,
                "stage": self.stage}


@dataclass(slots=True)
class TimeExpr:
    id: str
    span: Span
    value: str | None
    granularity: str | None
    anchored: bool
    stage: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "span": self.span.to_dict(), "value": self.value,
                "granularity": self.granularity, "anchored": self.anchored, "stage": self.stage}


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Span
    stage: str
    mode: str | None = None
    actor: str | None = None
    recipient: str | None = None
    location: str | None = None
    time: str | None = None
    quantities: list[str] = field(default_factory=list)
    attribution: str | None = None
    modality: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": self.mode,
                "trigger": self.trigger.to_dict(), "sentence": self.sentence.to_dict(),
                "actor": self.actor, "recipient": self.recipient, "location": self.location,
                "time": self.time, "quantities": list(self.quantities),
                "attribution": self.attribution, "modality": self.modality, "stage": self.stage}


@dataclass(slots=True)
class Attribution:
    id: str
    cue: Span
    source: str | None
    stage: str
    source_text: Span | None = None
    quote: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "cue": self.cue.to_dict(), "source": self.source,
                "source_text": self.source_text.to_dict() if self.source_text else None,
                "quote": self.quote.to_dict() if self.quote else None, "stage": self.stage}


@dataclass(slots=True)
class Claim:
    id: str
    subject: str | None
    measure: str
    stage: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    as_of: str | None = None
    source: str | None = None
    modality: str = "asserted"
    quantity: str | None = None
    event: str | None = None
    parts: list[str] = field(default_factory=list)  # claims that add up to this total (killed + injured)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "subject": self.subject, "measure": self.measure,
                "value": self.value, "low": self.low, "high": self.high,
                "qualifier": self.qualifier, "as_of": self.as_of, "source": self.source,
                "modality": self.modality, "quantity": self.quantity, "event": self.event,
                "parts": list(self.parts), "stage": self.stage}


@dataclass(slots=True)
class Problem:
    """Something wrong with the input or a stage's work on it; processing went on."""

    stage: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"stage": self.stage, "message": self.message}
        if self.span is not None:
            out["span"] = self.span.to_dict()
        return out


@dataclass(slots=True)
class Document:
    """One report. `raw` is the input as read; `text` is the cleaned text every span points into."""

    id: str
    raw: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: str = "text"  # text | markdown | html (for html, `raw` is the text extracted from it)
    lang: str | None = None
    lang_given: str | None = None
    published: dt.date | None = None
    published_source: str | None = None  # given | metadata | estimated | None
    text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    removed: list[Removed] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    translation: Translation = field(default_factory=Translation)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    # Not serialised: the spaCy Doc of `text`, for later stages that need tokens.
    nlp_doc: Any = field(default=None, repr=False, compare=False)

    def span(self, start: int, end: int) -> Span:
        """A span of the cleaned text; raises on a range outside it (a programmer's mistake)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        return Span(start, end, self.text[start:end])

    def problem(self, stage: str, message: str, span: Span | None = None) -> None:
        self.problems.append(Problem(stage, message, span))

    def to_dict(self) -> dict[str, Any]:
        """The output contract (docs/output.md, schema in dateline/schema/output.schema.json)."""
        return {
            "dateline": CONTRACT_VERSION,
            "document": {
                "id": self.id, "source": self.source, "title": self.title, "url": self.url,
                "outlet": self.outlet, "lang": self.lang,
                "published": self.published.isoformat() if self.published else None,
                "published_source": self.published_source,
                "text": self.text,
                "removed": [r.to_dict() for r in self.removed],
                "translation": self.translation.to_dict(),
                "paragraphs": [p.to_dict() for p in self.paragraphs],
                "sentences": [s.to_dict() for s in self.sentences],
                "stages": list(self.stages),
            },
            "entities": [e.to_dict() for e in self.entities],
            "quantities": [q.to_dict() for q in self.quantities],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "attributions": [a.to_dict() for a in self.attributions],
            "claims": [c.to_dict() for c in self.claims],
            "problems": [p.to_dict() for p in self.problems],
        }
