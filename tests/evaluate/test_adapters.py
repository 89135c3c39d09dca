"""Each data-set adapter on the real development data (skipped when ../shared is absent): plausible
counts, and every gold span's text equal to the slice of the (rebuilt) text."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dateline.evaluate.adapters import SETS, load_set

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def loaded(name: str):
    if not (DATA / name).is_dir():
        pytest.skip(f"../shared/data/{name} is absent (a user's fresh clone has none)")
    return load_set(name, DATA)


def spans(doc, field):
    for fact in doc.facts.get(field, []):
        span = fact.get("trigger") or fact.get("cue") or fact
        if "start" in span:
            yield span


def assert_spans_match_text(docs, field):
    n = 0
    for doc in docs:
        for span in spans(doc, field):
            assert doc.text[span["start"]:span["end"]] == span.get("text", doc.text[span["start"]:span["end"]])
            assert doc.text[span["start"]:span["end"]].strip(), (doc.id, span)
            n += 1
    return n


def test_hipe_rebuilds_text_and_entities():
    docs = loaded("hipe2022-newseye-sonar")
    assert Counter(d.lang for d in docs) == {"fr": 70, "de": 39}
    layers = Counter("nested" if e.get("nested") else "main" for d in docs for e in d.facts["entities"])
    assert assert_spans_match_text(docs, "entities") == sum(layers.values())
    assert layers["main"] == 3154 + 3029 + 755
    links = Counter("NIL" if e.get("wikidata") == "NIL" else "QID" for d in docs for e in d.facts["entities"]
                    if "wikidata" in e)
    assert links["QID"] == 1793 + 1518 + 572
    assert not any("wikidata" in e for d in docs for e in d.facts["entities"] if e.get("nested"))
    # the set's own convenience conversion agrees with the text and both layers rebuilt from the TSV
    for name in ("newseye-fr", "newseye-de", "sonar-de"):
        with (DATA / "hipe2022-newseye-sonar" / f"{name}.jsonl").open(encoding="utf-8") as fh:
            theirs = {f"{name}:{r['doc_id']}": r for r in map(json.loads, fh)}
        for d in docs:
            if d.id in theirs:
                assert d.text == theirs[d.id]["text"]
                ours = sorted((e["start"], e["end"]) for e in d.facts["entities"] if e.get("nested"))
                assert ours == sorted((e["start"], e["end"]) for e in theirs[d.id]["entities"]
                                      if e["layer"] == "nested")


def test_geowebnews_places_with_coordinates():
    docs = loaded("geowebnews")
    assert len(docs) == 134 and all(d.entity_kinds == ("place",) for d in docs)
    n = assert_spans_match_text(docs, "entities")
    with_coords = sum("lat" in e for d in docs for e in d.facts["entities"])
    assert 1000 < n < 2500 and with_coords > 0.8 * n
    assert all(-90 <= e["lat"] <= 90 for d in docs for e in d.facts["entities"] if "lat" in e)


def test_fr_timebank_times_with_dct():
    docs = loaded("fr-timebank")
    assert len(docs) == 72 and all(d.published and d.lang == "fr" for d in docs)
    assert assert_spans_match_text(docs, "times") == 252


def test_recognizers_cases_as_small_documents():
    docs = loaded("recognizers-text-specs")
    assert len(docs) == 2378 and Counter(d.lang for d in docs) == {"en": 1115, "fr": 1014, "de": 249}
    quantities, times = assert_spans_match_text(docs, "quantities"), assert_spans_match_text(docs, "times")
    assert 900 < quantities < 1150 and 1300 < times < 1600
    ranges = [q for d in docs for q in d.facts.get("quantities", []) if "low" in q]
    assert ranges and all(q["qualifier"] in {"range", "exactly", "at_least", "more_than", "at_most", "less_than"} for q in ranges)
    assert any(q["qualifier"] == "exactly" and q["low"] == q["high"] == q["value"] for q in ranges)
    assert all(d.published for d in docs if "times" in d.facts)
    assert any(d.facts.get("quantities") == [] for d in docs)  # negative cases are kept


def test_semeval_dated_events():
    docs = loaded("semeval2015-timeline")
    events = [e for d in docs for e in d.facts["events"]]
    assert len(docs) == 60 and len(events) == 639
    assert assert_spans_match_text(docs, "events") == 639
    assert sum("participant" in e for e in events) > 0.9 * len(events)
    assert all(len(e["time"]) in (4, 7, 10) for e in events if "time" in e)


def test_wikinews_is_text_only_and_reachable_by_ref(tmp_path):
    docs = loaded("wikinews")
    assert len(docs) == 540 and all(not d.facts for d in docs)
    from dateline.evaluate.gold import read_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"ref": {"set": "wikinews", "id": docs[0].id}, "times": []}) + "\n", encoding="utf-8")
    (doc,) = read_gold(gold, DATA)
    assert doc.text == docs[0].text and doc.lang == docs[0].lang and doc.id == docs[0].id


def test_every_set_has_an_adapter_module():
    import importlib

    for module in SETS.values():
        assert callable(importlib.import_module(f"dateline.evaluate.adapters.{module}").load)
