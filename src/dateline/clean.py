"""Cleaning: raw text to the cleaned text every later span points into, with a map back to raw.

What goes: invisible and control characters (zero-width, bidi overrides, soft hyphens), Markdown
markup, a title repeated as the next line, boilerplate lines (comment counters, share and subscribe
lines...) listed per language in `lang/<code>/boilerplate.yaml`. Every content removal is listed in
`Document.removed` with its reason. What stays: non-breaking and narrow spaces (they are thousands
separators in French and others), typographic quotes, line and paragraph breaks.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from . import lang as langdata
from .document import Document, OffsetMap, Removed, Segment
from .pipeline import Context, register

NAME = "dateline.clean.v1"

# Removed outright: zero-width characters, bidi embeddings/overrides/isolates, soft hyphen, BOM,
# C0/C1 controls except tab and newline. U+200D (zero-width joiner) goes too: in news text it is
# noise, and keeping it would split words for every later stage.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_LINE = re.compile(r"[^\n\r\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029])?")
# No `^`: matched with `.match(raw, start)`, which anchors at the line start; a `^` would only
# ever match at the start of the whole input, so only the first line lost its markup.
_MD_LINE_PREFIX = re.compile(r"\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?!\d)|\d{1,3}[.)]\s+)")
_MD_INLINE = re.compile(
    r"!?\[(?P<label>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)"  # [label](url) and ![alt](src)
    r"|(?P<mark>\*\*|__|`+|~~)"  # strong, code, strike markers
)
# *emphasis* / _emphasis_: a single marker pair around text, not inside a word ("snake_case", "2*3").
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?![\s*_])[^\n*_]{0,500}?[^\s*_\\]\1(?![\w*])")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_SPACES = re.compile(r"[ \t]+")


@dataclass(slots=True)
class _Line:
    start: int  # raw offsets of the line content, without its line break
    end: int
    norm: str  # normalised content, for decisions only
    drop: str | None = None  # reason, when the whole line goes
    lang: str | None = None  # language of the boilerplate pattern that matched


class _Builder:
    """Accumulates cleaned text while recording where each piece came from in the raw input."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def add(self, text: str, raw_start: int, raw_end: int) -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        exact = len(text) == raw_end - raw_start
        if (last and exact and last.raw_end == raw_start
                and last.length == last.raw_end - last.raw_start):
            last.length += len(text)
            last.raw_end = raw_end
        else:
            self.segments.append(Segment(self.length, len(text), raw_start, raw_end))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


@register(NAME, reads={"raw"}, adds={"text", "removed", "title"})
def make_clean(ctx: Context):
    patterns = ctx.resource("boilerplate", _compile_boilerplate)

    def clean(doc: Document) -> Document:
        lines = _split_lines(doc.raw)
        invisible: Counter[str] = Counter()
        _mark_markdown_rules(lines, doc.format)
        _mark_repeated_title(lines)
        _mark_boilerplate(lines, patterns)
        builder = _Builder()
        pending_break = 0
        for line in lines:
            if line.drop:
                continue
            if not line.norm:
                pending_break = 2 if builder.length else 0
                continue
            if builder.length:
                builder.add("\n" * max(pending_break, 1), line.start, line.start)
            pending_break = 1
            _emit_line(doc.raw, line, builder, invisible, doc.format == "markdown")
        doc.text = builder.text()
        doc.offsets = OffsetMap(builder.segments)
        if len(doc.text) > ctx.options.max_chars:
            _truncate(doc, ctx.options.max_chars)
        _record_drops(doc, lines)
        if invisible:
            summary = ", ".join(f"U+{ord(c):04X}×{n}" for c, n in invisible.most_common(8))
            doc.removed.append(Removed(summary, "invisible or control characters", 0, len(doc.raw), NAME))
        if not doc.text.strip():
            doc.problem(NAME, "no text left after cleaning")
        if doc.title is None:
            doc.title = _title_from_text(doc.text)
        return doc

    return clean


def _truncate(doc: Document, limit: int) -> None:
    """Keep the text up to the last paragraph break (else space) before `limit`; list the rest."""
    cut = doc.text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = doc.text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    rest = len(doc.text) - cut
    raw_start = doc.offsets.to_raw(cut)
    doc.removed.append(Removed(f"{doc.text[cut:cut + 80]}… [{rest:,} characters]",
                               f"over the limit of {limit:,} characters", raw_start, len(doc.raw), NAME))
    doc.problem(NAME, f"text of {len(doc.text):,} characters cut at {cut:,} (limit {limit:,}); "
                      f"the last {rest:,} characters were not processed")
    doc.text = doc.text[:cut].rstrip()


