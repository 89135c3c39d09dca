"""The public Python API. The CLI only wraps these functions.

>>> import dateline
>>> doc = dateline.extract("Au moins neuf personnes ont été blessées jeudi à Kharkiv.", published="2025-03-27")
>>> doc.lang
'fr'
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .config import Options
from .document import Document
from .errors import InputError
from .ingest import Item, from_text, parse_date, read_path
from .pipeline import Pipeline

_PIPELINES: dict[str, Pipeline] = {}


def _pipeline(options: Options) -> Pipeline:
    # Stages read `published` and `lang` from each document (the readers set them), so one built
    # pipeline serves every value of those two options.
    key = repr(replace(options, published=None, lang=None))
    pipe = _PIPELINES.get(key)
    if pipe is None:
        pipe = _PIPELINES[key] = Pipeline(options)
    return pipe


def _options(options: Options | None, published: str | dt.date | None, lang: str | None) -> Options:
    options = options or Options()
    changes: dict = {}
    if published is not None:
        changes["published"] = parse_date(published, "published")
    if lang is not None:
        changes["lang"] = lang.lower()
    return replace(options, **changes) if changes else options


class Extractor:
    """Loads models once, then processes any number of reports.

    >>> ex = Extractor()
    >>> docs = list(ex.extract_many(["Texte un.", "Second text."]))
    """

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.pipeline = _pipeline(self.options)

    def read(self, path: str | os.PathLike[str]) -> Iterator[Item]:
        """Documents (or InputErrors) of one file, not yet processed."""
        return read_path(path, self.options)

    def extract(self, text_or_path: str | os.PathLike[str]) -> Document:
        """One report (a string of text, or a path to a file) -> its processed Document.

        Raises InputError when the input cannot be read.
        """
        item = next(iter(self._items([text_or_path])))
        if isinstance(item, InputError):
            raise item
        return self.pipeline(item)

    def extract_many(self, inputs: Iterable[str | os.PathLike[str] | Document]) -> Iterator[Document | InputError]:
        """Many reports in one pass (models loaded once, spaCy batched). Unreadable inputs come
        back as InputError items, in order, so a batch goes on with the rest."""
        pending: list[Document] = []
        for item in self._items(inputs):
            if isinstance(item, InputError):
                yield from self.pipeline.pipe(pending)
                pending = []
                yield item
                continue
            pending.append(item)
            if len(pending) >= 32:
                yield from self.pipeline.pipe(pending)
                pending = []
        yield from self.pipeline.pipe(pending)

    def _items(self, inputs: Iterable[str | os.PathLike[str] | Document]) -> Iterator[Item]:
        for value in inputs:
            if isinstance(value, Document):
                yield value
            elif isinstance(value, os.PathLike) or _is_path(value):
                yield from read_path(value, self.options)
            else:
                try:
                    yield from_text(str(value), self.options, source=None)
                except InputError as err:
                    yield err


def _is_path(value: object) -> bool:
    if not isinstance(value, str) or "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):
        return False


def extract(text_or_path: str | os.PathLike[str], published: str | dt.date | None = None,
            lang: str | None = None, *, options: Options | None = None) -> Document:
    """Process one report given as text or as a path; `published` anchors relative dates.

    Raises InputError when the input cannot be read.
    """
    return Extractor(_options(options, published, lang)).extract(text_or_path)


def extract_many(inputs: Iterable[str | os.PathLike[str] | Document], published: str | dt.date | None = None,
                 lang: str | None = None, *, options: Options | None = None) -> Iterator[Document | InputError]:
    """Process many reports, loading models once. Yields a Document or an InputError per input
    (per line for JSON Lines files)."""
    return Extractor(_options(options, published, lang)).extract_many(inputs)
