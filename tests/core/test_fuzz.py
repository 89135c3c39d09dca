"""Arbitrary input never crashes the pipeline, and what comes out keeps the output contract."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import Extractor
from dateline.config import Options
from dateline.document import Document
from dateline.errors import InputError
from dateline.ingest import read_bytes
from dateline.output import iter_spans, validate

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u2060"
SPACES = " \n\n\r\n\t\u00a0\u202f\u2028\u2029\x0b\x0c"
SCRIPT_WORDS = ["Kharkiv", "Харків", "Zürich", "東京", "القاهرة", "ירושלים", "Αθήνα", "मुंबई", "서울", "12.000",
                "3\u202f000", "1,5", "„Zitat“", "« citation »", "Kyjiw", "Sergueï", "Einsatzkräfte", "e\u0301t\u00e9",
                "**gras**", "[lien](http://x)", "# titre", "Kommentare (0)", "0 comments", "🙂", "\U0001f1fa\U0001f1e6"]

texts = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(INVISIBLE + SPACES)),
                max_size=400)
mixed = st.lists(st.one_of(st.sampled_from(SCRIPT_WORDS), st.sampled_from(list(INVISIBLE + SPACES))),
                 max_size=80).map("".join)


def check(results: list, expected: int) -> None:
    assert len(results) == expected
    for item in results:
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, InputError):
            assert str(item)
            continue
        out = item.to_dict()
        validate(out)
        text = out["document"]["text"]
        for span in iter_spans(out):
            assert text[span["start"]:span["end"]] == span["text"]
        for e in item.translation.evidence:
            assert item.text[e.span.start:e.span.end] == e.span.text
        assert item.stages == list(Options().stages)


@FUZZ
@given(text=texts)
def test_arbitrary_unicode_text(extractor, text):
    check(list(extractor.extract_many([text])), 1)


@FUZZ
@given(text=mixed)
def test_mixed_scripts_invisibles_and_markup(extractor, text):
    check(list(extractor.extract_many([text])), 1)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(mixed, min_size=2, max_size=4))
def test_batches_keep_one_result_per_input_in_order(extractor, texts):
    results = list(extractor.extract_many(texts))
    check(results, len(texts))


tags = st.sampled_from(["div", "p", "span", "b", "i", "table", "td", "tr", "article", "script", "style",
                        "h1", "a", "ul", "li", "svg", "iframe", "!--", "![CDATA[", "?xml"])


@st.composite
def broken_html(draw) -> str:
    parts = ["<html><body>"] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(tags)
        kind = draw(st.integers(0, 3))
        parts.append(f"<{tag}>" if kind == 0 else f"</{tag}>" if kind == 1 else f"<{tag} a=\"" if kind == 2 else "<")
        parts.append(draw(mixed))
    depth = draw(st.integers(0, 3000))
    parts.append("<div>" * depth + draw(mixed) + "</div>" * draw(st.integers(0, depth)))
    return "".join(parts)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(html=broken_html())
def test_broken_and_nested_html(extractor, html):
    items = list(read_bytes(html.encode("utf-8"), "<fuzz>", extractor.options, fmt="html"))
    check(list(extractor.extract_many(items)), len(items))


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(extractor, data):
    items = list(read_bytes(data, "<fuzz>", extractor.options))
    assert items
    check(list(extractor.extract_many(items)), len(items))


@FUZZ
@given(data=st.binary(max_size=600), fmt=st.sampled_from(["text", "markdown", "html", "jsonl"]))
def test_random_bytes_in_every_format(extractor, data, fmt):
    items = list(read_bytes(data, "<fuzz>", extractor.options, fmt=fmt))
    check(list(extractor.extract_many(items)), len(items))


def test_deeply_nested_html(extractor):
    html = "<div>" * 5000 + "Des inondations ont touché la ville de Nîmes samedi." + "<span><b>" * 3000
    items = list(read_bytes(html.encode(), "<deep>", extractor.options, fmt="html"))
    check(list(extractor.extract_many(items)), len(items))


def test_ten_megabyte_single_line(extractor):
    sentence = "Les secours ont évacué 3\u00a0000 habitants de Kharkiv mardi soir, selon la préfecture. "
    text = sentence * (10 * 1024 * 1024 // len(sentence.encode()) + 1)
    data = text.encode()
    assert len(data) >= 10 * 1024 * 1024 and "\n" not in text
    items = list(read_bytes(data, "<big>", Options()))
    (doc,) = list(extractor.extract_many(items))
    check([doc], 1)
    assert isinstance(doc, Document) and doc.lang == "fr"
    # Far beyond a report: cut at the configured limit, the rest listed as removed, with a problem.
    assert 0 < len(doc.text) <= Options().max_chars and text.startswith(doc.text)
    assert any("not processed" in p.message for p in doc.problems)
    assert any("over the limit" in r.reason for r in doc.removed)


# Thousands of hostile inputs, cheaply: the same pipeline without trained models (tokenizer and
# sentencizer only), so the count can be high while the suite stays fast.
@pytest.fixture(scope="module")
def rules_only():
    return Extractor(Options(use_models=False))


hostile = st.one_of(texts, mixed)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=hostile)
def test_thousands_of_hostile_texts_rules_only(rules_only, text):
    check(list(rules_only.extract_many([text])), 1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=800), fmt=st.sampled_from([None, "text", "markdown", "html", "jsonl"]))
def test_thousands_of_random_byte_inputs_rules_only(rules_only, data, fmt):
    items = list(read_bytes(data, "<fuzz>", rules_only.options, fmt=fmt))
    assert items
    check(list(rules_only.extract_many(items)), len(items))
