"""Readers: files and streams in, `Document`s out (one per report; one per line of JSON Lines).

Each reader yields either a `Document` or an `InputError` for an unusable item, so a batch can go
on with the rest and report what failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Options
from ..document import Document
from ..errors import InputError
from .decode import decode_bytes
from .html import html_to_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}

Item = Document | InputError


def doc_id(text: str) -> str:
    """A stable id from the content, so a rerun over the same input gives the same ids."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def parse_date(value: Any, source: str) -> dt.date:
    """An ISO date or date-time ("2025-03-27", "2025-03-27T10:00:00+01:00") as a date."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(source, f"publication date {value!r} is not a string", "use YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(source, f"publication date {value!r} is not an ISO date", "use YYYY-MM-DD") from None


def read_path(path: str | os.PathLike[str], options: Options) -> Iterator[Item]:
    """Read one file: plain text, Markdown, HTML or JSON Lines (by suffix, else by sniffing)."""
    source = str(path)
    try:
        data = _read_bytes(Path(path), options.max_bytes, source)
    except InputError as err:
        yield err
        return
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_bytes(data, source, options)
        return
    fmt = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else None
    yield _one(data, source, options, fmt)


def read_bytes(data: bytes, source: str, options: Options, fmt: str | None = None) -> Iterator[Item]:
    """Read an in-memory input (standard input, an upload): format given or sniffed."""
    if len(data) > options.max_bytes:
        yield _too_big(source, len(data), options.max_bytes)
        return
    if fmt == "jsonl" or (fmt is None and _looks_like_jsonl(data)):
        yield from read_jsonl_bytes(data, source, options)
        return
    yield _one(data, source, options, fmt)


def from_text(text: str, options: Options, *, source: str | None = None, fmt: str = "text",
              meta: dict[str, Any] | None = None) -> Document:
    """A document from a string already in memory (the Python API's entry point)."""
    meta = dict(meta or {})
    if fmt == "html":
        meta = {**html_to_text(text, source or "<text>"), **{k: v for k, v in meta.items() if v}}
        text = meta.pop("text")
    if not text.strip():
        raise InputError(source or "<text>", "empty input", "nothing to read")
    return _document(text, source, options, fmt, meta)


def _read_bytes(path: Path, max_bytes: int, source: str) -> bytes:
    if not path.exists():
        raise InputError(source, "no such file")
    if path.is_dir():
        raise InputError(source, "is a directory, not a file", "name the files inside it, e.g. DIR/*.txt")
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_big(source, size, max_bytes)
    try:
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None


def _too_big(source: str, size: int, limit: int) -> InputError:
    return InputError(source, f"{size:,} bytes, over the size limit of {limit:,} bytes",
                      "raise it with --max-bytes")


def _one(data: bytes, source: str, options: Options, fmt: str | None) -> Item:
    try:
        text, note = decode_bytes(data, source)
        if fmt is None:
            fmt = "html" if _looks_like_html(text) else "text"
        meta: dict[str, Any] = {}
        if fmt == "html":
            meta = html_to_text(text, source)
            text = meta.pop("text")
        doc = _document(text, source, options, fmt, meta)
    except InputError as err:
        return err
    if note:
        doc.problem("dateline.read.v1", note)
    return doc


def read_jsonl_bytes(data: bytes, source: str, options: Options) -> Iterator[Item]:
    """JSON Lines of articles: each line its own document with its own date and language."""
    try:
        text, _ = decode_bytes(data, source)
    except InputError as err:
        yield err
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield _jsonl_record(line, where, options)
        except InputError as err:
            yield err


def _jsonl_record(line: str, where: str, options: Options) -> Document:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(where, f"not valid JSON ({getattr(exc, 'msg', 'too deeply nested')})") from None
    if not isinstance(record, dict):
        raise InputError(where, "a JSON object per line is expected")
    body, fmt = record.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, fmt = record.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        raise InputError(where, 'no "text" or "html" field with content')
    meta = {k: record.get(k) for k in ("id", "url", "title", "published", "lang", "outlet")}
    meta = {k: str(v) if v is not None and k != "published" else v for k, v in meta.items()}
    return from_text(body, options, source=where, fmt=fmt, meta=meta)


def _document(text: str, source: str | None, options: Options, fmt: str, meta: dict[str, Any]) -> Document:
    doc = Document(id=meta.get("id") or doc_id(text), raw=text, source=source,
                   title=meta.get("title") or None, url=meta.get("url") or None,
                   outlet=meta.get("outlet") or None)
    doc.format = fmt
    lang = options.lang or meta.get("lang")
    if lang:
        doc.lang_given = str(lang).lower()[:8]
    if options.published is not None:
        doc.published, doc.published_source = options.published, "given"
    elif meta.get("published"):
        doc.published, doc.published_source = parse_date(meta["published"], source or "<text>"), "given"
    elif meta.get("published_metadata"):
        try:
            doc.published = parse_date(meta["published_metadata"], source or "<text>")
            doc.published_source = "metadata"
        except InputError as err:
            doc.problem("dateline.read.v1", f"publication date in metadata ignored: {err.problem}")
    return doc


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and any(t in head for t in ("<body", "<head", "<p>", "<div", "<article")))


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False
