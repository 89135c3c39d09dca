"""The output contract: schema-valid, and every span covers exactly its text, over every fixture."""

from __future__ import annotations

import pytest

from dateline.output import iter_spans, validate

from ..conftest import ARTICLES, FIXTURES, ROOT

ALL_INPUTS = sorted(ARTICLES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.html")) + [
    FIXTURES / "jsonl" / "articles.jsonl", ROOT / "src" / "dateline" / "examples" / "report_fr.txt"]


@pytest.fixture(scope="module")
def outputs(extractor):
    results = list(extractor.extract_many(ALL_INPUTS))
    return [r.to_dict() for r in results if not isinstance(r, Exception)]


def test_every_fixture_is_processed(outputs):
    # 5 documents in articles.jsonl, one per other file
    assert len(outputs) == len(ALL_INPUTS) - 1 + 5


def test_every_output_validates_against_the_schema(outputs):
    for out in outputs:
        validate(out)


def test_every_span_points_to_its_text(outputs):
    checked = 0
    for out in outputs:
        text = out["document"]["text"]
        for span in iter_spans(out):
            assert text[span["start"]:span["end"]] == span["text"]
            checked += 1
    assert checked > 500  # paragraphs, sentences and evidence exist in quantity


def test_all_arrays_of_the_contract_are_present(outputs):
    for out in outputs:
        for key in ("entities", "quantities", "times", "events", "attributions", "claims", "problems"):
            assert isinstance(out[key], list)


def test_validate_rejects_a_span_that_lies():
    import jsonschema

    from dateline import extract

    out = extract("Au moins neuf personnes ont été blessées jeudi à Kharkiv.").to_dict()
    out["document"]["sentences"][0]["text"] = "autre chose"
    with pytest.raises(jsonschema.ValidationError):
        validate(out)
