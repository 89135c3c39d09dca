"""Bytes to text, refusing what is not text with a message that names the file and the problem."""

from __future__ import annotations

import codecs

from ..errors import InputError

# Share of C0 control characters (other than tab, newline, carriage return, form feed) above which a
# decoded input is taken for binary data rather than text.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


def decode_bytes(data: bytes, source: str) -> tuple[str, str | None]:
    """Decode `data`; return the text and a note when it was not plain UTF-8 (or None).

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(source, "empty input", "nothing to read")
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8", source), source), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16", source), source), "decoded as UTF-16 (byte-order mark)"
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary data (NUL bytes), not a text report",
                         "give a .txt, .md, .html or .jsonl file")
    try:
        return _checked(data.decode("utf-8"), source), None
    except UnicodeDecodeError as exc:
        return _fallback(data, source, exc)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"undecodable bytes for {encoding} at byte {exc.start}") from None


def _fallback(data: bytes, source: str, exc: UnicodeDecodeError) -> tuple[str, str | None]:
    """Non-UTF-8 input: accept a confident legacy encoding (Windows-1252, Latin-1...), else refuse."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding and best.chaos < 0.1 and best.coherence > 0.2:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _letter_share(text) > 0.5:
            return _checked(text, source), f"not UTF-8; decoded as {best.encoding}"
    raise InputError(source, f"undecodable bytes: not UTF-8 (invalid byte at position {exc.start}) "
                     "and no other encoding fits", "convert the file to UTF-8")


def _letter_share(text: str) -> float:
    sample = text[:20_000]
    non_space = [c for c in sample if not c.isspace()]
    if not non_space:
        return 0.0
    return sum(c.isalpha() for c in non_space) / len(non_space)


def _checked(text: str, source: str) -> str:
    sample = text[:100_000]
    if not sample.strip():
        raise InputError(source, "empty input", "only whitespace")
    controls = sum(1 for c in sample if c in _CONTROL)
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary data (control characters), not a text report",
                         "give a .txt, .md, .html or .jsonl file")
    return text
