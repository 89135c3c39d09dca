"""Cleaning: what goes (with a reason), what stays, and offsets that still point into the raw input."""

from __future__ import annotations

import unicodedata

import pytest

from dateline.config import Options
from dateline.document import Document
from dateline.ingest import from_text
from dateline.pipeline import Pipeline

CLEAN_ONLY = Options(stages=("dateline.clean.v1",))


@pytest.fixture(scope="module")
def clean():
    pipe = Pipeline(CLEAN_ONLY)

    def run(raw: str, fmt: str = "text") -> Document:
        return pipe(from_text(raw, CLEAN_ONLY, fmt=fmt))

    return run


def assert_maps_back(doc: Document, word: str) -> None:
    """The cleaned occurrence of `word` comes from the same characters of the raw input."""
    start = doc.text.index(word)
    raw_start = doc.offsets.to_raw(start)
    raw_end = _raw_end_of_char(doc, start + len(word) - 1)
    assert unicodedata.normalize("NFC", doc.raw[raw_start:raw_end]) == word


def _raw_end_of_char(doc: Document, offset: int) -> int:
    # `to_raw` gives where a character starts; a character made by NFC from several raw ones
    # (e + U+0301) ends where its whole segment ends.
    for seg in doc.offsets.segments:
        if seg.start <= offset < seg.start + seg.length and seg.length != seg.raw_end - seg.raw_start:
            return seg.raw_end
    return doc.offsets.to_raw(offset) + 1


def reasons(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(r.text, r.reason, r.lang) for r in doc.removed]


TITLES = [
    ("Inondations dans le Var : deux morts", "Les pompiers sont intervenus toute la nuit près de Draguignan.", "pompiers"),
    ("Storm cuts power to thousands in Wales", "Engineers worked through the night to restore supplies.", "Engineers"),
    ("Streik legt Bahnverkehr in Hessen lahm", "Pendler mussten am Morgen auf Busse ausweichen.", "Pendler"),
]


@pytest.mark.parametrize("title,body,word", TITLES)
def test_repeated_title_is_removed_once(clean, title, body, word):
    doc = clean(f"{title}\n{title}\n\n{body}")
    assert doc.text.count(title) == 1
    assert reasons(doc) == [(title, "repeated title", None)]
    assert doc.title == title
    assert_maps_back(doc, word)


@pytest.mark.parametrize("title,body,word", TITLES)
def test_title_said_once_stays(clean, title, body, word):
    doc = clean(f"{title}\n\n{body}")
    assert doc.text == f"{title}\n\n{body}"
    assert doc.removed == []


BOILERPLATE = [
    ("fr", "La préfecture a ordonné l'évacuation de trois villages.", "Commentaires (3)", "comment counter"),
    ("fr", "La préfecture a ordonné l'évacuation de trois villages.", "Partager sur Facebook", "share line"),
    ("fr", "La préfecture a ordonné l'évacuation de trois villages.", "Abonnez-vous à notre newsletter", "subscribe line"),
    ("en", "The coastguard rescued eleven people from the capsized ferry.", "0 comments", "comment counter"),
    ("en", "The coastguard rescued eleven people from the capsized ferry.", "Share this article", "share line"),
    ("en", "The coastguard rescued eleven people from the capsized ferry.", "Subscribe to our newsletter", "subscribe line"),
    ("de", "Die Polizei sperrte die Autobahn für mehrere Stunden.", "Kommentare (0)", "comment counter"),
    ("de", "Die Polizei sperrte die Autobahn für mehrere Stunden.", "12 Kommentare", "comment counter"),
    ("de", "Die Polizei sperrte die Autobahn für mehrere Stunden.", "Artikel teilen", "share line"),
    ("de", "Die Polizei sperrte die Autobahn für mehrere Stunden.", "Newsletter abonnieren", "subscribe line"),
]


@pytest.mark.parametrize("lang,body,line,reason", BOILERPLATE)
def test_trailing_boilerplate_is_removed_with_reason_and_language(clean, lang, body, line, reason):
    raw = f"{body}\n\n{line}\n"
    doc = clean(raw)
    assert doc.text == body
    assert reasons(doc) == [(line, reason, lang)]
    removed = doc.removed[0]
    assert raw[removed.raw_start:removed.raw_end] == line
    assert_maps_back(doc, body.split()[1])


@pytest.mark.parametrize("lang,body,line,reason", BOILERPLATE)
def test_boilerplate_lines_in_a_row_all_go(clean, lang, body, line, reason):
    others = [b[2] for b in BOILERPLATE if b[0] == lang]
    doc = clean(body + "\n\n" + "\n".join(others))
    assert doc.text == body
    assert [r.text for r in doc.removed] == others
    assert {r.lang for r in doc.removed} == {lang}


