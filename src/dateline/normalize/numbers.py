"""Numbers written in digits or in words, found in running text with their character offsets.

One language-independent reader over per-language data (`lang/<code>/numbers.yaml`): digit grouping
("3 000", "3.000", "3,000", "1,5"), number words ("trois mille", "two dozen", "zweitausenddreihundert")
and multipliers after digits ("1,5 million", "$1.5bn"). Every match is a maximal stretch of the text;
its value is computed only from the characters inside it, so no number is ever invented.

text2num would read the words, but it returns no offsets, does not join "3 000" and misreads
"1,5 million" (see shared/STACK.md), so the reader is ours; text2num is only a baseline in
bench/number_accuracy.py.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import lang as langdata

# Bounded quantifiers throughout: arbitrary text must never make a pattern backtrack badly.
_DIGITS = re.compile(r"(?<![\w.,])\d{1,15}(?:[.,'\u00a0\u202f ]\d{1,15}){0,8}")
# No apostrophe inside: "d'un million" is "d'" + "un million".
_WORD = re.compile(r"[^\W\d_]{1,60}(?:-[^\W\d_]{1,60}){0,8}")
_GAP = re.compile(r"[ \u00a0\u202f\t]{1,3}\Z")
_MAX_COMPOUND = 80  # longer "words" are not split into number words


@dataclass(frozen=True)
class NumberLexicon:
    """What one language's number writing looks like (built from its numbers.yaml)."""

    thousands: frozenset[str] = frozenset({" ", "\u00a0", "\u202f"})
    decimal: str = ","
    words: Mapping[str, float] = field(default_factory=dict)
    multipliers: Mapping[str, float] = field(default_factory=dict)
    approximate: Mapping[str, float] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    compound: bool = False

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "NumberLexicon":
        lower = lambda d: {str(k).lower(): float(v) for k, v in (d or {}).items()}  # noqa: E731
        return cls(
            thousands=frozenset(data.get("thousands_separators", ())),
            decimal=str(data.get("decimal_separator", ",")),
            words=lower(data.get("words")), multipliers=lower(data.get("multipliers")),
            approximate=lower(data.get("approximate")),
            articles=frozenset(str(a).lower() for a in data.get("articles", ())),
            connectors=frozenset(str(c).lower() for c in data.get("connectors", ())),
            compound=bool(data.get("compound_words")))

    @functools.cached_property
    def _pieces(self) -> tuple[str, ...]:
        keys = set(self.words) | set(self.multipliers) | set(self.approximate) | set(self.connectors)
        return tuple(sorted(keys, key=len, reverse=True))


