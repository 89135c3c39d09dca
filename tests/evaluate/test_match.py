"""Matching rules on hand-made gold/predicted pairs: one-to-one, greedy by overlap, rule first."""

from __future__ import annotations

import pytest

from dateline.evaluate.match import Item, haversine_km, jaccard, match, norm_time, same_label, same_number, same_time

from .helpers import entity, event, gold, predicted, quantity, time
from dateline.evaluate.score import score_document
from dateline.evaluate.fields import select

TEXT = "Au moins neuf personnes ont été blessées jeudi à Kharkiv, selon la police."


def span(start: int, end: int, **attrs) -> Item:
    return Item(start, end, TEXT[start:end], attrs)


def always(g: Item, p: Item) -> bool:
    return True


def counts(record: dict, build, fields: list[str]) -> dict[str, tuple[int, int, int]]:
    g = gold({"text": TEXT, "lang": "fr", **record})
    doc = predicted(g)
    build(doc)
    return {s.name: (c.tp, c.fp, c.fn) for s, c, _ in score_document(g, doc, select(fields))}


def test_overlap_of_one_character_matches_and_touching_spans_do_not():
    assert len(match([span(0, 13)], [span(12, 20)], always).pairs) == 1
    m = match([span(0, 13)], [span(13, 20)], always)
    assert (m.pairs, len(m.misses), len(m.false_hits)) == ([], 1, 1)


def test_one_to_one_two_predictions_on_one_gold_leave_a_false_hit():
    m = match([span(0, 13)], [span(0, 8), span(9, 13)], always)
    assert len(m.pairs) == 1 and len(m.false_hits) == 1 and not m.misses


def test_greedy_takes_best_overlap_first():
    # pred [0:13] fits gold [0:13] best (Jaccard 1) and takes it; gold [0:23] then gets pred [9:23].
    golds = [span(0, 23), span(0, 13)]
    preds = [span(0, 13), span(9, 23)]
    m = match(golds, preds, always)
    assert {(g.start, g.end, p.start, p.end) for g, p in m.pairs} == {(0, 13, 0, 13), (0, 23, 9, 23)}


def test_rule_filters_before_overlap_ranks():
    # The best-overlapping prediction has the wrong value; the other one, with the right value, matches.
    golds = [span(0, 13, value=9)]
    preds = [span(0, 13, value=8), span(9, 13, value=9)]
    m = match(golds, preds, lambda g, p: g.attrs["value"] == p.attrs["value"])
    assert m.pairs[0][1].start == 9 and len(m.false_hits) == 1


def test_spanless_gold_matches_on_attributes_alone():
    m = match([Item(None, None, "x", {"a": 1})], [span(3, 5, a=1)], lambda g, p: g.attrs["a"] == p.attrs["a"])
    assert len(m.pairs) == 1


def test_jaccard():
    assert jaccard(span(0, 10), span(5, 15)) == pytest.approx(5 / 15)
    assert jaccard(span(0, 10), span(10, 15)) == 0


@pytest.mark.parametrize(("gold_value", "pred", "same"), [
    (9, 9.0, True), (1e6, 1e6 * (1 + 5e-7), True), (1e6, 1e6 * (1 + 2e-6), False),
    (0.2, 0.2000001, True), (0.2, 0.21, False), (None, None, True), (None, 0, False), (0, None, False),
])
def test_same_number_relative_tolerance(gold_value, pred, same):
    assert same_number(gold_value, pred) is same


@pytest.mark.parametrize(("gold_value", "pred", "same"), [
    ("2016-11-07 10:00:00", "2016-11-07T10:00", True), ("xxxx-04-22", "XXXX-04-22", True),
    (["2016-04-22", "2017-04-22"], "2017-04-22", True), ("2016-04-22", "2016-04-23", False),
    ("2016-04-22", None, False),
])
def test_same_time(gold_value, pred, same):
    assert same_time(gold_value, pred) is same


def test_norm_time_keeps_non_zero_seconds():
    assert norm_time("2016-11-07 10:00:30") == "2016-11-07T10:00:30"


def test_same_label_is_case_and_space_insensitive_with_alternatives():
    assert same_label(["Dollar", "USD"], "usd") and same_label("at  least", "At least")
    assert not same_label("at_least", "more_than") and not same_label("x", None)


def test_haversine_paris_london():
    assert 340 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 350


# ---- field rules through score_document ----