BODY_LINES = [
    "Related talks are expected to resume in Geneva next week.",
    "Share prices fell sharply after the announcement on Monday.",
    "Comments from residents suggest the anger is far from over.",
    "Partager le pouvoir est difficile, a-t-il dit.",
    "Commentaires et critiques se sont multipliés après le discours du ministre.",
    "Kommentare von Anwohnern zeigen, wie groß die Wut inzwischen ist.",
    "Teilen wollte der Bürgermeister die Verantwortung nicht, sagte er.",
    "Anzeige hat die Familie bislang nicht erstattet.",
    "Publicité mensongère : l'entreprise a été condamnée à une amende.",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_lines_that_start_like_boilerplate_stay(clean, line):
    raw = f"Premier paragraphe, sans histoire.\n\n{line}\n\nDernier paragraphe, lui aussi sans histoire."
    doc = clean(raw)
    assert line in doc.text
    assert doc.removed == []
    assert_maps_back(doc, line)


@pytest.mark.parametrize("number", ["3\u00a0000", "3\u202f000", "12\u00a0500\u00a0000"])
def test_non_breaking_spaces_stay_inside_numbers(clean, number):
    doc = clean(f"Plus de {number} personnes ont manifesté samedi à Lyon.")
    assert number in doc.text
    assert doc.removed == []
    assert_maps_back(doc, number)


INVISIBLE = [
    ("Kha\u200brkiv", "Kharkiv", "U+200B"),
    ("Kyiv\u200d", "Kyiv", "U+200D"),
    ("\u202eBerlin\u202c", "Berlin", "U+202E"),
    ("Gen\u2066\u00e8ve\u2069", "Genève", "U+2066"),
    ("Mos\u00adkau", "Moskau", "U+00AD"),
    ("\ufeffParis", "Paris", "U+FEFF"),
]


@pytest.mark.parametrize("dirty,clean_word,code", INVISIBLE)
def test_invisible_and_bidi_characters_are_removed_and_summarised(clean, dirty, clean_word, code):
    raw = f"Selon les autorités, la situation à {dirty} reste tendue ce matin."
    doc = clean(raw)
    assert clean_word in doc.text
    assert len(doc.text) == len(raw) - (len(dirty) - len(clean_word))
    summaries = [r for r in doc.removed if r.reason == "invisible or control characters"]
    assert len(summaries) == 1 and code in summaries[0].text
    assert_maps_back(doc, "autorités")
    assert_maps_back(doc, "tendue")


@pytest.mark.parametrize("word", ["préfet", "Zürich", "été", "Åland", "naïve", "Ελλάδα"])
def test_decomposed_input_becomes_nfc(clean, word):
    raw = unicodedata.normalize("NFD", f"Le {word} a répondu aux questions des journalistes.")
    doc = clean(raw)
    assert unicodedata.is_normalized("NFC", doc.text)
    assert word in doc.text
    assert_maps_back(doc, word)
    assert_maps_back(doc, "journalistes")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_breaks_are_normalised(clean, newline):
    raw = newline.join(["Titre du jour", "", "Premier paragraphe, ligne une.",
                        "Ligne deux du même paragraphe.", "", "Second paragraphe."])
    doc = clean(raw)
    assert "\r" not in doc.text
    assert doc.text == ("Titre du jour\n\nPremier paragraphe, ligne une.\nLigne deux du même paragraphe."
                        "\n\nSecond paragraphe.")
    for word in ("Titre", "Ligne deux", "Second paragraphe"):
        assert_maps_back(doc, word)


def test_blank_lines_and_spaces_collapse_to_one_paragraph_break(clean):
    doc = clean("   Un.   \n\n\n\n  \t \n   Deux.  \n")
    assert doc.text == "Un.\n\nDeux."
    assert_maps_back(doc, "Deux.")


def test_only_boilerplate_leaves_a_problem(clean):
    doc = clean("Partager sur Facebook\nCommentaires (3)\n")
    assert doc.text == ""
    assert any("no text left" in p.message for p in doc.problems)


def test_markdown_markup_goes_and_offsets_map_back(clean):
    raw = ("# Crue de la Seine\n\nLe **niveau** de l'eau a atteint [six mètres](https://example.org/crue) "
           "*mardi* et _mercredi_.\n\n## Les quais fermés\n\n- première mesure\n- seconde mesure\n\n---\n\n"
           "> Nous restons vigilants, a dit le préfet.")
    doc = clean(raw, "markdown")
    assert doc.text == ("Crue de la Seine\n\nLe niveau de l'eau a atteint six mètres mardi et mercredi.\n\n"
                        "Les quais fermés\n\npremière mesure\nseconde mesure\n\n"
                        "Nous restons vigilants, a dit le préfet.")
    for word in ("Crue", "niveau", "six mètres", "mardi", "mercredi", "Les quais", "seconde", "Nous restons"):
        assert_maps_back(doc, word)
    assert ("---", "markdown rule", None) in reasons(doc)
