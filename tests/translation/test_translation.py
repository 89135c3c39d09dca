"""Machine-translation suspicion: fixtures with planted damage, native fixtures, one cue at a time."""

from __future__ import annotations

import re

import pytest

from dateline.config import Options
from dateline.ingest import from_text

from ..conftest import ARTICLES

NATIVE = sorted(ARTICLES.glob("*_clean_*.txt")) + sorted(ARTICLES.glob("*_boilerplate.txt"))
MT = sorted(ARTICLES.glob("*_mt_from_*.txt"))


@pytest.fixture(scope="module")
def run(extractor):
    def process(text: str, lang: str):
        return extractor.pipeline(from_text(text, Options(lang=lang)))

    return process


@pytest.fixture(scope="module")
def fixture_docs(extractor):
    return {p.name: d for p, d in zip(NATIVE + MT, extractor.extract_many(NATIVE + MT))}


def test_fixtures_exist():
    assert len(NATIVE) >= 12 and len(MT) >= 6


@pytest.mark.parametrize("path", NATIVE, ids=lambda p: p.name)
def test_native_fixture_is_not_suspected(fixture_docs, path):
    tr = fixture_docs[path.name].translation
    assert tr.suspected is False, [(e.text if hasattr(e, "text") else e.span.text, e.kind) for e in tr.evidence]
    assert tr.source_lang is None


@pytest.mark.parametrize("path", MT, ids=lambda p: p.name)
def test_machine_translated_fixture_is_suspected_from_its_source(fixture_docs, path):
    source = re.search(r"_mt_from_([a-z]{2})_", path.name).group(1)
    doc = fixture_docs[path.name]
    assert doc.lang == path.name[:2]
    tr = doc.translation
    assert tr.suspected is True
    assert tr.source_lang == source
    assert tr.score >= 2.0
    assert any(source in e.lang.split("|") for e in tr.evidence)
    for e in tr.evidence:
        assert doc.text[e.span.start:e.span.end] == e.span.text
        assert e.span.text


# (lang of the text, text, kind, language the cue points to, the word or sign that is the cue)
ONE_CUE = [
    # German words left in the text
    ("fr", "Le maire a expliqué que les Feuerwehrleute étaient intervenus dans la nuit pour éteindre l'incendie.",
     "foreign_word", "de", "Feuerwehrleute"),
    ("fr", "Les habitants évacués dorment depuis lundi dans une Notunterkunft installée près de la gare.",
     "foreign_word", "de", "Notunterkunft"),
    ("en", "Residents said the Hochwasser had reached the first floor of several houses by Tuesday morning.",
     "foreign_word", "de", "Hochwasser"),
    ("en", "The regional council said the Bürgermeister would visit the flooded villages later this week.",
     "foreign_word", "de", "Bürgermeister"),
    # German romanisation of Cyrillic
    ("fr", "Les frappes ont visé un dépôt de carburant près de Kaniw dans la nuit de mardi.",
     "transliteration", "de", "Kaniw"),
    ("en", "The strikes hit a fuel depot near Kaniw overnight, officials reported on Tuesday.",
     "transliteration", "de", "Kaniw"),
    ("fr", "Le quartier de Dniprowskyj a été privé d'électricité pendant plusieurs heures.",
     "transliteration", "de", "Dniprowskyj"),
    ("en", "The district of Dniprowskyj was left without power for several hours.",
     "transliteration", "de", "Dniprowskyj"),
    ("fr", "Le gouverneur a confirmé que Kusnezow avait été limogé la semaine dernière.",
     "transliteration", "de", "Kusnezow"),
    ("en", "The governor confirmed that Kusnezow had been dismissed last week.",
     "transliteration", "de", "Kusnezow"),
    ("fr", "Des tirs ont été signalés autour de Schepetiwka dans la soirée.",
     "transliteration", "de", "Schepetiwka"),
    ("fr", "Le porte-parole a refusé de commenter les propos de Wasyl devant la presse.",
     "transliteration", "de", "Wasyl"),
    # French romanisation
    ("en", "Rescue teams reached Mykolaïv late on Sunday after the roads were cleared.",
     "transliteration", "fr", "Mykolaïv"),
    ("de", "Die Rettungskräfte erreichten Mykolaïv erst am späten Sonntagabend.",
     "transliteration", "fr", "Mykolaïv"),
    # English romanisation
    ("fr", "Le député a cité les chiffres publiés par Shapoval lors de la conférence de presse.",
     "transliteration", "en", "Shapoval"),
    ("de", "Der Abgeordnete berief sich auf Zahlen, die Shapoval am Montag veröffentlicht hatte.",
     "transliteration", "en", "Shapoval"),
    ("fr", "Selon Dmytriy, le convoi humanitaire est arrivé avant la tombée de la nuit.",
     "transliteration", "en", "Dmytriy"),
    # Number formats and quotation marks
    ("fr", "Environ 12.000 personnes ont été évacuées des zones inondées depuis samedi.",
     "calque", "de", "12.000"),
    ("de", "Rund 3,000 Menschen mussten ihre Häuser in der Nacht verlassen.",
     "calque", "en", "3,000"),
    ("fr", "Le ministre a parlé d'une „situation très grave“ devant les députés mardi soir.",
     "calque", "de", "„"),
]