def test_entities_linking_needs_same_qid_and_nil_expects_no_link():
    record = {"entities": [{"start": 49, "end": 56, "wikidata": "Q42262"}, {"start": 68, "end": 74, "wikidata": "NIL"}]}

    def build(doc):
        entity(doc, 49, 56, wikidata="Q42262")
        entity(doc, 68, 74, wikidata="Q1")  # gold NIL: a link is a false hit
    got = counts(record, build, ["entities"])
    assert got["entities.recognition"] == (2, 0, 0)
    assert got["entities.linking"] == (1, 1, 0)


def test_entities_wrong_qid_is_a_miss_and_a_false_hit():
    got = counts({"entities": [{"start": 49, "end": 56, "wikidata": "Q42262"}]},
                 lambda doc: entity(doc, 49, 56, wikidata="Q90"), ["entities.linking"])
    assert got == {"entities.linking": (0, 1, 1)}


def test_entity_kinds_ignore_predictions_the_gold_does_not_annotate():
    record = {"entity_kinds": ["place"], "entities": [{"start": 49, "end": 56}]}

    def build(doc):
        entity(doc, 49, 56, kind="GPE")
        entity(doc, 68, 74, kind="ORG")  # "police": not a place, not counted
    assert counts(record, build, ["entities.recognition"]) == {"entities.recognition": (1, 0, 0)}


def test_geo_within_161_km():
    record = {"entities": [{"start": 49, "end": 56, "lat": 49.99, "lon": 36.23}]}
    near = counts(record, lambda doc: entity(doc, 49, 56, lat=50.5, lon=36.5), ["entities.geo_161km"])
    far = counts(record, lambda doc: entity(doc, 49, 56, lat=50.45, lon=30.52), ["entities.geo_161km"])  # Kyiv
    assert near == {"entities.geo_161km": (1, 0, 0)} and far == {"entities.geo_161km": (0, 1, 1)}


def test_quantity_value_qualifier_measure_are_separate_scores():
    record = {"quantities": [{"start": 0, "end": 13, "value": 9, "qualifier": "at_least", "measure": "injured"}]}
    got = counts(record, lambda doc: quantity(doc, 0, 13, 9.0, qualifier="exact", measure="injured"), ["quantities"])
    assert got["quantities.value"] == (1, 0, 0)
    assert got["quantities.qualifier"] == (0, 1, 1)
    assert got["quantities.measure"] == (1, 0, 0)
    wrong = counts(record, lambda doc: quantity(doc, 0, 13, 90.0), ["quantities"])
    assert wrong["quantities.span"] == (1, 0, 0) and wrong["quantities.value"] == (0, 1, 1)


def test_quantity_range_compares_low_and_high():
    record = {"quantities": [{"start": 0, "end": 13, "low": 9, "high": None, "qualifier": "at_least"}]}
    ok = counts(record, lambda doc: quantity(doc, 0, 13, 9.0, low=9.0, qualifier="at_least"), ["quantities.qualifier"])
    bad = counts(record, lambda doc: quantity(doc, 0, 13, 9.0, low=9.0, high=12.0), ["quantities.value"])
    assert ok == {"quantities.qualifier": (1, 0, 0)} and bad == {"quantities.value": (0, 1, 1)}


def test_times_span_and_value():
    record = {"times": [{"start": 41, "end": 46, "value": "2025-03-27"}]}
    got = counts(record, lambda doc: time(doc, 41, 46, "2025-03-26"), ["times"])
    assert got == {"times.span": (1, 0, 0), "times.value": (0, 1, 1)}


def test_events_type_actor_recipient_with_entity_ids_resolved():
    record = {"events": [{"type": "attack", "actor": "Russia", "recipient": "Kharkiv", "trigger": {"start": 32, "end": 40}}]}

    def build(doc):
        city = entity(doc, 49, 56)
        event(doc, 32, 40, "attack", actor="Russia", recipient=city.id)
    assert counts(record, build, ["events.participants"]) == {"events.participants": (1, 0, 0)}

    def wrong_type(doc):
        event(doc, 32, 40, "protest", actor="Russia", recipient="Kharkiv")
    assert counts(record, wrong_type, ["events.participants"]) == {"events.participants": (0, 1, 1)}


def test_event_participant_may_be_actor_or_recipient():
    record = {"events": [{"participant": ["Boeing", "EADS"], "trigger": {"start": 32, "end": 40}}]}
    got = counts(record, lambda doc: event(doc, 32, 40, "x", recipient="EADS"), ["events.participants"])
    assert got == {"events.participants": (1, 0, 0)}


