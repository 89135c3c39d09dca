"""The number reader's tokens (see `dateline.normalize.numbers`): digit numbers read with what is
glued to them (a sign, "½", "M", "bn", an exponent) and number words split into their parts, each a
`_Tok` the run reader of `numbers` joins and evaluates."""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .numbers import NumberLexicon

# Bounded quantifiers throughout: arbitrary text must never make a pattern backtrack badly.
_DIGITS = re.compile(r"(?<![\w.,])\d{1,15}(?:[.,'\u00a0\u202f ]\d{1,15}){0,8}")
# No apostrophe inside: "d'un million" is "d'" + "un million".
_WORD = re.compile(r"[^\W\d_]{1,60}(?:-[^\W\d_]{1,60}){0,8}")
_SPACES = re.compile(r"[ \u00a0\u202f\t]{1,3}")
_SPACED_HYPHEN = re.compile(r"[ \u00a0\u202f\t]{1,2}-[ \u00a0\u202f\t]{1,2}")  # "ninety - five"
_MAX_COMPOUND = 80  # longer "words" are not split into number words
_SIGNS = "-\u2212"  # hyphen-minus and the minus sign
# Written the same in every language, so read as number words by every lexicon.
VULGAR_FRACTIONS = {ch: unicodedata.numeric(ch) for ch in "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"}
# "3/4", "-4/5", "2 1/4": a proper fraction (numerator below denominator) with a denominator prose
# uses (halves, thirds, quarters, fifths, eighths, tenths), standing alone (see _special_tokens):
# not inside a date or a longer chain ("3/4/2025", "1/2.5"), and not "24/7", "9/11", "1/6",
# "50/50", which are names, days or odds rather than fractions.
_FRACTION = re.compile(r"(?:(\d{1,3})[ \u00a0]{1,2})?(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10})
_LEADING_DECIMAL = re.compile(r"[.,](\d{1,15})(?!\w|[.,]\d)")  # ".08", ",23"
_LARGE = 1_000_000  # "trois millions et demi": a fraction after this multiplier is a part of it
# Indian grouping: two-digit groups before the last three digits ("12,34,567", "1,00,000").
_INDIAN = re.compile(r"\d{1,2}(?:,\d\d){1,6},\d{3}(?!\d|,\d)")
# Digit groups joined by two commas or more ("22,24,26,31"): a list unless it is grouping.
_COMMA_CHAIN = re.compile(r"\d{1,15}(?:,\d{1,15}){2,8}(?!\d)")
_EXP_SIGN = r"[+\-\u2212]"
_EXP_END = r"(?![\w^]|[.,]\d)"  # "1e5b", "2^3.5", "1e5^2" are no exponents
# "1e10", "-127,32e13", "12.32e+14", "-12e-1": glued to the digits, with a digit after the "e" ("3e"
# is an ordinal in French)
_E_NOTATION = re.compile(rf"[eE]({_EXP_SIGN}?\d{{1,3}}){_EXP_END}")
# "1.1^23", "2,5^-1", "-1.1^--23" (a doubled sign: two minus signs cancel)
_POWER = re.compile(rf"\^({_EXP_SIGN}{{0,2}}\d{{1,3}}){_EXP_END}")
# "1.3x10^6", "6.23×10^-4", "6,23 × 10^-4"
_TIMES_TEN = re.compile(rf"[ \u00a0]?[x×][ \u00a0]?10\^({_EXP_SIGN}{{0,2}}\d{{1,3}}){_EXP_END}")


def scale(value: float, multiplier: float) -> float:
    """value × multiplier without binary noise: 1,1 million is 1100000, not 1100000.0000000002."""
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


# ---- digits -------------------------------------------------------------------------------------

def read_digits(s: str, lex: NumberLexicon) -> tuple[float, int]:
    """Value of the digit number at the start of `s` and how many characters it takes.

    A separator followed by exactly three digits groups thousands when the language writes it so;
    "." or "," followed by anything else (or the language's decimal mark) is a decimal point.
    Where the language has it, Indian grouping ("12,34,567.89") comes first.
    """
    indian = _INDIAN.match(s) if lex.indian_grouping else None
    if indian is not None:
        frac = re.match(r"\.(\d{1,15})(?!\w)", s[indian.end():])
        digits = indian.group().replace(",", "")
        if frac is None:
            return float(digits), indian.end()
        return float(f"{digits}.{frac.group(1)}"), indian.end() + frac.end()
    parts = re.split(r"([.,'\u00a0\u202f ])", s)
    head, used = parts[0], len(parts[0])
    int_digits, frac = head, ""
    grouping: str | None = None
    i = 1
    while i + 1 < len(parts):
        sep, group = parts[i], parts[i + 1]
        groups = sep in lex.thousands or (sep == " " and lex.cautious_space
                                          and (grouping == " " or _space_groups(parts, i)))
        if groups and len(group) == 3 and len(head) <= 3 and grouping in (None, sep) and sep != lex.decimal:
            grouping, int_digits, used = sep, int_digits + group, used + 1 + len(group)
        elif sep in ".," and sep != grouping and (sep == lex.decimal or len(group) != 3):
            frac, used = group, used + 1 + len(group)
            break
        else:
            break
        i += 2
    value = float(f"{int_digits}.{frac}") if frac else float(int_digits)
    return value, used


def _space_groups(parts: list[str], i: int) -> bool:
    """May the plain space at parts[i] group thousands where spaces are ambiguous? Only "000" or
    a chain of at least two three-digit groups ("1 414 021 100"); "March 3 200 soldiers" is not."""
    n, k = 0, i
    while k + 1 < len(parts) and parts[k] == " " and len(parts[k + 1]) == 3:
        n, k = n + 1, k + 2
    return n >= 2 or (n == 1 and parts[i + 1] == "000")


@dataclass(frozen=True, slots=True)
class _Tok:
    """A digit number or a word, with the parts it stands for."""

    start: int
    end: int
    # (kind, value): num | mult | approx | conn ("and") | iconn ("und" inside "einundzwanzig") |
    # article ("a") | article1 (an article and a number: "un") | frac (a denominator) | neg | point |
    # over | of | dec (a decimal part, built from point + digits words) | ovr (a denominator, built)
    parts: tuple[tuple[str, float], ...]
    word: str | None = None  # the word, lowercased; None for digits
    fixed: bool = False  # a digit form complete in itself ("3/4", "10M", "1½"): joins nothing
    plain: bool = False  # digits only, no separator
    forms: str = ""  # of its fraction word: "s" singular, "p" plural, "sp" both
    ordinal: bool = False  # its fraction word is also an ordinal ("third")
    lone: bool = False  # its fraction word is a number alone ("half")
    part: bool = False  # a digit fraction: "3/4", "1½"

    @property
    def first(self) -> str:
        return self.parts[0][0]

    @property
    def last(self) -> tuple[str, float]:
        return self.parts[-1]


def _opens(text: str, i: int) -> bool:
    """Can a number start at i: start of text, after a space, "(", a sign or a currency sign?"""
    if i == 0:
        return True
    ch = text[i - 1]
    return ch.isspace() or ch == "(" or ch in _SIGNS or unicodedata.category(ch) == "Sc"


def _after_digit(text: str, i: int) -> bool:
    """Is the text before i (spaces aside) a digit? Then a "-" or "/" there joins two numbers."""
    return text[max(0, i - 20):i].rstrip(" \u00a0\u202f\t")[-1:].isdigit()


def _fraction_token(text: str, start: int, end: int, value: float, lex: NumberLexicon) -> _Tok:
    """A digit fraction ("3/4", "2 1/2", "1½"), with the multiplier word right after it, which
    scales it like any digits ("2½ million", "1 1/2 Milliarden")."""
    scaled = _scale_digits(text, end, lex)
    if scaled is not None and scaled[0] >= 1000:
        mult, stop = scaled
        return _Tok(start, stop, (("num", value), ("mult", mult)), fixed=True, part=True)
    return _Tok(start, end, (("num", value),), fixed=True, part=True)


def _special_tokens(text: str, lex: NumberLexicon) -> list[_Tok]:
    """Digit fractions ("3/4", "2 1/4") and leading decimals (".08")."""
    out = []
    for m in _FRACTION.finditer(text):
        n, d = int(m.group(2)), int(m.group(3))
        if not (0 < n < d and d in _DENOMINATORS) or _after_digit(text, m.start()):
            continue
        if m.group(1) is not None and _opens(text, m.start()):
            out.append(_fraction_token(text, m.start(), m.end(), int(m.group(1)) + n / d, lex))
        elif _opens(text, m.start(2)) and not _after_digit(text, m.start(2)):
            out.append(_fraction_token(text, m.start(2), m.end(), n / d, lex))
    for m in _LEADING_DECIMAL.finditer(text):
        if (text[m.start()] == lex.decimal and _opens(text, m.start())
                and not _after_digit(text, m.start())):
            out.append(_Tok(m.start(), m.end(), (("num", float("0." + m.group(1))),), fixed=True))
    out.sort(key=lambda t: t.start)
    kept: list[_Tok] = []
    for t in out:
        if not kept or t.start >= kept[-1].end:
            kept.append(t)
    return kept


def _digit_tokens(text: str, lex: NumberLexicon) -> list[_Tok]:
    special = _special_tokens(text, lex)
    out: list[_Tok] = []
    pos = 0
    for limit, nxt in [(t.start, t) for t in special] + [(len(text), None)]:
        while (m := _DIGITS.search(text, pos, limit)) is not None:
            # what the grouping did not take ("2022 300": 300) is read again on its own
            pos = _read_match(text, m, lex, out)
        if nxt is not None:
            if pos > nxt.start:
                continue
            out.append(nxt)
            pos = nxt.end
    return out


def _read_match(text: str, m: re.Match[str], lex: NumberLexicon, out: list[_Tok]) -> int:
    """Add the digit number at the start of match m to `out` (each number of a list: "22,24,26");
    returns where reading goes on."""
    offsets = _list_offsets(m.group(), lex) or [0]
    stop = m.start()
    for k, off in enumerate(offsets):
        start = m.start() + off
        upto = m.start() + offsets[k + 1] - 1 if k + 1 < len(offsets) else m.end()
        value, length = read_digits(text[start:upto], lex)
        tok, stop = _glued(text, start, start + length, value, lex)
        if tok is not None:
            out.append(tok)
    return stop


def _list_offsets(s: str, lex: NumberLexicon) -> list[int] | None:
    """Where each number of "22,24,26,31" starts: digit groups joined by two commas or more are a
    list unless they group thousands ("1,000,000", "12,34,567"); a number has one decimal mark."""
    chain = _COMMA_CHAIN.match(s)
    if chain is None or (lex.indian_grouping and _INDIAN.match(s)):
        return None
    groups = chain.group().split(",")
    if all(len(g) == 3 for g in groups[1:]):
        return None
    offsets = [0]
    for g in groups[:-1]:
        offsets.append(offsets[-1] + len(g) + 1)
    return offsets


def _glued(text: str, start: int, end: int, value: float, lex: NumberLexicon) -> tuple[_Tok | None, int]:
    """The digit number at [start, end) with what follows it: "1½", "10M", "$5m", "2 Mrd.", "1e10";
    no token (and where it ends) for an exponent too large or small for a float ("1e999")."""
    s = text[start:end]
    nxt = text[end:end + 1]
    if nxt in VULGAR_FRACTIONS and s.isdigit() and not text[end + 1:end + 2].isalnum():
        tok = _fraction_token(text, start, end + 1, value + VULGAR_FRACTIONS[nxt], lex)
        return tok, tok.end
    powered = _exponent(text, end, value)
    if powered is not None:
        v, stop = powered
        return (_Tok(start, stop, (("num", v),), fixed=True) if v is not None else None), stop
    suffix = _suffix(text, start, end, value, lex)
    if suffix is not None:
        mult, stop = suffix
        return _Tok(start, stop, (("num", value), ("mult", mult)), fixed=True), stop
    scaled = _scale_digits(text, end, lex)
    if scaled is not None:
        mult, stop = scaled
        return _Tok(start, stop, (("num", value), ("mult", mult))), stop
    return _Tok(start, end, (("num", value),), plain=s.isdigit()), end


def _exponent(text: str, end: int, value: float) -> tuple[float | None, int] | None:
    """"1e10", "1.1^23", "6.23×10^-4" right after the digits at `end`: (value, where it ends); the
    value is None when no float holds it. The sign before the digits is read later (-1.1^2 is -1.21)."""
    for pattern, base in ((_E_NOTATION, 10.0), (_POWER, None), (_TIMES_TEN, 10.0)):
        m = pattern.match(text, end)
        if m is None:
            continue
        digits = m.group(1).lstrip("+" + _SIGNS)
        signs = m.group(1)[:-len(digits)]
        exp = int(digits) * (-1) ** sum(ch != "+" for ch in signs)
        try:
            if base is None:  # "1.1^23": the digits are the base
                result = float(Decimal(repr(value)) ** exp)
            else:
                result = float(Decimal(repr(value)) * Decimal(repr(base)) ** exp)
        except ArithmeticError:  # "0^-1"
            return None, m.end()
        if not math.isfinite(result) or (result == 0 and value != 0):
            return None, m.end()
        return result, m.end()
    return None


def _word_ends(text: str, i: int) -> bool:
    return i >= len(text) or not (text[i].isalnum() or text[i] == "_")


def _currency_before(text: str, start: int) -> bool:
    before = text[max(0, start - 2):start].rstrip(" ")
    return bool(before) and unicodedata.category(before[-1]) == "Sc"


def _suffix(text: str, start: int, end: int, value: float, lex: NumberLexicon) -> tuple[float, int] | None:
    """A multiplier glued to the digits, as money and counts are written in news: "10M", "$1MM",
    "1.2b", "£2.5m"; "10 M€" (spaced only before a currency sign). A single lower-case letter is a
    multiplier only after a decimal part or a currency sign ("5b" is a label); money multipliers
    ("m": "5m" is five metres) only after a currency sign."""
    for suf in lex._suffixes:
        for at in (end, end + 1):
            if at == end + 1 and text[end:at] != " ":
                continue
            stop = at + len(suf)
            if not text.startswith(suf, at):
                continue
            if at > end and not (stop < len(text) and unicodedata.category(text[stop]) == "Sc"):
                continue
            if not (_word_ends(text, stop) or unicodedata.category(text[stop]) == "Sc"):
                continue
            if len(suf) == 1 and suf.islower() and value.is_integer() and not _currency_before(text, start):
                continue
            return lex.suffixes[suf], stop
    if lex.money_multipliers and _currency_before(text, start):
        m = _LETTERS.match(text, end)
        if m and _word_ends(text, m.end()) and m.group().lower() in lex.money_multipliers:
            return lex.money_multipliers[m.group().lower()], m.end()
    return None


_AFTER_GAP = re.compile(r"[ \u00a0\u202f]{0,2}")
_LETTERS = re.compile(r"[^\W\d_]{1,3}")


def _scale_digits(text: str, end: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """"1,5 million", "3 Millionen", "2 Mrd.", "1.5bn": a multiplier word right after digits."""
    gap = _AFTER_GAP.match(text, end)
    word = _WORD.match(text, gap.end()) if gap else None
    if word is None:
        return None
    name = word.group().lower()
    mult = lex.multipliers.get(name)
    if mult is None or (mult < 100 and mult != 12):
        return None
    stop = word.end()
    if stop < len(text) and text[stop] == "." and len(name) <= 4 and name not in lex.words:
        stop += 1  # "Mio.", "Mrd."
    return mult, stop


# ---- words --------------------------------------------------------------------------------------

def _part(piece: str, lex: NumberLexicon) -> tuple[str, float] | None:
    if piece in lex.multipliers:
        return ("mult", lex.multipliers[piece])
    if piece in lex.approximate:
        return ("approx", lex.approximate[piece])
    if piece in lex.words:
        return ("num", lex.words[piece])
    if piece in lex.fractions:
        return ("frac", lex.fractions[piece])
    if piece in lex.fraction_plurals:
        return ("frac", lex.fraction_plurals[piece])
    if piece in lex.connectors:
        return ("conn", 0.0)
    return None


def _tens_unit(a: float, b: float) -> bool:
    """"twenty" + "three", "quatre-vingt" + "onze": may b follow a inside one number?"""
    return a >= 20 and a % 10 == 0 and (b < 10 or (b < 20 and a % 20 == 0))


def _hyphenated(word: str, lex: NumberLexicon) -> tuple[list[tuple[str, float]], list[str]] | None:
    """Longest known run of hyphen-joined pieces first: "soixante-dix-sept" = soixante-dix + sept.
    "three-four" is no number (two numbers side by side are not one)."""
    pieces, out, used, i = re.split(r"[-'’]", word), [], [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            piece = "-".join(pieces[i:j])
            part = _part(piece, lex)
            if part is not None:
                out.append(part if part[0] != "conn" else ("iconn", 0.0))
                used.append(piece)
                i = j
                break
        else:
            return None
    for (ka, va), (kb, vb) in zip(out, out[1:]):
        if ka == kb == "num" and not _tens_unit(va, vb):
            return None
    if [k for k, _ in out].count("frac") > 1:
        return None
    return out, used


def _compound(word: str, lex: NumberLexicon) -> tuple[list[tuple[str, float]], list[str]] | None:
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
    parts = [p if p[0] != "conn" else ("iconn", 0.0) for p in (_part(piece, lex) for piece in found) if p]
    if [k for k, _ in parts].count("frac") > 1:
        return None
    return parts, list(found)


def _word_token(start: int, end: int, word: str, lex: NumberLexicon) -> _Tok | None:
    w = word.lower()
    if len(w) > 1 and any(ch in VULGAR_FRACTIONS for ch in w):
        return None  # "¼¼", "ein½": a fraction sign is a number alone, never a piece of a word
    if w in lex.articles and w not in lex.multipliers:
        # "un" is also a number word ("cent un"); "a" is only an article
        return _Tok(start, end, (("article1" if w in lex.words else "article", 1.0),), word=w)
    part = _part(w, lex)
    if part is not None:
        return _frac_flags(_Tok(start, end, (part,), word=w), [w], lex)
    for kind, names in (("neg", lex.negative_words), ("point", lex.decimal_words),
                        ("over", lex.over_words), ("of", lex.of_words)):
        if w in names:
            return _Tok(start, end, ((kind, 0.0),), word=w)
    split = None
    if "-" in w:
        split = _hyphenated(w, lex)
    elif lex.compound:
        split = _compound(w, lex)
    if split is None:
        return None
    parts, pieces = split
    return _frac_flags(_Tok(start, end, tuple(parts), word=w), pieces, lex)


def _frac_flags(tok: _Tok, pieces: list[str], lex: NumberLexicon) -> _Tok:
    """A token holding a fraction word carries that word's grammar; "twenty-fifth" is one
    denominator (25), not twenty fifths."""
    fw = next((p for p in pieces if p in lex.fractions or p in lex.fraction_plurals), None)
    if fw is None or fw in lex.words or fw in lex.multipliers:
        return tok
    forms = ("s" if fw in lex.fractions else "") + ("p" if fw in lex.fraction_plurals else "")
    ordinal = fw in lex.ordinal_fractions
    parts = tok.parts
    kinds = [k for k, _ in parts]
    if forms == "s" and ordinal and kinds in (["num", "frac"], ["num", "iconn", "frac"]) \
            and parts[0][1] >= 20 and parts[0][1] % 10 == 0 and parts[-1][1] < 10:
        parts = (("frac", parts[0][1] + parts[-1][1]),)
    return replace(tok, parts=parts, forms=forms, ordinal=ordinal, lone=fw in lex.lone_fractions)


def _word_tokens(text: str, lex: NumberLexicon, taken: list[_Tok]) -> list[_Tok]:
    starts = [t.start for t in taken]
    out = []
    for m in _WORD.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if (k >= 0 and taken[k].end > m.start()) or (k + 1 < len(taken) and taken[k + 1].start < m.end()):
            continue  # inside a digit number ("thousand" in "4 thousand", "M" in "10M")
        tok = _word_token(m.start(), m.end(), m.group(), lex)
        if tok is not None:
            out.append(tok)
    return out
