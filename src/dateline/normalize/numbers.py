"""Numbers written in digits or in words, found in running text with their character offsets.

One language-independent reader over per-language data (`lang/<code>/numbers.yaml`): digit grouping
("3 000", "3.000", "3,000", "1,5", ".08"), number words ("trois mille", "two dozen",
"zweitausenddreihundert"), multipliers after digits ("1,5 million", "$1.5bn", "10M", "2 Mrd."),
digits and words mixed ("4 thousand 3 hundred and 21"), fractions ("two thirds", "un demi-million",
"eineinhalb", "3/4", "1½", "one over three"), decimal words ("two point five", "deux virgule cinq"),
signs ("-4,5", "minus 5", "négatif un"), exponents ("1e10", "-12e-1", "2,5^-1", "6.23×10^-4"),
Indian grouping ("12,34,567.89") and lists ("22,24,26"). "one" after "which", "no", "the"... is a
pronoun, no count (`pronoun_one_after`). Every match is a maximal stretch of the text; its value
is computed only from the characters inside it, so no number is ever invented.

How it works: digit numbers are read first (with what is glued to them: a sign, "½", "M", "bn");
then digit numbers and words become one stream of tokens, each with its parts — ("num", 3),
("mult", 1000), ("frac", 4) for a denominator, ("conn", 0) for "and"/"et"/"und"... — and runs of
tokens that may follow each other (`_run`) are evaluated (`_evaluate`).

text2num would read the words, but it returns no offsets, does not join "3 000" and misreads
"1,5 million" (see shared/STACK.md), so the reader is ours; text2num is only a baseline in
bench/number_accuracy.py.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .. import lang as langdata
from ..errors import ConfigError

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
    # a plain space groups thousands only in "40 000" or "1 414 021" (English writes "3 200 soldiers")
    cautious_space: bool = False
    fractions: Mapping[str, float] = field(default_factory=dict)  # singular (or invariant) -> denominator
    fraction_plurals: Mapping[str, float] = field(default_factory=dict)
    ordinal_fractions: frozenset[str] = frozenset()  # also ordinals: "a third term" is no fraction
    lone_fractions: frozenset[str] = frozenset()  # a number without numerator: "half"
    fraction_blockers: frozenset[str] = frozenset()  # "the second half": not a number
    negative_words: frozenset[str] = frozenset()
    not_negative_after: frozenset[str] = frozenset()  # "au moins 3" is "at least 3"
    decimal_words: frozenset[str] = frozenset()  # "point", "virgule", "Komma"
    over_words: frozenset[str] = frozenset()  # "one over three"
    of_words: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()  # never a noun: "half the", "half of"
    months: frozenset[str] = frozenset()  # "a fourth of July" is a day
    suffixes: Mapping[str, float] = field(default_factory=dict)  # case-sensitive, glued: "10M"
    money_multipliers: Mapping[str, float] = field(default_factory=dict)  # only after "$", "£"...
    indian_grouping: bool = False  # "12,34,567.89", "1,00,000"
    # word -> when "one" after it is a pronoun, not a count: "always" ("which one"), "unless_noun"
    # follows ("the one who"), "last" in its clause ("that one.")
    pronoun_one_after: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "NumberLexicon":
        lower = lambda d: {str(k).lower(): float(v) for k, v in (d or {}).items()}  # noqa: E731
        low_set = lambda key: frozenset(str(a).lower() for a in data.get(key, ()))  # noqa: E731
        return cls(
            # no-break spaces group thousands in every language ("1 234 567.89")
            thousands=frozenset(data.get("thousands_separators", ())) | {"\u00a0", "\u202f"},
            decimal=str(data.get("decimal_separator", ",")),
            words={**lower(data.get("words")), **VULGAR_FRACTIONS},
            multipliers=lower(data.get("multipliers")),
            approximate=lower(data.get("approximate")), articles=low_set("articles"),
            connectors=low_set("connectors"), compound=bool(data.get("compound_words")),
            cautious_space=bool(data.get("cautious_space_grouping")),
            fractions=lower(data.get("fractions")), fraction_plurals=lower(data.get("fraction_plurals")),
            ordinal_fractions=low_set("ordinal_fractions"), lone_fractions=low_set("lone_fractions"),
            fraction_blockers=low_set("fraction_blockers"), negative_words=low_set("negative_words"),
            not_negative_after=low_set("not_negative_after"), decimal_words=low_set("decimal_words"),
            over_words=low_set("over_words"),
            of_words=frozenset(re.sub(r"['’]", "", str(w).lower()) for w in data.get("of_words", ())),
            function_words=low_set("function_words"), months=low_set("months"),
            suffixes={str(k): float(v) for k, v in (data.get("digit_suffixes") or {}).items()},
            money_multipliers=lower(data.get("money_multipliers")),
            indian_grouping=bool(data.get("indian_grouping")),
            pronoun_one_after=_pronoun_modes(data.get("pronoun_one_after") or {}))

    @functools.cached_property
    def _pieces(self) -> tuple[str, ...]:
        keys = (set(self.words) | set(self.multipliers) | set(self.approximate) | set(self.connectors)
                | set(self.fractions) | set(self.fraction_plurals))
        return tuple(sorted(keys, key=len, reverse=True))

    @functools.cached_property
    def _suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self.suffixes, key=len, reverse=True))


_PRONOUN_MODES = ("always", "unless_noun", "last")


def _pronoun_modes(data: Mapping[str, Any]) -> dict[str, str]:
    unknown = set(data) - set(_PRONOUN_MODES)
    if unknown:
        raise ConfigError(f"numbers.yaml: pronoun_one_after has {sorted(unknown)}; "
                          f"use {list(_PRONOUN_MODES)}")
    return {str(w).lower(): mode for mode, words in data.items() for w in words or ()}


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
    fraction: bool = False  # a part rather than a count: "two thirds", "3/4", "½", "half"


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


def _special_tokens(text: str, lex: NumberLexicon) -> list[_Tok]:
    """Digit fractions ("3/4", "2 1/4") and leading decimals (".08")."""
    out = []
    for m in _FRACTION.finditer(text):
        n, d = int(m.group(2)), int(m.group(3))
        if not (0 < n < d and d in _DENOMINATORS) or _after_digit(text, m.start()):
            continue
        if m.group(1) is not None and _opens(text, m.start()):
            out.append(_Tok(m.start(), m.end(), (("num", int(m.group(1)) + n / d),), fixed=True, part=True))
        elif _opens(text, m.start(2)) and not _after_digit(text, m.start(2)):
            out.append(_Tok(m.start(2), m.end(), (("num", n / d),), fixed=True, part=True))
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
        tok = _Tok(start, end + 1, (("num", value + VULGAR_FRACTIONS[nxt]),), fixed=True, part=True)
        return tok, end + 1
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


# ---- runs ---------------------------------------------------------------------------------------

def _joins(prev: _Tok, nxt: _Tok) -> bool:
    """May word `nxt` continue a number ending with `prev` ("cent trois", "twenty three", "un million")?"""
    (pk, pv), (nk, nv) = prev.last, nxt.parts[0]
    if prev.word is None and pk != "mult":
        return False  # "3 twenty"
    if nk in ("mult", "approx"):
        return pk in ("num", "mult", "article", "article1")
    if pk == "mult" and nk == "article1":
        return pv >= 100
    if nk != "num" or pk in ("article", "article1"):
        return False
    if pk == "mult":
        return pv >= 100 and nv < pv
    return pk == "num" and pv >= 20 and pv % 10 == 0 and nv < 10


def _gap_ok(text: str, a: _Tok, b: _Tok) -> bool:
    """Only spaces between two tokens of one number; a spaced hyphen between a tens and a unit
    ("ninety - five") or before a fraction word ("five - eighths")."""
    gap = text[a.end:b.start]
    if _SPACES.fullmatch(gap):
        return True
    if not _SPACED_HYPHEN.fullmatch(gap):
        return False
    (pk, pv), (nk, nv) = a.last, b.parts[0]
    return a.word is not None and ((pk == nk == "num" and _tens_unit(pv, nv)) or nk == "frac")


def _has(run: Iterable[_Tok], *kinds: str) -> bool:
    return any(k in kinds for t in run for k, _ in t.parts)


def _numerator(run: list[_Tok]) -> float:
    """The value since the last "and" of the run: the numerator of a fraction word after it."""
    parts = [p for t in run for p in t.parts]
    c = max((i for i, (k, _) in enumerate(parts) if k == "conn"), default=-1)
    head = parts[c + 1:]
    return _integer(head)[0] if head else 1.0


_NEXT_WORD = re.compile(r"[ \u00a0\u202f\t]{0,3}([^\W\d_]{1,60})")


def _noun_follows(text: str, pos: int, lex: NumberLexicon, strict: bool = True) -> bool:
    """Does a word that is no number, "of" or "and" come right after pos ("a third term")? Not
    `strict`: function words ("half the", "half as") are no nouns either ("half back" is one)."""
    m = _NEXT_WORD.match(text, pos)
    if m is None:
        return False
    w = m.group(1).lower()
    return (_part(w, lex) is None and w not in lex.of_words and w not in lex.articles
            and (strict or w not in lex.function_words))


def _fraction_ok(text: str, run: list[_Tok], frac: _Tok, lex: NumberLexicon, n: float | None = None) -> bool:
    """May the fraction word `frac` follow `run` (its numerator)? "one third", "two thirds", "a half";
    a singular form takes a numerator of 1 to 9 ("twenty third" is an ordinal), a plural one
    not 1; an ordinal form is no fraction before a noun ("a third term")."""
    if frac.first != "frac":
        return False
    if n is None:
        if run[-1].last[0] not in ("num", "article", "article1", "mult"):
            return False
        n = _numerator(run)
    if frac.forms == "s" and not (n.is_integer() and 1 <= n <= 9):
        return False
    if frac.forms == "p" and n == 1:
        return False
    if frac.ordinal and "s" in frac.forms:
        if text[frac.start].isupper() and not text[run[-1].start].isupper():
            return False  # "a Third Way": a name
        of = _NEXT_WORD.match(text, frac.end)
        if of and of.group(1).lower() in lex.of_words:
            month = _NEXT_WORD.match(text, of.end())
            if month and month.group(1).lower() in lex.months:
                return False  # "a fourth of July": a day
        return not _noun_follows(text, frac.end, lex)
    return True


def _tail(text: str, toks: list[_Tok], j: int, run: list[_Tok]) -> int:
    """After a fraction or decimal: "... million", "half a million", "two thirds of a million"."""
    k, picked = j, []
    for kinds in (("of",), ("article", "article1")):
        if k < len(toks) and toks[k].first in kinds and _gap_ok(text, (picked or run)[-1], toks[k]):
            picked.append(toks[k])
            k += 1
    least = 1000 if picked and picked[0].first == "of" else 12  # not "half of dozens"
    if (k < len(toks) and len(toks[k].parts) == 1 and toks[k].first == "mult" and toks[k].last[1] >= least
            and _gap_ok(text, (picked or run)[-1], toks[k])):
        run += picked + [toks[k]]
        return k + 1
    return j


def _after_conn(text: str, toks: list[_Tok], j: int, run: list[_Tok], lex: NumberLexicon,
                simple: bool) -> list[_Tok] | None:
    """What "and"/"et"/"und" at j joins to the run, if anything."""
    if j + 1 >= len(toks) or not _gap_ok(text, toks[j], toks[j + 1]):
        return None
    conn, v = toks[j], toks[j + 1]
    pk, pv = run[-1].last
    if pk not in ("num", "mult", "article1"):
        return None
    if not simple:
        # "un million et demi", "one and a half", "trois et un cinquième", "sechs und zwei Drittel"
        if v.first == "frac" and _fraction_ok(text, run, v, lex, n=1.0):
            return [conn, v]
        if v.first == "num" and _has([v], "frac") and not v.fixed:
            return [conn, v]  # "one and two-thirds", "sechs und zweidrittel"
        if (j + 2 < len(toks) and len(v.parts) <= 2 and v.first in ("num", "article", "article1")
                and not v.fixed and _gap_ok(text, v, toks[j + 2])
                and _fraction_ok(text, [v], toks[j + 2], lex, n=_integer(v.parts)[0])):
            return [conn, v, toks[j + 2]]
    # "vingt et un", "hundred and six", "one million and two hundred thousand"
    if pk == "article1":
        return None
    if v.word is not None and v.first in ("num", "article1") and pv >= 20 and v.parts[0][1] < pv:
        return [conn, replace(v, parts=(("num", v.parts[0][1]),) + v.parts[1:])]
    # "3 hundred and 21", "3 cents et 21"
    if (v.word is None and pk == "mult" and pv <= 100 and len(v.parts) == 1 and v.plain
            and v.parts[0][1] < pv):
        return [conn, v]
    return None


def _decimals(text: str, toks: list[_Tok], j: int, run: list[_Tok]) -> tuple[_Tok, int] | None:
    """"point zero three", "virgule cinquante deux", "Komma drei": the digits after a decimal word."""
    if not _has(run, "num"):
        return None
    digits, k, prev = "", j + 1, toks[j]
    group: float | None = None
    while (k < len(toks) and toks[k].word is not None and _gap_ok(text, prev, toks[k])
           and all(kd in ("num", "article1") for kd, _ in toks[k].parts)):
        v = sum(val for _, val in toks[k].parts)
        if not v.is_integer():
            break
        if group is not None and _tens_unit(group, v) and len(toks[k].parts) == 1:
            group += v  # "cinquante deux"
        else:
            digits += "" if group is None else str(int(group))
            group = v
        prev, k = toks[k], k + 1
    if group is None:
        return None
    digits += str(int(group))
    return _Tok(toks[j].start, prev.end, (("dec", float("0." + digits)),), word="point"), k


def _over(text: str, toks: list[_Tok], j: int, run: list[_Tok],
          lex: NumberLexicon) -> tuple[_Tok, int] | None:
    """"one over three", "un sur vingt": a fraction when the denominator is larger and no noun
    follows ("12 over three days" is a count)."""
    if not _has(run, "num", "article1") or _has(run, "frac", "dec", "approx"):
        return None
    if j + 1 >= len(toks) or not _gap_ok(text, toks[j], toks[j + 1]):
        return None
    den, k = _run(text, toks, j + 1, lex, simple=True)
    if not den or not _is_number([p for t in den for p in t.parts], lex):
        return None
    n = _integer([p for t in run for p in t.parts])[0]
    d = _integer([p for t in den for p in t.parts])[0]
    digits = [t for t in run + den if t.word is None]
    if not (1 <= n < d) or any(len(str(int(t.parts[0][1]))) > 3 for t in digits):
        return None
    if _noun_follows(text, den[-1].end, lex, strict=False):
        return None
    return _Tok(toks[j].start, den[-1].end, (("ovr", d),), word="over"), k


def _run(text: str, toks: list[_Tok], i: int, lex: NumberLexicon,
         simple: bool = False) -> tuple[list[_Tok], int]:
    """The longest run of tokens making one number, starting at token i, and the index after it.
    `simple`: integers only (the denominator after "over")."""
    first = toks[i]
    if first.first in ("conn", "iconn", "neg", "point", "over", "of") or (simple and _has([first], "frac")):
        return [], i + 1
    run = [first]
    j = i + 1
    if _has(run, "frac"):
        j = _tail(text, toks, j, run)
    # the loop stops right after a fraction, decimal or "over" joins (each ends a number)
    while j < len(toks) and not run[-1].fixed and not _has(run[:1], "frac"):
        nxt = toks[j]
        if not _gap_ok(text, run[-1], nxt):
            break
        kind = nxt.first
        if kind == "frac":
            if simple or not _fraction_ok(text, run, nxt, lex):
                break
            run.append(nxt)
            j = _tail(text, toks, j + 1, run)
            break
        if kind == "conn":
            ext = _after_conn(text, toks, j, run, lex, simple)
            if ext is None:
                break
            run += ext
            j += len(ext)
            if _has(ext, "frac"):
                j = _tail(text, toks, j, run)
                break
            continue
        if kind == "point" or kind == "over":
            found = None if simple else (_decimals(text, toks, j, run) if kind == "point"
                                         else _over(text, toks, j, run, lex))
            if found is None:
                break
            run.append(found[0])
            j = _tail(text, toks, found[1], run) if kind == "point" else found[1]
            break
        if nxt.word is None:
            # "4 thousand 3 hundred": digits after a multiplier, with a smaller multiplier of their own
            pk, pv = run[-1].last
            if not (pk == "mult" and len(nxt.parts) == 2 and nxt.last[0] == "mult" and nxt.last[1] < pv
                    and not nxt.fixed):
                break
        elif not _joins(run[-1], nxt):
            break
        run.append(nxt)
        j += 1
    if run[0].word is None:
        trimmed = _trim_digit_run(run)
        if len(trimmed) < len(run):
            run, j = trimmed, i + len(trimmed)  # a trimmed run holds only tokens of the stream
    return run, j


def _trim_digit_run(run: list[_Tok]) -> list[_Tok]:
    """"3 millions deux ans": after a large multiplier written after digits, words continue the number
    only when they end on a multiplier or a fraction ("4 thousand 3 hundred", "6 crore and two
    hundred", "3 million and a half")."""
    cut = max((k for k, t in enumerate(run) if any(kd == "mult" and v >= 1000 for kd, v in t.parts)),
              default=None)
    if cut is None or cut == len(run) - 1:
        return run
    if _has(run[cut + 1:], "mult", "frac", "dec", "ovr"):
        return run
    return run[:cut + 1]


def _is_number(parts: list[tuple[str, float]], lex: NumberLexicon) -> bool:
    kinds = [k for k, _ in parts]
    if any(k in kinds for k in ("num", "frac", "dec", "ovr")):
        return True
    if kinds[0] == "approx":
        return False  # "une centaine" or "two score", not "score" alone
    if "approx" in kinds:
        return True
    # A lone multiplier is a number only when it is also a number word ("mille", "hundert").
    standalone = {v for k, v in lex.multipliers.items() if k in lex.words and v >= 100}  # not "dozens"
    return "mult" in kinds and (kinds[0] in ("article", "article1")
                                or any(k == "mult" and v in standalone for k, v in parts))


def _lone_fraction_ok(text: str, run: list[_Tok], lex: NumberLexicon) -> bool:
    """A fraction word with nothing before it: "half a million", "quarter million" (a multiplier
    follows) or "half" (a lone fraction), but not "the second half"."""
    first = run[0]
    if first.first != "frac":
        return True  # it has its numerator ("two thirds", "dreiviertel") or is no fraction
    if _has(run[1:], "mult") or (len(first.parts) > 1 and first.last[0] == "mult"):
        return True
    before = _word_before(text, first.start)
    blocked = before is not None and before[1].lower() in lex.fraction_blockers
    # "half back" is a position
    return (first.lone and len(run) == 1 and not blocked
            and not _noun_follows(text, first.end, lex, strict=False))


def _pronoun_one(text: str, tok: _Tok, lex: NumberLexicon) -> bool:
    """"Which one do you prefer?", "the one who", "no one", "every one of them": a word for one after
    such a word is a pronoun, not a count (`pronoun_one_after`): always, unless a noun follows ("the
    one soldier" is a count), or only at the end of its clause ("that one."; "officials said that one
    was killed" is a count)."""
    if tok.word is None or tok.parts != (("num", 1.0),):
        return False
    before = _word_before(text, tok.start)
    mode = lex.pronoun_one_after.get(before[1].lower()) if before is not None else None
    if mode == "unless_noun":
        return not _noun_follows(text, tok.end, lex, strict=False)
    if mode == "last":
        return _NEXT_WORD.match(text, tok.end) is None
    return mode == "always"


def _integer(parts: Iterable[tuple[str, float]]) -> tuple[float, bool, float | None, float]:
    """(value, approximate, last large multiplier, value before it) of a run without fraction."""
    total, current, group, approx, mult, base = 0.0, 0.0, 0.0, False, None, 0.0
    have = False  # a number before the multiplier ("0,3 milliard"), else it counts one ("million")
    for kind, v in parts:
        if kind in ("num", "article", "article1"):
            current, group, have = current + v, group + v, True
        elif kind == "conn":
            group = 0.0
        elif kind == "approx":
            current, approx, group = scale(current if have else 1.0, v), True, 0.0
            have = True
        elif kind == "mult" and v < 100:
            # "three hundred and two dozens": the dozen multiplies "two", not "three hundred and two"
            current = current - group + scale(group, v) if group else scale(current if have else 1.0, v)
            group, have = 0.0, True
        elif kind == "mult" and v < 1000:
            current, group, have = scale(current if have else 1.0, v), 0.0, True
        elif kind == "mult" and not have and mult is not None and v > mult:
            # right after a smaller one it multiplies all before: "2 lakh crore", "two thousand million"
            base, mult, total = total, v, scale(total, v)
        elif kind == "mult":
            base, mult = current if have else 1.0, v
            total += scale(base, v)
            current, group, have = 0.0, 0.0, False
    return total + current, approx, mult, base


def _evaluate(parts: list[tuple[str, float]]) -> tuple[float, bool, float | None, float | None, bool]:
    """(value, approximate, multiplier, value before it, is a fraction) of a run of tokens."""
    kinds = [k for k, _ in parts]
    f = next((i for i, k in enumerate(kinds) if k in ("frac", "dec", "ovr")), None)
    if f is None:
        value, approx, mult, base = _integer(parts)
        return value, approx, mult, base if mult else None, False
    kind, d = parts[f]
    if kind == "ovr":
        return _integer(parts[:f])[0] / d, False, None, None, True
    if kind == "frac":
        # "one hundred and three quarters" = 100 + 3/4; "einundhalb" = 1 + 1/2
        c = max((i for i in range(f) if kinds[i] == "conn" or (kinds[i] == "iconn" and i == f - 1)),
                default=-1)
        head = parts[c + 1:f]
        q = (_integer(head)[0] if head else 1.0) / d
        whole = parts[:max(c, 0)]
    else:
        c, q, whole = f, d, parts[:f]
    w, approx, large, _ = _integer(whole)
    tail = next((v for k, v in parts[f + 1:] if k == "mult"), None)
    last = whole[-1][1] if whole and whole[-1][0] == "mult" else None
    if tail is not None and large is not None and large >= tail:
        value, mult = w + scale(q, tail), large  # "one billion and a quarter million"
    elif tail is not None:
        value, mult = scale(w + q, tail), tail  # "two and a half million", "half a million"
    elif kind == "frac" and c >= 0 and last is not None and (last >= _LARGE or last < 100):
        value, mult = w + scale(q, last), last  # "trois millions et demi", "a dozen and a half"
    else:
        value, mult = w + q, None
    return value, approx, mult, value / mult if mult else None, kind == "frac"


def _matches(text: str, lex: NumberLexicon) -> list[NumberMatch]:
    digits = _digit_tokens(text, lex)
    toks = digits
    if lex.words or lex.multipliers:
        toks = sorted(digits + _word_tokens(text, lex, digits), key=lambda t: t.start)
    out, i = [], 0
    while i < len(toks):
        run, j = _run(text, toks, i, lex)
        prev = toks[i - 1] if i >= 1 else None
        i = max(j, i + 1)
        if not run:
            continue
        if len(run) == 1 and run[0].first in ("article", "article1"):
            # a run never ends on an article ("vingt et un" ends on "un" as a number word, not an
            # article), unless a sign makes it one: "négatif un"
            if not (run[0].first == "article1" and prev is not None and prev.first == "neg"
                    and _SPACES.fullmatch(text[prev.end:run[0].start])):
                continue
            run = [replace(run[0], parts=(("num", 1.0),))]
        if len(run) == 1 and _pronoun_one(text, run[0], lex):
            continue
        parts = [p for t in run for p in t.parts]
        if not _is_number(parts, lex) or not _lone_fraction_ok(text, run, lex):
            continue
        value, approx, mult, base, frac = _evaluate(parts)
        digit_only = all(t.word is None for t in run)
        out.append(NumberMatch(run[0].start, run[-1].end, value, words=run[0].word is not None,
                               approximate=approx, multiplier=mult, base=base,
                               plain=digit_only and len(run) == 1 and run[0].plain,
                               fraction=frac or any(t.part or t.word in VULGAR_FRACTIONS for t in run)))
    return out


# ---- signs --------------------------------------------------------------------------------------

_BLANKS = " \u00a0\u202f\t"


def _word_before(text: str, pos: int) -> tuple[int, str] | None:
    """The word that ends 1 to 3 spaces before pos, and where it starts (a bounded backward scan)."""
    i = pos
    while i > 0 and pos - i < 3 and text[i - 1] in _BLANKS:
        i -= 1
    if i == pos:
        return None
    k = i
    while k > 0 and i - k < 40 and text[k - 1].isalpha():
        k -= 1
    return (k, text[k:i]) if k < i else None


def _signed(text: str, m: NumberMatch, prev_end: int | None, lex: NumberLexicon) -> NumberMatch:
    """"-4,5", "−3", "minus 5", "négatif un". A hyphen is a minus sign only glued to the number, at
    the start of the text or after a space or "(", and not after a number ("1,000-3,000",
    "1 000 -3 000", "2014-2015" are ranges)."""
    s = m.start
    glued = s >= 1 and text[s - 1] in _SIGNS and (s == 1 or text[s - 2].isspace() or text[s - 2] == "(")
    if glued and not _after_digit(text, s - 1) and (prev_end is None or text[prev_end:s - 1].strip()):
        start = s - 1
    else:
        w = _word_before(text, s) if lex.negative_words else None
        if w is None or w[1].lower() not in lex.negative_words:
            return m
        before = _word_before(text, w[0])
        if before is not None and before[1].lower() in lex.not_negative_after:
            return m  # "au moins 3", "plus or minus 3"
        start = w[0]
    return replace(m, start=start, value=-m.value, base=-m.base if m.base is not None else None)


def find_numbers(text: str, lex: NumberLexicon) -> list[NumberMatch]:
    """Every number in `text`, left to right, never overlapping."""
    out: list[NumberMatch] = []
    for m in _matches(text, lex):
        out.append(_signed(text, m, out[-1].end if out else None, lex))
    return out


def parse_number(text: str, lex: NumberLexicon) -> float | None:
    """The value of `text` when it is exactly one number (surrounding spaces aside), else None."""
    stripped = text.strip()
    found = find_numbers(stripped, lex)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None
