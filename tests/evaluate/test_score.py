"""P/R/F1 arithmetic and aggregation over documents and languages."""

from __future__ import annotations

import pytest

from dateline.evaluate.fields import select
from dateline.evaluate.score import Counts, score_documents

from .helpers import gold, predicted, time


def test_counts_arithmetic():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


@pytest.mark.parametrize(("tp", "fp", "fn", "p", "r", "f"), [
    (0, 0, 0, None, None, None),  # nothing annotated, nothing predicted: no score
    (0, 0, 4, 0.0, 0.0, 0.0),  # nothing predicted
    (0, 3, 0, 0.0, 0.0, 0.0),  # nothing to find, false hits
    (2, 0, 0, 1.0, 1.0, 1.0),
])
def test_counts_edge_cases(tp, fp, fn, p, r, f):
    c = Counts(tp, fp, fn)
    assert (c.precision, c.recall, c.f1) == (p, r, f)


def test_micro_average_over_documents_and_languages():
    fr = gold({"id": "fr", "text": "Jeudi et vendredi.", "lang": "fr",
               "times": [{"start": 0, "end": 5, "value": "2025-03-27"}, {"start": 9, "end": 17, "value": "2025-03-28"}]})
    en = gold({"id": "en", "text": "On Monday.", "lang": "en", "times": [{"start": 3, "end": 9, "value": "2025-03-24"}]})
    pfr, pen = predicted(fr), predicted(en)
    time(pfr, 0, 5, "2025-03-27")  # fr: 1 tp, 1 fn
    time(pen, 3, 9, "2025-03-24")  # en: 1 tp, 1 fp
    time(pen, 0, 2, "2025-03-24")
    result = score_documents([(fr, pfr), (en, pen)], select(["times.value"]))
    assert (result.get("times.value").tp, result.get("times.value").fp, result.get("times.value").fn) == (2, 1, 1)
    assert result.get("times.value", "fr").recall == pytest.approx(0.5)
    assert result.get("times.value", "en").precision == pytest.approx(0.5)
    assert result.documents == {"all": 2, "fr": 1, "en": 1}
    assert sorted((e.doc, e.kind) for e in result.errors) == [("en", "false hit"), ("fr", "miss")]