def test_claims_cumulative_source_then_modality():
    from .helpers import claim

    record = {"claims": [{"subject": "Kharkiv", "measure": "injured", "value": 9, "source": "police",
                          "modality": "reported"}]}
    got = counts(record, lambda doc: claim(doc, "Kharkiv", "injured", 9, source="police"), ["claims"])
    assert got == {"claims.value": (1, 0, 0), "claims.source": (1, 0, 0), "claims.modality": (0, 1, 1)}


def test_modality_scores_only_non_asserted():
    record = {"modality": [{"start": 32, "end": 40, "value": "reported"}, {"start": 0, "end": 4, "value": "asserted"}]}

    def build(doc):
        event(doc, 32, 40, "injure", modality="reported")
        event(doc, 0, 4, "x")  # asserted: not a modality prediction
    assert counts(record, build, ["modality"]) == {"modality.value": (1, 0, 0)}


def test_unannotated_field_is_not_scored():
    got = counts({"times": []}, lambda doc: quantity(doc, 0, 13, 9.0), ["quantities", "times"])
    assert got == {"times.span": (0, 0, 0), "times.value": (0, 0, 0)}


def test_predicted_spans_are_mapped_back_through_cleaning():
    from dateline.document import OffsetMap, Segment

    g = gold({"text": "Title\n\nBody 9 dead.", "quantities": [{"start": 12, "end": 13, "value": 9}]})
    doc = predicted(g)
    doc.text = "Body 9 dead."  # cleaning dropped the first 7 characters
    doc.offsets = OffsetMap([Segment(0, 12, 7, 19)])
    quantity(doc, 5, 6, 9.0)
    (_, c, _), = score_document(g, doc, select(["quantities.value"]))
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


BANK = "La Banque de Paris a prêté trois millions à la ville de Lyon."


def test_link_on_a_nested_gold_mention_is_not_scored_and_unmarked_text_only_counts_in_linking():
    paris, lyon = BANK.index("Paris"), BANK.index("Lyon")
    record = {"text": BANK, "entities": [
        {"start": 3, "end": paris + 5, "wikidata": "Q3365072", "kind": "ORG"},
        {"start": paris, "end": paris + 5, "kind": "LOC", "nested": True}]}

    def build(doc):
        entity(doc, paris, paris + 5, wikidata="Q90")  # the nested place: right, but the gold gives no link
        entity(doc, lyon, lyon + 4, wikidata="Q456")  # text the gold leaves unmarked
    got = counts(record, build, ["entities"])
    assert got["entities.recognition"] == (1, 1, 0)  # the nested layer is no gold mention of its own
    assert got["entities.linking"] == (0, 1, 1)
    assert got["entities.linking_annotated"] == (0, 0, 1)


def test_a_document_whose_every_mention_is_nil_is_not_scored_for_linking():
    record = {"text": BANK, "entities": [{"start": 3, "end": 18, "wikidata": "NIL"}]}
    got = counts(record, lambda doc: entity(doc, 3, 18, wikidata="Q3365072"), ["entities"])
    assert got["entities.recognition"] == (1, 0, 0)
    assert "entities.linking" not in got and "entities.linking_annotated" not in got


def test_a_link_on_a_gold_mention_without_a_qid_key_is_unjudged_but_on_nil_is_wrong():
    """The project's gold leaves `wikidata` out where the annotator was not sure of the item (not
    `NIL`): a link there is neither right nor wrong. `NIL` says there is no item: a link is wrong."""
    paris, lyon = BANK.index("Paris"), BANK.index("Lyon")
    record = {"text": BANK, "entities": [
        {"start": 3, "end": paris + 5, "kind": "ORG"},
        {"start": lyon, "end": lyon + 4, "wikidata": "NIL", "kind": "LOC"},
        {"start": BANK.index("ville"), "end": BANK.index("ville") + 5, "wikidata": "Q1", "kind": "LOC"}]}

    def build(doc):
        entity(doc, 3, paris + 5, wikidata="Q3365072")  # on the mention without a key
        entity(doc, lyon, lyon + 4, wikidata="Q456")  # on the NIL mention
    got = counts(record, build, ["entities"])
    assert got["entities.linking"] == (0, 1, 1)
    assert got["entities.linking_annotated"] == (0, 1, 1)
