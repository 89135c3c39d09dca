"""Sentences from the parser: a cut the parser makes inside a sentence is undone."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dateline.nlp import _joined_sentences


def _cuts(text: str, *pieces: str) -> SimpleNamespace:
    """A parsed doc whose sentences are the given pieces of `text`, in order."""
    sents, pos = [], 0
    for p in pieces:
        start = text.index(p, pos)
        sents.append(SimpleNamespace(start_char=start, end_char=start + len(p)))
        pos = start + len(p)
    return SimpleNamespace(sents=sents)


@pytest.mark.parametrize("text, pieces, expected", [
    pytest.param("Les secours recevaient à New York plus de 10 000 appels. Un incendie a suivi.",
                 ["Les secours recevaient à New", "York plus de 10 000 appels.", "Un incendie a suivi."],
                 ["Les secours recevaient à New York plus de 10 000 appels.", "Un incendie a suivi."],
                 id="cut-inside-a-name"),
    pytest.param("Bilan lourd\n\nTrois morts à Lyon. Deux blessés.",
                 ["Bilan lourd", "Trois morts à Lyon.", "Deux blessés."],
                 ["Bilan lourd", "Trois morts à Lyon.", "Deux blessés."], id="headline-line-kept"),
    pytest.param("« Nous partons », a-t-il dit. Puis il est parti !",
                 ["« Nous partons », a-t-il dit.", "Puis il est parti !"],
                 ["« Nous partons », a-t-il dit.", "Puis il est parti !"], id="full-stops-kept"),
])
def test_a_cut_after_no_closing_punctuation_is_undone(text, pieces, expected):
    got = [text[a:b] for a, b in _joined_sentences(text, _cuts(text, *pieces))]
    assert got == expected
