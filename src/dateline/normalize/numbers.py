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

How it works: digit numbers are read first, with what is glued to them (a sign, "½", "M", "bn");
then digit numbers and words become one stream of tokens (both in `_number_tokens`), each with its parts — ("num", 3),
("mult", 1000), ("frac", 4) for a denominator, ("conn", 0) for "and"/"et"/"und"... — and runs of
tokens that may follow each other (`_run`) are evaluated (`_evaluate`).

text2num would read the words, but it returns no offsets, does not join "3 000" and misreads
"1,5 million" (see shared/STACK.md), so the reader is ours; text2num is only a baseline in
bench/number_accuracy.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .. import lang as langdata
from ..errors import ConfigError
from ._number_tokens import (
    _LARGE,
    _SIGNS,
    _SPACED_HYPHEN,
    _SPACES,
    VULGAR_FRACTIONS,
    _after_digit,
    _digit_tokens,
    _part,
    _tens_unit,
    _Tok,
    _word_tokens,
    read_digits,
    scale,
)

__all__ = ["VULGAR_FRACTIONS", "NumberLexicon", "NumberMatch", "find_numbers", "lexicon", "parse_number",
           "read_digits", "scale"]


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
