"""Document and paragraph languages."""

from __future__ import annotations

import pytest

from dateline.config import Options
from dateline.ingest import from_text

TEXTS = {
    "fr": "Les agriculteurs ont bloqué plusieurs routes autour de Toulouse jeudi matin. Ils réclament une "
          "baisse des taxes sur le gazole et dénoncent la concurrence des importations. Le préfet a promis "
          "de les recevoir avant la fin de la semaine.",
    "en": "Farmers blocked several roads around Toulouse on Thursday morning. They are demanding lower taxes "
          "on diesel and complain about competition from imports. The prefect promised to meet them before "
          "the end of the week.",
    "de": "Landwirte haben am Donnerstagmorgen mehrere Straßen rund um Toulouse blockiert. Sie fordern "
          "niedrigere Steuern auf Diesel und beklagen die Konkurrenz durch Importe. Der Präfekt versprach, "
          "sie noch vor Ende der Woche zu empfangen.",
    "es": "Los agricultores bloquearon el jueves por la mañana varias carreteras alrededor de Toulouse. "
          "Exigen una rebaja de los impuestos sobre el gasóleo y denuncian la competencia de las "
          "importaciones. El prefecto prometió recibirlos antes del fin de semana.",
    "it": "Gli agricoltori hanno bloccato giovedì mattina diverse strade intorno a Tolosa. Chiedono una "
          "riduzione delle tasse sul gasolio e denunciano la concorrenza delle importazioni. Il prefetto ha "
          "promesso di riceverli entro la fine della settimana.",
}


@pytest.fixture(scope="module")
def run(extractor):
    def process(text: str, lang: str | None = None):
        return extractor.pipeline(from_text(text, Options(lang=lang)))

    return process


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_document_language(run, lang):
    doc = run(TEXTS[lang])
    assert doc.lang == lang
    assert [p.lang for p in doc.paragraphs] == [lang]
    assert doc.paragraphs[0].confidence > 0.5


def test_paragraph_languages_of_a_mixed_document(run):
    text = ("Le secrétaire général de l'ONU a appelé lundi à un cessez-le-feu immédiat dans la région. "
            "Il s'est exprimé devant le Conseil de sécurité, réuni en urgence à New York, après une nuit "
            "de bombardements qui a fait des dizaines de victimes civiles.\n\n"
            "\"We cannot stand by while civilians are killed in their homes, and we will not stay silent "
            "while aid convoys are blocked at the border,\" he told the council members.")
    doc = run(text)
    assert doc.lang == "fr"
    assert [p.lang for p in doc.paragraphs] == ["fr", "en"]
    for p in doc.paragraphs:
        assert doc.text[p.span.start:p.span.end] == p.span.text


@pytest.mark.parametrize("given,text_lang", [("de", "fr"), ("fr", "en"), ("it", "es")])
def test_given_language_wins(run, given, text_lang):
    doc = run(TEXTS[text_lang], given)
    assert doc.lang == given
    assert any(f"given as {given!r}" in p.message and text_lang in p.message for p in doc.problems)


def test_given_language_that_agrees_raises_no_problem(run):
    doc = run(TEXTS["fr"], "FR")
    assert doc.lang == "fr"
    assert doc.problems == []


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("heading", ["Odessa", "Kharkiv, 14.03", "NATO / OTAN"])
def test_short_heading_takes_the_document_language(run, lang, heading):
    doc = run(f"{heading}\n\n{TEXTS[lang]}")
    assert doc.lang == lang
    assert [p.lang for p in doc.paragraphs] == [lang, lang]


def test_text_without_letters_has_no_language(run):
    doc = run("12 345 — 678 / 90")
    assert doc.lang is None
    assert any("language could not be identified" in p.message for p in doc.problems)