@functools.cache
def lexicon(code: str | None) -> NumberLexicon:
    """The number lexicon of a language; digits only (with its orthography's grouping) when the
    language has no numbers.yaml, so every language gets at least "3 000" and "1,5"."""
    data = langdata.load(code, "numbers") if code else {}
    if data:
        return NumberLexicon.from_data(data)
    ortho = langdata.load(code, "orthography") if code else {}
    if ortho:
        return NumberLexicon(thousands=frozenset(ortho["thousands_separators"]),
                             decimal=ortho["decimal_separator"])
    return NumberLexicon()


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number in the text: `text[start:end]` holds it, digits and words alike."""

    start: int
    end: int
    value: float
    words: bool = False  # written (at least partly) in words
    approximate: bool = False  # "une centaine"
    multiplier: float | None = None  # "million" in "1,5 million"
    base: float | None = None  # the value before that multiplier
    plain: bool = False  # only digits, no separator: a candidate year


def scale(value: float, multiplier: float) -> float:
    """value × multiplier without binary noise: 1,1 million is 1100000, not 1100000.0000000002."""
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


# ---- digits -------------------------------------------------------------------------------------

def read_digits(s: str, lex: NumberLexicon) -> tuple[float, int]:
    """Value of the digit number at the start of `s` and how many characters it takes.

    A separator followed by exactly three digits groups thousands when the language writes it so;
    "." or "," followed by anything else (or the language's decimal mark) is a decimal point.
    """
    parts = re.split(r"([.,'\u00a0\u202f ])", s)
    head, used, length = parts[0], len(parts[0]), None
    int_digits, frac = head, ""
    grouping: str | None = None
    i = 1
    while i + 1 < len(parts):
        sep, group = parts[i], parts[i + 1]
        if (sep in lex.thousands and len(group) == 3 and len(head) <= 3 and grouping in (None, sep)
                and sep != lex.decimal):
            grouping, int_digits, used = sep, int_digits + group, used + 1 + len(group)
        elif sep in ".," and sep != grouping and (sep == lex.decimal or len(group) != 3):
            frac, used = group, used + 1 + len(group)
            break
        else:
            break
        i += 2
    length = used
    value = float(f"{int_digits}.{frac}") if frac else float(int_digits)
    return value, length


def _digit_matches(text: str, lex: NumberLexicon) -> list[NumberMatch]:
    out, pos = [], 0
    while (m := _DIGITS.search(text, pos)) is not None:
        value, length = read_digits(m.group(), lex)
        start, end = m.start(), m.start() + length
        # what the grouping did not take ("2022 300": 300) is read again on its own
        pos = end if end < m.end() else m.end()
        s = text[start:end]
        out.append(NumberMatch(start, end, value, plain=s.isdigit()))
    return out


# ---- words --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    # (kind, value): num | mult | approx | conn | article ("a") | article1 (an article and a number: "un")
    parts: tuple[tuple[str, float], ...]


def _part(piece: str, lex: NumberLexicon) -> tuple[str, float] | None:
    if piece in lex.multipliers:
        return ("mult", lex.multipliers[piece])
    if piece in lex.approximate:
        return ("approx", lex.approximate[piece])
    if piece in lex.words:
        return ("num", lex.words[piece])
    if piece in lex.connectors:
        return ("conn", 0.0)
    return None


def _hyphenated(word: str, lex: NumberLexicon) -> tuple[tuple[str, float], ...] | None:
    """Longest known run of hyphen-joined pieces first: "soixante-dix-sept" = soixante-dix + sept."""
    pieces, out, i = re.split(r"[-'’]", word), [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            part = _part("-".join(pieces[i:j]), lex)
            if part is not None:
                out.append(part)
                i = j
                break
        else:
            return None
    return tuple(out)


def _compound(word: str, lex: NumberLexicon) -> tuple[tuple[str, float], ...] | None:
    """Split a one-word number ("dreihundertzweiundvierzig") into known pieces, fewest pieces first."""
    if len(word) > _MAX_COMPOUND:
        return None
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for i in range(len(word)):
        if best[i] is None:
            continue
        for piece in lex._pieces:
            j = i + len(piece)
            if word.startswith(piece, i) and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + (piece,)
    found = best[len(word)]
    if not found or found[0] in lex.connectors or found[-1] in lex.connectors:
        return None
    return tuple(p for p in (_part(piece, lex) for piece in found) if p is not None)


def _resolve(word: str, lex: NumberLexicon) -> tuple[tuple[str, float], ...] | None:
    w = word.lower()
    if w in lex.articles and w not in lex.multipliers:
        # "un" is also a number word ("cent un"); "a" is only an article
        return (("article1" if w in lex.words else "article", 1.0),)
    part = _part(w, lex)
    if part is not None:
        return (part,)
    if "-" in w or "'" in w or "’" in w:
        return _hyphenated(w, lex)
    if lex.compound:
        return _compound(w, lex)
    return None


def _joins(prev: _Word, nxt: _Word, lex: NumberLexicon) -> bool:
    """May `nxt` continue a number ending with `prev` ("cent trois", "twenty three", "un million")?"""
    (pk, pv), (nk, nv) = prev.parts[-1], nxt.parts[0]
    if nk in ("mult", "approx"):
        return pk in ("num", "mult", "article", "article1")
    if pk == "mult" and nk == "article1":
        return pv >= 100
    if nk != "num" or pk in ("article", "article1"):
        return False
    if pk == "mult":
        return pv >= 100 and nv < pv
    return pk == "num" and pv >= 20 and pv % 10 == 0 and nv < 10


def _evaluate(parts: Iterable[tuple[str, float]]) -> tuple[float, bool, float | None, float]:
    """(value, approximate, last large multiplier, value before it) of a run of number words."""
    total, current, approx, mult, base = 0.0, 0.0, False, None, 0.0
    for kind, v in parts:
        if kind in ("num", "article", "article1"):
            current += v
        elif kind == "approx":
            current, approx = scale(max(current, 1.0), v), True
        elif kind == "mult" and v < 1000:
            current = scale(max(current, 1.0), v)
        elif kind == "mult":
            base, mult = max(current, 1.0), v
            total += scale(base, v)
            current = 0.0
    return total + current, approx, mult, base


def _is_number(parts: list[tuple[str, float]], lex: NumberLexicon) -> bool:
    kinds = [k for k, _ in parts]
    if "num" in kinds or "approx" in kinds:
        return True
    # A lone multiplier is a number only when it is also a number word ("mille", "hundert").
    standalone = {v for k, v in lex.multipliers.items() if k in lex.words and v >= 100}  # not "dozens"
    return "mult" in kinds and (kinds[0] in ("article", "article1")
                                or any(k == "mult" and v in standalone for k, v in parts))


def _word_matches(text: str, lex: NumberLexicon) -> list[NumberMatch]:
    if not (lex.words or lex.multipliers):
        return []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    resolved = [(s, e, _resolve(w, lex)) for s, e, w in words]
    out, i = [], 0
    while i < len(resolved):
        run, i = _run(text, resolved, i, lex)
        if run:
            parts = [p for w in run for p in w.parts]
            if _is_number(parts, lex):
                value, approx, mult, base = _evaluate(parts)
                out.append(NumberMatch(run[0].start, run[-1].end, value, words=True, approximate=approx,
                                       multiplier=mult, base=base if mult else None))
    return out


def _run(text: str, resolved: list, i: int, lex: NumberLexicon) -> tuple[list[_Word], int]:
    """The longest run of number words starting at word i, and the index after it."""
    s, e, parts = resolved[i]
    if not parts or parts[0][0] == "conn":
        return [], i + 1
    run = [_Word(s, e, parts)]
    j = i + 1
    while j < len(resolved):
        s, e, parts = resolved[j]
        if not parts or not _GAP.search(text[run[-1].end:s]) or text[run[-1].end:s] == "":
            break
        word = _Word(s, e, parts)
        if parts == (("conn", 0.0),):
            if j + 1 >= len(resolved) or not resolved[j + 1][2]:
                break
            s2, e2, p2 = resolved[j + 1]
            pv = run[-1].parts[-1][1]
            if not (_GAP.search(text[e:s2]) and p2[0][0] in ("num", "article1") and pv >= 20
                    and p2[0][1] < pv):
                break
            run += [word, _Word(s2, e2, (("num", p2[0][1]),) + p2[1:])]
            j += 2
            continue
        if not _joins(run[-1], word, lex):
            break
        run.append(word)
        j += 1
    # a run never ends on an article ("vingt et un" ends on "un" as a number word, not an article)
    if len(run) == 1 and run[0].parts[0][0] in ("article", "article1"):
        return [], j
    return run, j


# ---- together -----------------------------------------------------------------------------------

_AFTER_GAP = re.compile(r"[ \u00a0\u202f]{0,2}")


def _scale_digits(text: str, m: NumberMatch, lex: NumberLexicon) -> NumberMatch:
    """"1,5 million", "3 Millionen", "2 Mrd.", "1.5bn": a multiplier word right after digits."""
    gap = _AFTER_GAP.match(text, m.end)
    word = _WORD.match(text, gap.end()) if gap else None
    if word is None:
        return m
    name = word.group().lower()
    mult = lex.multipliers.get(name)
    if mult is None or (mult < 100 and mult != 12):
        return m
    end = word.end()
    if end < len(text) and text[end] == "." and len(name) <= 4 and name not in lex.words:
        end += 1  # "Mio.", "Mrd."
    return NumberMatch(m.start, end, scale(m.value, mult), multiplier=mult, base=m.value)


def find_numbers(text: str, lex: NumberLexicon) -> list[NumberMatch]:
    """Every number in `text`, left to right, never overlapping."""
    digits = [_scale_digits(text, m, lex) for m in _digit_matches(text, lex)]
    taken = [(m.start, m.end) for m in digits]
    words = [w for w in _word_matches(text, lex)
             if not any(s < w.end and w.start < e for s, e in taken)]
    return sorted(digits + words, key=lambda m: m.start)


def parse_number(text: str, lex: NumberLexicon) -> float | None:
    """The value of `text` when it is exactly one number (surrounding spaces aside), else None."""
    stripped = text.strip()
    found = find_numbers(stripped, lex)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None