@pytest.mark.parametrize("lang,text,kind,cue_lang,cue", ONE_CUE, ids=lambda v: v if len(str(v)) < 20 else None)
def test_one_cue_is_evidence_but_not_a_verdict(run, lang, text, kind, cue_lang, cue):
    doc = run(text, lang)
    tr = doc.translation
    matching = [e for e in tr.evidence if e.kind == kind and e.span.text == cue]
    assert matching, [(e.span.text, e.kind, e.lang) for e in tr.evidence]
    assert any(cue_lang in e.lang.split("|") for e in matching)
    for e in tr.evidence:
        assert doc.text[e.span.start:e.span.end] == e.span.text
    assert tr.suspected is False
    assert tr.source_lang is None


NATIVE_ABOUT_GERMANY = [
    "À Berlin, le chancelier Olaf Scholz a défendu mercredi devant le Bundestag son projet de budget pour "
    "l'an prochain. Les députés de l'opposition ont dénoncé un texte « irréaliste », tandis que les Verts "
    "réclament davantage d'investissements dans le rail. Le vote final est attendu avant la fin du mois.",
    "Le Bundestag a adopté jeudi une réforme de la loi sur la nationalité. Olaf Scholz s'est félicité d'un "
    "« pas important » pour le pays, tandis que la CDU a promis de revenir sur le texte. À Berlin, plusieurs "
    "milliers de personnes ont manifesté samedi.",
]


@pytest.mark.parametrize("text", NATIVE_ABOUT_GERMANY)
def test_native_french_about_germany_is_not_suspected(run, text):
    tr = run(text, "fr").translation
    assert tr.suspected is False
    assert not any(e.span.text in ("Scholz", "Bundestag", "Berlin") for e in tr.evidence)


def test_two_kinds_of_german_cues_make_a_verdict(run):
    text = ("Les Feuerwehrleute ont lutté toute la nuit contre l'incendie d'un entrepôt à Lwiw, où 12.000 "
            "tonnes de céréales étaient stockées. Selon le gouverneur Kusnezow, le Stadtrat se réunira "
            "mardi pour évaluer les dégâts.")
    tr = run(text, "fr").translation
    assert tr.suspected is True and tr.source_lang == "de"
    assert {"foreign_word", "transliteration"} <= {e.kind for e in tr.evidence}


def test_a_document_without_language_gets_an_empty_verdict(run):
    doc = run("12345 67890 — 42", "zz")
    assert doc.translation.suspected is False and doc.translation.evidence == []
