"""spaCy over the cleaned text: tokens, sentences and (where a trained pipeline exists) tags, parse, NER.

The trained pipeline for a language is used when installed (French ships as a dependency); any other
language gets a blank pipeline with a rule-based sentencizer, so every language runs without a model.
Pipelines are loaded once per process and language.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .document import Document
from .pipeline import Context, register

NAME = "dateline.nlp.v1"
log = logging.getLogger(__name__)
_BATCH = 8  # STACK.md: batch 8 is as fast as 50 and costs ~650 MB less memory


def load_pipeline(code: str, candidates: tuple[str, ...], use_models: bool) -> Any:
    """The first installed trained pipeline among `candidates`, else a blank one with a sentencizer."""
    import spacy

    if use_models:
        for name in candidates:
            try:
                return spacy.load(name)
            except (OSError, ImportError):
                continue
    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError):  # no spaCy language class for this code
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def has_trained_model(nlp: Any) -> bool:
    return bool(nlp.pipe_names) and nlp.pipe_names != ["sentencizer"]


@register(NAME, reads={"text", "lang"}, adds={"tokens", "sentences"})
def make_nlp(ctx: Context):
    options = ctx.options

    def pipeline_for(code: str | None, size: int) -> Any:
        code = code or "xx"
        if size > options.nlp_max_chars:
            return ctx.resource(f"spacy-blank:{code}", lambda: load_pipeline(code, (), False))
        models = options.models.get(code, ())
        return ctx.resource(f"spacy:{code}:{options.use_models}",
                            lambda: load_pipeline(code, models, options.use_models))

    def attach(doc: Document, sdoc: Any) -> Document:
        doc.nlp_doc = sdoc
        doc.sentences = [doc.span(a, b) for a, b in _joined_sentences(doc.text, sdoc)]
        return doc

    def one(doc: Document) -> Document:
        nlp = pipeline_for(doc.lang, len(doc.text))
        if len(doc.text) > options.nlp_max_chars:
            doc.problem(NAME, f"text of {len(doc.text):,} characters is over the model's limit of "
                              f"{options.nlp_max_chars:,}: tokens and sentences only")
            nlp.max_length = max(nlp.max_length, len(doc.text) + 1)
        return attach(doc, nlp(doc.text))

    def batch(docs: list[Document]) -> list[Document]:
        # Group by pipeline so each language's model sees its documents in one nlp.pipe call.
        groups: dict[int, tuple[Any, list[Document]]] = {}
        for doc in docs:
            if len(doc.text) > options.nlp_max_chars:
                one(doc)
                continue
            nlp = pipeline_for(doc.lang, len(doc.text))
            groups.setdefault(id(nlp), (nlp, []))[1].append(doc)
        for nlp, members in groups.values():
            for doc, sdoc in zip(members, nlp.pipe((d.text for d in members), batch_size=_BATCH)):
                attach(doc, sdoc)
        return docs

    one.batch = batch  # type: ignore[attr-defined]
    return one


_SENTENCE_END = re.compile(r"[.!?…:;»\"”’)\]]\s*\Z")


def _joined_sentences(text: str, sdoc: Any) -> list[tuple[int, int]]:
    """The parser's sentences, with a break that follows no closing punctuation and no line break
    undone: a statistical parser may cut inside a name ("à New | York plus de 10 000 appels")."""
    out: list[tuple[int, int]] = []
    for s in sdoc.sents:
        a, b = s.start_char, s.end_char
        if out and "\n" not in text[out[-1][1]:a] and not _SENTENCE_END.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out