def _compile_boilerplate() -> list[tuple[re.Pattern[str], str, str]]:
    out = []
    for code, data in langdata.load_topic("boilerplate").items():
        for entry in data["lines"]:
            out.append((re.compile(entry["pattern"], re.IGNORECASE), entry["reason"], code))
    return out


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(raw):
        if m.start() == m.end():
            continue
        content = m.group().rstrip("\r\n\u2028\u2029")
        lines.append(_Line(m.start(), m.start() + len(content), _norm(content)))
    return lines


def _norm(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFC", text).casefold()).strip()


def _mark_markdown_rules(lines: list[_Line], fmt: str) -> None:
    if fmt != "markdown":
        return
    for line in lines:
        if _MD_RULE.match(line.norm):
            line.drop = "markdown rule"


def _mark_repeated_title(lines: list[_Line]) -> None:
    """A title repeated as the next non-empty line (or a metadata title repeated twice) goes once."""
    content = [ln for ln in lines if ln.norm and not ln.drop][:3]
    if len(content) >= 2 and _key(content[0].norm) and _key(content[0].norm) == _key(content[1].norm):
        content[1].drop = "repeated title"


def _mark_boilerplate(lines: list[_Line], patterns) -> None:
    for line in lines:
        if line.drop or not line.norm or len(line.norm) > 160:
            continue
        text = line.norm.strip("·|•-–— ")
        for pattern, reason, code in patterns:
            if pattern.fullmatch(text):
                line.drop = reason
                line.lang = code
                break


def _record_drops(doc: Document, lines: list[_Line]) -> None:
    for line in lines:
        if line.drop:
            doc.removed.append(Removed(doc.raw[line.start:line.end], line.drop, line.start, line.end,
                                       NAME, line.lang))


def _emit_line(raw: str, line: _Line, builder: _Builder, invisible: Counter[str], markdown: bool) -> None:
    """Append one kept line: trimmed, invisible characters out, Markdown markup out, NFC."""
    start, end = line.start, line.end
    if markdown:
        prefix = _MD_LINE_PREFIX.match(raw, start, end)
        if prefix:
            start = prefix.end()
    cuts = [(m.start(), m.end()) for m in _INVISIBLE.finditer(raw, start, end)]
    for a, _ in cuts:
        invisible[raw[a]] += 1
    if markdown:
        cuts += _markdown_cuts(raw, start, end)
    cuts.sort()
    pieces, pos = [], start
    for a, b in cuts:
        if a >= pos:
            pieces.append((pos, a))
            pos = b
    pieces.append((pos, end))
    _emit_pieces(raw, pieces, builder)


def _markdown_cuts(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = []
    for m in _MD_INLINE.finditer(raw, start, end):
        if m.group("mark"):
            cuts.append((m.start(), m.end()))
        else:  # keep the label of a link or image, drop the brackets and the target
            label_start, label_end = m.span("label")
            cuts += [(m.start(), label_start), (label_end, m.end())]
    for m in _MD_EMPHASIS.finditer(raw, start, end):
        cuts += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
    return cuts


def _emit_pieces(raw: str, pieces: list[tuple[int, int]], builder: _Builder) -> None:
    # Trim the line's outer whitespace across pieces, then copy each piece (NFC where needed).
    pieces = [(a, b) for a, b in pieces if a < b]
    while pieces and not raw[pieces[0][0]:pieces[0][1]].strip():
        pieces.pop(0)
    while pieces and not raw[pieces[-1][0]:pieces[-1][1]].strip():
        pieces.pop()
    if not pieces:
        return
    a, b = pieces[0]
    pieces[0] = (a + len(raw[a:b]) - len(raw[a:b].lstrip()), b)
    a, b = pieces[-1]
    pieces[-1] = (a, b - (len(raw[a:b]) - len(raw[a:b].rstrip())))
    for a, b in pieces:
        _emit_normalised(raw, a, b, builder)


def _emit_normalised(raw: str, a: int, b: int, builder: _Builder) -> None:
    chunk = raw[a:b]
    if unicodedata.is_normalized("NFC", chunk):
        builder.add(chunk, a, b)
        return
    # Only the runs that change under NFC get an inexact segment; the rest maps one to one.
    pos = a
    for m in re.finditer(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+", chunk):
        s, e = a + m.start(), a + m.end()
        builder.add(raw[pos:s], pos, s)
        builder.add(unicodedata.normalize("NFC", raw[s:e]), s, e)
        pos = e
    rest = raw[pos:b]
    builder.add(unicodedata.normalize("NFC", rest), pos, b)


def _title_from_text(text: str) -> str | None:
    """The first line, when it reads as a headline: short, alone in its paragraph, no final period."""
    first, sep, rest = text.partition("\n\n")
    if not sep or "\n" in first or not rest.strip():
        return None
    first = first.strip()
    if 3 <= len(first) <= 200 and not first.endswith((".", ":", ";", ",")):
        return first
    return None
