"""What is scored: per field, the sub-scores, their gold and predicted items, and their rules.

Each `Score` turns a gold document and a predicted `Document` into two lists of `Item`s (predicted
spans mapped back to offsets of the gold text) and says when a pair matches. The first score of a
field is its primary score (the one a bare field name means in `--floors`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..document import Document, Span
from .gold import FIELDS, GoldDoc
from .match import (
    GEO_KM,
    Item,
    checked,
    haversine_km,
    jaccard,
    norm_text,
    overlap,
    same_label,
    same_name,
    same_number,
    same_time,
)

# Entity kinds from spaCy labels, Dateline and the data sets, folded onto one vocabulary so that
# a gold set's `entity_kinds` can say which predicted entities it annotates at all.
KINDS = {"per": "person", "person": "person", "loc": "place", "gpe": "place", "fac": "place",
         "place": "place", "location": "place", "country": "place", "org": "organisation", "organization": "organisation",
         "organisation": "organisation", "humanprod": "product", "product": "product"}


def norm_kind(kind: Any) -> str:
    text = norm_text(kind or "")
    return KINDS.get(text, text)


@dataclass(frozen=True)
class Score:
    name: str  # "quantities.value"
    field: str  # the gold key it reads
    gold: Callable[[GoldDoc], list[Item]]
    pred: Callable[[Document, GoldDoc], list[Item]]
    rule: Callable[[Item, Item], bool]
    applies: Callable[[GoldDoc], bool] = lambda g: True
    about: str = ""


# ---- gold items ----

def _gold_spans(name: str, span_key: str | None = None) -> Callable[[GoldDoc], list[Item]]:
    def items(g: GoldDoc) -> list[Item]:
        out = []
        for fact in g.facts.get(name, []):
            span = fact.get(span_key) if span_key else (fact if "start" in fact else None)
            if span:
                out.append(Item(span["start"], span["end"], g.text[span["start"]:span["end"]], fact))
            else:
                out.append(Item(None, None, _describe(fact), fact))
        return out
    return items


def _describe(fact: Any) -> str:
    return " ".join(f"{k}={v}" for k, v in fact.items() if not isinstance(v, dict))


def _only(items: Callable[[GoldDoc], list[Item]], keep: Callable[[Item], bool]) -> Callable[[GoldDoc], list[Item]]:
    return lambda g: [i for i in items(g) if keep(i)]


def _any_gold(name: str, key: str) -> Callable[[GoldDoc], bool]:
    return lambda g: any(key in f for f in g.facts.get(name, []))


# ---- predicted items ----

def _raw(doc: Document, span: Span) -> tuple[int, int]:
    """Predicted spans point into the cleaned text; gold spans into the text as given."""
    return doc.offsets.raw_span(span.start, span.end)


def _item(doc: Document, span: Span | None, attrs: dict[str, Any], label: str = "") -> Item:
    if span is None:
        return Item(None, None, label or _describe(attrs), attrs)
    start, end = _raw(doc, span)
    return Item(start, end, span.text, attrs)


def _names(doc: Document) -> Callable[[str | None], set[str]]:
    """What a reference (an entity or attribution id, or a plain name) may be called."""
    index: dict[str, set[str]] = {}
    for e in doc.entities:
        index[e.id] = {e.name, e.wikidata or "", *(m.span.text for m in e.mentions)}
    for a in doc.attributions:
        names = {a.source or "", a.source_text.text if a.source_text else ""}
        index[a.id] = names | set().union(*(index.get(n, set()) for n in names))
    return lambda ref: ({ref} | index.get(ref, set())) - {""} if ref else set()


def pred_entities(doc: Document, g: GoldDoc) -> list[Item]:
    kinds = {norm_kind(k) for k in g.entity_kinds} if g.entity_kinds is not None else None
    out = []
    for e in doc.entities:
        if kinds is not None and norm_kind(e.kind) not in kinds:
            continue
        attrs = {"kind": e.kind, "wikidata": e.wikidata, "country": e.country, "lat": e.lat, "lon": e.lon,
                 "geonames": e.geonames, "name": e.name}
        # Gold sets annotate names; demonyms ("russe") and descriptions ("l'armée russe") are not scored.
        out.extend(_item(doc, m.span, attrs) for m in e.mentions if m.form == "name")
    return out


def _with(pred: Callable[[Document, GoldDoc], list[Item]], key: str) -> Callable[[Document, GoldDoc], list[Item]]:
    return lambda d, g: [i for i in pred(d, g) if i.attrs.get(key) is not None]


def pred_quantities(doc: Document, g: GoldDoc) -> list[Item]:
    return [_item(doc, q.span, {"value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier,
                                "measure": q.measure, "unit": q.unit}) for q in doc.quantities]


def pred_times(doc: Document, g: GoldDoc) -> list[Item]:
    return [_item(doc, t.span, {"value": t.value}) for t in doc.times]


def pred_events(doc: Document, g: GoldDoc) -> list[Item]:
    names, times = _names(doc), {t.id: t.value for t in doc.times}
    return [_item(doc, e.trigger, {"type": e.type, "actor": names(e.actor), "recipient": names(e.recipient),
                                   "time": times.get(e.time or "", e.time), "modality": e.modality})
            for e in doc.events]


def pred_attributions(doc: Document, g: GoldDoc) -> list[Item]:
    names = _names(doc)
    return [_item(doc, a.cue, {"source": names(a.source) | names(a.id)}) for a in doc.attributions]


def pred_claims(doc: Document, g: GoldDoc) -> list[Item]:
    names = _names(doc)
    return [_item(doc, None, {"subject": names(c.subject), "measure": c.measure, "value": c.value, "low": c.low,
                              "high": c.high, "source": names(c.source), "modality": c.modality},
                  f"{c.subject} {c.measure}={c.value} source={c.source} modality={c.modality}")
            for c in doc.claims]


def pred_modality(doc: Document, g: GoldDoc) -> list[Item]:
    return [_item(doc, e.trigger, {"value": e.modality}) for e in doc.events if not _asserted(e.modality)]


def _asserted(value: Any) -> bool:
    return value is None or norm_text(value) == "asserted"


# ---- rules (a gold attribute that is absent is not checked) ----

def _anything(g: Item, p: Item) -> bool:
    return True


def _same_values(g: Item, p: Item) -> bool:
    return all(checked(g.attrs, k, lambda v, k=k: same_number(v, p.attrs.get(k))) for k in ("value", "low", "high"))


def _and(*rules: Callable[[Item, Item], bool]) -> Callable[[Item, Item], bool]:
    return lambda g, p: all(r(g, p) for r in rules)


def _label(key: str) -> Callable[[Item, Item], bool]:
    return lambda g, p: checked(g.attrs, key, lambda v: same_label(v, p.attrs.get(key)))


def _name(key: str, *pred_keys: str) -> Callable[[Item, Item], bool]:
    keys = pred_keys or (key,)
    return lambda g, p: checked(g.attrs, key, lambda v: same_name(v, set().union(*(p.attrs.get(k) or set() for k in keys))))


def _same_time(g: Item, p: Item) -> bool:
    return checked(g.attrs, "time" if "time" in g.attrs else "value",
                   lambda v: same_time(v, p.attrs.get("time", p.attrs.get("value"))))


def _same_qid(g: Item, p: Item) -> bool:
    return g.attrs["wikidata"] == p.attrs["wikidata"]


def _within_km(g: Item, p: Item) -> bool:
    return haversine_km(g.attrs["lat"], g.attrs["lon"], p.attrs["lat"], p.attrs["lon"]) <= GEO_KM


_gold_entities = _only(_gold_spans("entities"), lambda i: not i.attrs.get("nested"))
_gold_nested = _only(_gold_spans("entities"), lambda i: bool(i.attrs.get("nested")))
_gold_linked = _only(_gold_entities, lambda i: i.attrs.get("wikidata", "NIL") != "NIL")


def _has_link(g: GoldDoc) -> bool:
    """Linking is annotated in this document: some mention carries a QID (a document whose every
    mention is NIL was not linked, as some HIPE German pages were not)."""
    return any(f.get("wikidata", "NIL") != "NIL" for f in g.facts.get("entities", []))


def _pred_links(doc: Document, g: GoldDoc) -> list[Item]:
    """Linked name mentions, less those on a gold mention the gold gives no link to judge by: a
    nested one ("Paris" in "Banque de Paris") or one without a `wikidata` key (the annotator did
    not know the item, which is not `NIL`: tests/gold/README.md). A link there is neither right
    nor wrong."""
    unjudged = _gold_nested(g) + [i for i in _gold_entities(g) if "wikidata" not in i.attrs]
    return [p for p in _with(pred_entities, "wikidata")(doc, g)
            if not any(jaccard(n, p) >= 0.5 for n in unjudged)]


def _pred_links_annotated(doc: Document, g: GoldDoc) -> list[Item]:
    """Linked name mentions on text the annotators marked as a mention (linked or NIL): a link
    the gold can judge. Links on text the gold leaves unmarked (an unannotated stretch of a page)
    drop out, so the precision is that of the links given to mentions the gold annotates."""
    gold = _gold_entities(g)
    return [p for p in _pred_links(doc, g) if any(overlap(m, p) for m in gold)]


_event_rule = _and(_label("type"), _name("actor"), _name("recipient"), _name("participant", "actor", "recipient"))
_claim_rule = _and(_name("subject"), _label("measure"), _same_values)

SCORES: tuple[Score, ...] = (
    Score("entities.recognition", "entities", _gold_entities, pred_entities, _anything,
          about="mention spans overlap"),
    Score("entities.linking", "entities", _gold_linked, _pred_links, _same_qid, _has_link,
          "spans overlap and same Wikidata QID (gold NIL: no link expected)"),
    Score("entities.linking_annotated", "entities", _gold_linked, _pred_links_annotated, _same_qid, _has_link,
          "as linking, over the links given to mentions the gold annotates"),
    Score("entities.geo_id", "entities", _only(_gold_entities, lambda i: "geonames" in i.attrs),
          _with(pred_entities, "geonames"), lambda g, p: str(g.attrs["geonames"]) == str(p.attrs["geonames"]),
          _any_gold("entities", "geonames"), "spans overlap and same GeoNames id"),
    Score("entities.geo_country", "entities", _only(_gold_entities, lambda i: "country" in i.attrs),
          _with(pred_entities, "country"), _label("country"), _any_gold("entities", "country"),
          "spans overlap and same country"),
    Score("entities.geo_161km", "entities", _only(_gold_entities, lambda i: "lat" in i.attrs),
          _with(pred_entities, "lat"), _within_km, _any_gold("entities", "lat"),
          "spans overlap and coordinates within 161 km"),
    Score("quantities.span", "quantities", _gold_spans("quantities"), pred_quantities, _anything,
          about="spans overlap"),
    Score("quantities.value", "quantities", _gold_spans("quantities"), pred_quantities, _same_values,
          about="+ value/low/high equal (relative tolerance 1e-6)"),
    Score("quantities.qualifier", "quantities", _gold_spans("quantities"), pred_quantities,
          _and(_same_values, _label("qualifier")), about="+ same qualifier"),
    Score("quantities.measure", "quantities", _gold_spans("quantities"), pred_quantities,
          _and(_same_values, _label("measure")), about="+ same measure"),
    Score("quantities.unit", "quantities", _gold_spans("quantities"), pred_quantities,
          _and(_same_values, _label("unit")), about="+ same unit"),
    Score("times.span", "times", _gold_spans("times"), pred_times, _anything, about="spans overlap"),
    Score("times.value", "times", _gold_spans("times"), pred_times, _same_time,
          about="+ same normalised value"),
    Score("events.participants", "events", _gold_spans("events", "trigger"), pred_events, _event_rule,
          about="type + actor + recipient (+ trigger overlap when given)"),
    Score("events.time", "events", _gold_spans("events", "trigger"), pred_events, _and(_event_rule, _same_time),
          about="+ same time value"),
    Score("attributions.source", "attributions", _gold_spans("attributions", "cue"), pred_attributions,
          _name("source"), about="same source (+ cue overlap when given)"),
    Score("claims.value", "claims", _gold_spans("claims"), pred_claims, _claim_rule,
          about="subject + measure + value"),
    Score("claims.source", "claims", _gold_spans("claims"), pred_claims, _and(_claim_rule, _name("source")),
          about="+ same source"),
    Score("claims.modality", "claims", _gold_spans("claims"), pred_claims,
          _and(_claim_rule, _name("source"), _label("modality")), about="+ same modality"),
    Score("modality.value", "modality", _only(_gold_spans("modality"), lambda i: not _asserted(i.attrs["value"])),
          pred_modality, _label("value"), about="non-asserted event spans overlap, same modality"),
)
SCORE_NAMES = tuple(s.name for s in SCORES)
PRIMARY = {f: next(s.name for s in SCORES if s.field == f) for f in FIELDS}


def select(fields: list[str] | None) -> tuple[Score, ...]:
    """The scores of the named fields (or sub-scores), all when `fields` is empty."""
    if not fields:
        return SCORES
    unknown = [f for f in fields if f not in FIELDS and f not in SCORE_NAMES]
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; choose from {', '.join(FIELDS)} "
                         f"or a sub-score such as {SCORE_NAMES[1]}")
    return tuple(s for s in SCORES if s.field in fields or s.name in fields)
