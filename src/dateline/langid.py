"""Language of the document and of each paragraph (lingua, restricted to the configured languages)."""

from __future__ import annotations

from .document import Document, Paragraph, paragraph_bounds
from .pipeline import Context, register

NAME = "dateline.language.v1"

# lingua is reliable from a few words on; below this many letters a paragraph (a heading, a byline)
# takes the document's language unless lingua is very sure.
_MIN_LETTERS = 30
_SURE = 0.9
# Classifying a prefix is as accurate as the whole text for news and keeps the cost flat (STACK.md).
_PREFIX = 3000


def _build_detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = []
    for code in codes:
        try:
            languages.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


@register(NAME, reads={"text"}, adds={"lang", "paragraphs"})
def make_language(ctx: Context):
    codes = ctx.options.languages
    detector = ctx.resource(f"lingua:{','.join(codes)}", lambda: _build_detector(codes))

    def detect(text: str) -> tuple[str | None, float]:
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value <= 0:
            return None, 0.0
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), float(top.value)

    def language(doc: Document) -> Document:
        detected, confidence = detect(doc.text[:_PREFIX]) if _letters(doc.text) else (None, 0.0)
        doc.lang = doc.lang_given or detected
        if doc.lang is None:
            doc.problem(NAME, "language could not be identified (no letters?)")
        elif doc.lang_given and detected and detected != doc.lang_given and confidence > _SURE:
            doc.problem(NAME, f"language given as {doc.lang_given!r} but the text reads as "
                              f"{detected!r} ({confidence:.2f})")
        for start, end in paragraph_bounds(doc.text):
            chunk = doc.text[start:min(end, start + _PREFIX)]
            letters = _letters(chunk)
            plang, pconf = detect(chunk) if letters else (None, 0.0)
            if plang is None or (letters < _MIN_LETTERS and pconf < _SURE):
                plang = doc.lang
            doc.paragraphs.append(Paragraph(doc.span(start, end), plang, pconf, NAME))
        return doc

    return language


def _letters(text: str) -> int:
    return sum(1 for c in text[:_PREFIX] if c.isalpha())
