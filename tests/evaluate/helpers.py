"""Hand-made predicted documents for the evaluation tests (no models: the matching is what is tested)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.config import Options
from dateline.document import Claim, Document, Entity, Event, Mention, Quantity, TimeExpr
from dateline.evaluate.gold import GoldDoc, from_record
from dateline.evaluate.score import to_document

STAGE = "test.fake.v1"


def gold(record: dict[str, Any], where: str = "gold.jsonl:1") -> GoldDoc:
    return from_record(record, where)


def predicted(g: GoldDoc) -> Document:
    """The unprocessed document for `g`, its cleaned text equal to the gold text (identity offsets)."""
    doc = to_document(g, Options())
    doc.text, doc.lang = doc.raw, g.lang
    return doc


def entity(doc: Document, start: int, end: int, **attrs: Any) -> Entity:
    e = Entity(f"e{len(doc.entities)}", doc.text[start:end], attrs.pop("kind", "LOC"),
               [Mention(doc.span(start, end), STAGE)], STAGE, **attrs)
    doc.entities.append(e)
    return e


def quantity(doc: Document, start: int, end: int, value: float | None, **attrs: Any) -> Quantity:
    q = Quantity(f"q{len(doc.quantities)}", doc.span(start, end), value, STAGE, **attrs)
    doc.quantities.append(q)
    return q


def time(doc: Document, start: int, end: int, value: str | None) -> TimeExpr:
    t = TimeExpr(f"t{len(doc.times)}", doc.span(start, end), value, "day", True, STAGE)
    doc.times.append(t)
    return t


def event(doc: Document, start: int, end: int, type_: str, **attrs: Any) -> Event:
    e = Event(f"v{len(doc.events)}", type_, doc.span(start, end), doc.span(0, len(doc.text)), STAGE, **attrs)
    doc.events.append(e)
    return e


def claim(doc: Document, subject: str, measure: str, value: float, **attrs: Any) -> Claim:
    c = Claim(f"c{len(doc.claims)}", subject, measure, STAGE, value=value, **attrs)
    doc.claims.append(c)
    return c


class OracleExtractor:
    """Predicts exactly the gold entities, quantities and times, except the fields in `drop`:
    a perfect extractor, or a deliberately broken one."""

    options = Options()

    def __init__(self, golds: Iterable[GoldDoc], drop: Iterable[str] = ()) -> None:
        self.golds = {g.id: g for g in golds}
        self.drop = set(drop)

    def extract_many(self, inputs: Iterable[Document]) -> Iterator[Document]:
        for doc in inputs:
            doc.text = doc.raw
            facts = self.golds[doc.id].facts
            if "entities" not in self.drop:
                for e in facts.get("entities", []):
                    entity(doc, e["start"], e["end"], wikidata=e.get("wikidata"))
            if "quantities" not in self.drop:
                for q in facts.get("quantities", []):
                    quantity(doc, q["start"], q["end"], q.get("value"), low=q.get("low"), high=q.get("high"))
            if "times" not in self.drop:
                for t in facts.get("times", []):
                    value = t["value"][0] if isinstance(t["value"], list) else t["value"]
                    time(doc, t["start"], t["end"], value)
            yield doc

