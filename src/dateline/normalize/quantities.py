"""Quantities: a number, what bounds it, what it counts or measures, as spans of the cleaned text.

Found on the text itself, not on tokens (the French tokenizer splits "3 000"); tokens are used only to
lemmatise the counted noun when the document has a spaCy Doc with a lemmatizer. Everything a language
says about quantities comes from `lang/<code>/numbers.yaml`; a language without that file still gets
its digit numbers, and the units written alike in several languages ("%", "km", "€").

Values: exact and bounded numbers ("about", "at least", "more than", "less than", "at most") carry the
number as `value`; a lower bound also sets `low`, an upper bound `high`. Ranges ("entre 1 000 et
3 000") and vague amounts ("des milliers") carry `low`/`high` and `value = None`: a midpoint is a number
the text never states, and Dateline never emits a value that is not written in its span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..document import Document, Quantity
from ..pipeline import Context, register
from ._quantity_lang import STATES, Languages, QuantityLang, phrase_key
from .numbers import NumberMatch, find_numbers, scale

NAME = "dateline.quantities.v1"

_PERSONS = ("people", "troops")  # counts of persons, which a casualty or arrest verb may qualify
_WINDOW_CHARS = 80
_WINDOW_WORDS = 7
_NOUN_WORDS = 4  # the counted noun comes within this many words of its number
_WORD = re.compile(r"[^\W\d_]{1,60}(?:[-'’][^\W\d_]{1,60}){0,8}")
_STATE_WORDS = 10  # a casualty verb may come this many words after the count ("... ont été interpellés")
_CLAUSE_STOP = re.compile(r"[.;:!?()\[\]\n«»\"“”,]")
_STOP = re.compile(r"[.;:!?()\[\]\n«»\"“”]")
_DATE = re.compile(r"(?<![\d.,])\d{1,4}([/.\-])\d{1,2}\1\d{1,4}(?![\d])")
# three or more digit groups chained by hyphens or slashes: a phone number, an ID, a score line
_CHAIN = re.compile(r"(?<![\w.,])\+?\d{1,5}(?:[-‑/]\d{1,5}){2,}(?![\w])")
# "14h30", "14 h 30", "14:30" are written so in many languages
_CLOCK = re.compile(r"\A(?::|[ \u00a0]?h[ \u00a0]?)\d\d(?!\d)")
_SUFFIXED_BEFORE = re.compile(r"\d[^\W\d_]{1,3}[-‑]\Z")  # "5k-", "2m-": a number's suffix, then a dash
_CLOCK_BEFORE = re.compile(r"\d[ \u00a0]?[h:][ \u00a0]?\Z")


@dataclass
class _Cand:
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    measure: str = "other"
    item: tuple[int, int] | None = None
    increment: bool = False
    num: NumberMatch | None = None
    num_end: int = 0  # end of the number and its unit: where the counted noun may start


@register(NAME, reads={"text", "lang"}, adds={"quantities"})
def make_quantities(ctx: Context):
    """The quantities stage: numbers with qualifier, unit, measure and counted noun."""
    languages = ctx.resource("quantity-languages", Languages)

    def quantities(doc: Document) -> Document:
        L = languages.get(doc.lang)
        low = _lower(doc.text)
        cands = find_quantities(low, L)
        for c in cands:
            if c.measure == "other" and c.unit is None and c.item is not None:
                c.measure = languages.foreign_measure(low[c.item[0]:c.item[1]], doc.lang)
        doc.quantities = [_record(doc, i, c) for i, c in enumerate(cands, 1)]
        return doc

    return quantities


def _lower(text: str) -> str:
    """Lowercased text with the same offsets (a character whose lowercase is longer stays as is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _record(doc: Document, i: int, c: _Cand) -> Quantity:
    item = None
    if c.item is not None:
        item = _lemma(doc, *c.item) or doc.text[c.item[0]:c.item[1]].lower()
    return Quantity(id=f"q{i}", span=doc.span(c.start, c.end), value=c.value, stage=NAME, low=c.low,
                    high=c.high, qualifier=c.qualifier, unit=c.unit, measure=c.measure, item=item,
                    increment=c.increment)


def _lemma(doc: Document, start: int, end: int) -> str | None:
    sdoc = doc.nlp_doc
    if sdoc is None:
        return None
    try:
        span = sdoc.char_span(start, end, alignment_mode="expand")
    except Exception:  # not a spaCy Doc of this text
        return None
    if span is None or len(span) != 1 or span[0].text != doc.text[start:end]:
        return None
    return span[0].lemma_.lower() or None


def find_quantities(text: str, L: QuantityLang) -> list[_Cand]:
    """All quantities of a lowercased text (see `_lower`), left to right."""
    blocked = _overlaps(_merged((m.start(), m.end()) for p in (_DATE, _CHAIN) for m in p.finditer(text)))
    cands: list[_Cand] = []
    for m in find_numbers(text, L.lex):
        if blocked(m.start, m.end) or _not_a_count(text, m, L):
            continue
        if cands and m.start < cands[-1].end:
            continue  # inside the unit of the number before ("7,5 pour cent")
        cands.append(_with_unit(text, m, L))
    cands = _ranges(text, cands, L)
    cands += _vague(text, cands, L)
    cands.sort(key=lambda c: c.start)
    for k, c in enumerate(cands):
        _qualify(text, c, L, cands[k + 1].start if k + 1 < len(cands) else None)
    cands = _two_sided(text, cands, L)
    out = []
    for k, c in enumerate(cands):
        limit = cands[k + 1].start if k + 1 < len(cands) else len(text)
        _count(text, c, L, limit)
        if c.measure == "other" and c.unit is None and c.item is not None and text[c.item[0]:c.item[1]] in L.demonyms:
            c.measure = "people"  # "6 Tibétains", "two Britons": a demonym counts people
        if c.measure == "other" and c.unit is None and c.item is None:
            _count_before(text, c, L, cands[k - 1].end if k else 0)
        if c.unit is None and (c.measure in _PERSONS or (c.measure == "other" and c.item is None)):
            # an age or a duration inside the noun phrase does not end it ("trois femmes âgées de 18 à
            # 25 ans sont mortes")
            later = next((cands[x].start for x in range(k + 1, len(cands)) if cands[x].measure != "duration"),
                         len(text))
            _state_of_count(text, c, L, later, cands[k - 1].end if k else 0)
        if not _is_year(text, c, L):
            out.append(c)
    for c, whole in zip(out, out[1:]):  # "sept des seize mausolées", "2,000 of the 3,550 troops"
        if c.item is None and c.unit is None and whole.item is not None and whole.unit is None \
                and L.partitive.fullmatch(text, c.end, whole.start):
            c.item, c.measure = whole.item, whole.measure
    for prev, c in zip(out, out[1:]):  # "1,035 casualties in Turkey and about 19 in Greece": the noun is left out
        if c.item is None and c.unit is None and c.measure == "other" and prev.unit is None \
                and prev.measure in STATES + _PERSONS and _elided(text[prev.end:c.start], L):
            c.measure = prev.measure
    return out


def _elided(gap: str, L: QuantityLang) -> bool:
    """Is this the gap of a coordination that leaves the counted noun out ("... in Turkey and about")?"""
    return len(gap) <= 40 and not _STOP.search(gap) and any(w.group() in L.joiners for w in _WORD.finditer(gap))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same characters."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _overlaps(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Does [start, end) overlap one of these sorted, disjoint spans? (log n, not n, per question)"""
    starts = [s for s, _ in spans]

    def hit(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end) - 1
        return i >= 0 and spans[i][1] > start

    return hit


# ---- what is not a quantity ---------------------------------------------------------------------

def _not_a_count(text: str, m: NumberMatch, L: QuantityLang) -> bool:
    """Ordinals ("3e", "21st", "3. Armee"), clock times, days of a month, model names ("T-72")."""
    before, after = text[max(0, m.start - 2):m.start], text[m.end:m.end + 12]
    if m.words:
        return _next_word(text, m.end) in L.months
    if before[-1:].isalpha() or (before[-1:] in "-‑" and before[:1].isalpha()
                                 and not _SUFFIXED_BEFORE.search(text, max(0, m.start - 8), m.start)):
        return True  # "T-72", "F-16", "Su-34"; not "5k-20k"
    if (before[-1:] == ":" or _CLOCK.match(after) or L.time_after.match(after)
            or _CLOCK_BEFORE.search(text, max(0, m.start - 6), m.start)):
        return True
    tail = _WORD.match(text, m.end)
    if tail is not None:  # letters glued to the digits: an ordinal, a unit or a name ("3D")
        word = tail.group().lower()
        return word in L.ordinal_suffixes or not (word in L.unit_of or word in L.lex.multipliers
                                                  or word in L.money_multipliers)
    if L.ordinal_dot and after[:1] == "." and m.plain and m.value < 100:
        # "26. Februar", "die 3. Armee"; a count is followed by what it counts ("30. Soldaten" is rare)
        nxt = _next_word(text, m.end + 1)
        if nxt and text[m.end + 1:m.end + 2].isspace() and not L.measure_next.match(text, m.end + 1) \
                and not L.unit_after.match(text, m.end + 1):
            return True
    if m.plain and m.value <= 31 and (_next_word(text, m.end) in L.months or _prev_word(text, m.start) in L.months):
        return True
    return False


def _next_word(text: str, pos: int) -> str | None:
    gap = re.compile(r"\s{0,3}").match(text, pos)
    w = _WORD.match(text, gap.end()) if gap else None
    return w.group().lower().rstrip(".") if w else None


def _prev_word(text: str, pos: int) -> str | None:
    m = re.search(r"([^\W\d_]{1,30})\.?\s{1,3}\Z", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else None


def _is_year(text: str, c: _Cand, L: QuantityLang) -> bool:
    """A four-digit year (1900-2100) with nothing counted after it and no qualifier."""
    nums = [c.value] if c.low is None or c.qualifier != "range" else [c.low, c.high]
    if c.num is None or not c.num.plain or c.unit or c.qualifier not in ("exact", "range"):
        return False
    if not all(v is not None and v.is_integer() and 1900 <= v <= 2100 for v in nums):
        return False
    return L.measure_next.match(text, c.num_end) is None


# ---- units, ranges, vague amounts ---------------------------------------------------------------

def _with_unit(text: str, m: NumberMatch, L: QuantityLang) -> _Cand:
    c = _Cand(m.start, m.end, m.value, num=m, num_end=m.end)
    if m.approximate:
        c.qualifier = "about"
    before = L.unit_before.search(text, max(0, m.start - 8), m.start)
    if before is not None:
        c.unit, c.measure = L.unit_of[phrase_key(before.group("u"))]
        c.start = before.start()
        mult = _MONEY_MULT.match(text, m.end)
        if mult and mult.group(1).lower() in L.money_multipliers and m.multiplier is None:
            c.value = scale(m.value, L.money_multipliers[mult.group(1).lower()])
            c.end = c.num_end = mult.end()
        return c
    after = L.unit_after.match(text, m.end)
    if after is not None:
        c.unit, c.measure = L.unit_of[phrase_key(after.group("u"))]
        c.end = c.num_end = after.end()
    return c


_MONEY_MULT = re.compile(r"([^\W\d_]{1,3})(?![^\W_])")


def _ranges(text: str, cands: list[_Cand], L: QuantityLang) -> list[_Cand]:
    """"entre 1 000 et 3 000", "1,000-3,000", "zwischen 5 und 10", "5 à 10 km" -> one range."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.qualifier == "exact" and c.qualifier == "exact" and prev.num and c.num:
            joined = _join_range(text, prev, c, L)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(c)
    return out


def _join_range(text: str, a: _Cand, b: _Cand, L: QuantityLang) -> _Cand | None:
    between = text[a.end:b.start].strip(" \u00a0\u202f").lower()
    opener = L.range_open.search(text, max(0, a.start - 20), a.start)
    if not (between in L.range_bare or (between in L.range_join and opener is not None)):
        return None
    if _changed_from(text, a.start, L):
        return None  # "est passé de 200 à 300", "rose from 200 to 300": two values, not a range
    low = a.value
    if a.num.multiplier is None and b.num.multiplier and b.num.base is not None and a.value < b.num.base:
        low = scale(a.value, b.num.multiplier)  # "entre 2 et 3 millions"
    if low is None or b.value is None or not low < b.value:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    start = opener.start() if opener is not None else a.start
    return _Cand(start, b.end, None, low=low, high=b.value, qualifier="range", unit=b.unit or a.unit,
                 measure=b.measure if b.unit else a.measure, num=b.num, num_end=b.num_end)


def _changed_from(text: str, start: int, L: QuantityLang) -> bool:
    words = [w.lower() for w in _WORD.findall(text, max(0, start - 40), start)]
    return len(words) >= 2 and words[-1] in L.range_from and words[-2] in L.range_change


def _vague(text: str, cands: list[_Cand], L: QuantityLang) -> list[_Cand]:
    out = []
    taken = _overlaps([(c.start, c.end) for c in cands])
    for m in L.vague.finditer(text):
        if taken(m.start(), m.end()):
            continue
        if re.search(r"\d\s{0,2}\Z", text[max(0, m.start() - 3):m.start()]):
            continue  # "3 millions": a number's multiplier, not a vague amount
        low, high = L.vague_of[phrase_key(m.group())]
        c = _Cand(m.start(), m.end(), None, low=low, high=high, qualifier="vague", num_end=m.end())
        after = L.unit_after.match(text, m.end())
        if after is not None:
            c.unit, c.measure = L.unit_of[phrase_key(after.group("u"))]
            c.end = c.num_end = after.end()
        out.append(c)
    return out


# ---- qualifier, increment, what is counted ------------------------------------------------------

def _qualify(text: str, c: _Cand, L: QuantityLang, nxt: int | None) -> None:
    q = L.qualifier.search(text, max(0, c.start - 40), c.start)
    if q is not None and c.qualifier not in ("range", "vague"):
        c.qualifier = L.qualifier_of.get(phrase_key(q.group()), c.qualifier)
        c.start = q.start()
    if c.qualifier not in ("range", "vague"):
        _qualify_after(text, c, L, nxt)
        _bounds(c)
    inc = L.inc_before.search(text, max(0, c.start - 30), c.start)
    if inc is not None:
        c.increment, c.start = True, inc.start()


def _qualify_after(text: str, c: _Cand, L: QuantityLang, nxt: int | None) -> None:
    """A bound written after the number: "500 or more", "500 ou moins", "mehr als 5 oder gleich";
    "or equal" makes a strict bound inclusive. Not when the next number follows in the same words
    ("or more than 6000", "et plus petit que 20": the words belong to that number)."""
    m = L.qualifier_after.match(text, c.num_end)
    if m is None or (nxt is not None and nxt - m.end() <= _AFTER_GAP
                     and not _CLAUSE_STOP.search(text, m.end(), nxt)):
        return
    kind = L.qualifier_after_of[phrase_key(m.group())]
    if kind == "or_equal":
        kind = {"more_than": "at_least", "less_than": "at_most"}.get(c.qualifier, "")
    if kind:
        c.qualifier = kind
        c.end = c.num_end = max(c.end, m.end())


def _bounds(c: _Cand) -> None:
    """`low`/`high` from the qualifier: a lower bound, an upper bound, or both for "exactly"."""
    c.low = c.value if c.qualifier in ("at_least", "more_than", "exactly") else None
    c.high = c.value if c.qualifier in ("at_most", "less_than", "exactly") else None


_AFTER_GAP = 15  # a bound after the number is the next number's when that number comes this close

_LOWER = ("at_least", "more_than")
_UPPER = ("at_most", "less_than")
_BOUND_PAIRS = {(x, y) for lo in _LOWER for up in _UPPER for x, y in ((lo, up), (up, lo))}  # one of each


def _two_sided(text: str, cands: list[_Cand], L: QuantityLang) -> list[_Cand]:
    """A lower and an upper bound joined by "and"/"et"/"und" or a comma, nothing else between them
    ("more than 100 and fewer than 300", "no more than 50 and no less than 20") -> one range. Not
    when words stand between ("plus de 40 tués et moins de 10 blessés") or the bounds cross."""
    out: list[_Cand] = []
    for c in cands:
        a = out[-1] if out else None
        if a is not None and a.value is not None and c.value is not None and a.num and c.num \
                and (a.qualifier, c.qualifier) in _BOUND_PAIRS \
                and (a.unit is None or c.unit is None or a.unit == c.unit):
            between = phrase_key(text[a.end:c.start])
            low, high = (a.value, c.value) if a.qualifier in _LOWER else (c.value, a.value)
            if between in L.bound_joins and low < high:
                out[-1] = _Cand(a.start, c.end, None, low=low, high=high, qualifier="range",
                                unit=c.unit or a.unit, measure=c.measure if c.unit else a.measure,
                                increment=a.increment, num=c.num, num_end=c.num_end)
                continue
        out.append(c)
    return out


def _window(text: str, c: _Cand, limit: int, chars: int = _WINDOW_CHARS, n_words: int = _WINDOW_WORDS,
            stops: re.Pattern[str] = _STOP) -> tuple[int, int]:
    """The words after the number that may say what it counts: up to `limit`, a stop, `chars`
    characters or `n_words` words, whichever comes first."""
    end = min(limit, c.num_end + chars)
    stop = stops.search(text, c.num_end, end)
    if stop is not None:
        end = stop.start()
    words = list(_WORD.finditer(text, c.num_end, end))
    if len(words) > n_words:
        end = words[n_words - 1].end()
    return c.num_end, end


def _count(text: str, c: _Cand, L: QuantityLang, limit: int) -> None:
    """Measure, counted noun and increment from the words after the number."""
    w0, w1 = _window(text, c, limit)
    words = list(_WORD.finditer(text, w0, w1))
    noun_limit = words[_NOUN_WORDS - 1].end() if len(words) >= _NOUN_WORDS else w1
    found = _own_words([(m, L.measure_of[phrase_key(m.group())])
                        for m in L.measure.finditer(text, w0, w1)], text, L)
    if found and found[0][0].start() <= noun_limit:
        _measure_from(c, found, L, text)
    elif c.unit is None and words:
        _plain_item(text, c, words, L)
    elif c.unit == "%":  # a share of something: "92 % des bureaux de vote", "40% of the buildings"
        _share_of(text, c, L, limit)
    inc = L.inc_after.search(text, w0, noun_limit)
    if inc is not None:
        c.increment = True
        c.end = max(c.end, inc.end())


def _own_words(found: list, text: str, L: QuantityLang) -> list:
    """The measure words that are the count's: not a state joined after its noun ("killed nine
    people and injured 50 more": "injured" is the next count's verb)."""
    out, noun_end = [], None
    for m, kind in found:
        if kind in STATES and noun_end is not None and text[noun_end:m.start()].strip().lower() in L.joiners:
            break
        out.append((m, kind))
        if kind not in STATES:
            noun_end = m.end()
    return out


def _count_before(text: str, c: _Cand, L: QuantityLang, floor: int) -> None:
    """A bare number takes its measure from the words just before it, in its clause: "ont tué ou
    blessé environ 4 000" (casualties), "le nombre de soldats ... à environ 11 000" (troops). The
    span stays the number's: those words are the clause's, not the quantity's."""
    lo = max(floor, c.start - _WINDOW_CHARS)
    stop = None
    for stop in _STOP.finditer(text, lo, c.start):
        pass
    if stop is not None:
        lo = stop.end()
    found = [(m, L.measure_of[phrase_key(m.group())])
             for m in L.measure.finditer(text, lo, c.start)]
    if not found:
        return
    kinds = [k for _, k in found]
    states = [k for k in kinds if k in STATES]
    if "casualties" in states or ("killed" in states and "injured" in states and _joined(found, L, text)):
        c.measure = "casualties"
    else:
        c.measure = kinds[-1]


def _state_of_count(text: str, c: _Cand, L: QuantityLang, limit: int, floor: int) -> None:
    """People counted in a casualty or arrest: "la mort de neuf personnes", "killing nine people"
    (a state phrase right before the number), or the clause's verb further on, past the noun phrase
    ("Deux Britanniques convertis à l'islam ont été interpellés"). The span stays the count's."""
    before = L.state_before.search(text, max(floor, c.start - _WINDOW_CHARS), c.start) or _before_aside(text, c, L, floor)
    if before is not None:
        phrase = phrase_key(before.group())
        for key, measure in L.state_before_of.items():
            if phrase.startswith(key):
                c.measure = measure
                return
    start, end = _window(text, c, limit, 2 * _WINDOW_CHARS, _STATE_WORDS, _CLAUSE_STOP)
    aside = L.insertion.match(text, end)
    if aside is not None:  # "twenty more, including a colleague, were injured": read past the insertion
        close = text.find(",", aside.end(), aside.end() + _WINDOW_CHARS)  # numbers inside the aside are its own
        if close > 0:
            end = _window(text, _Cand(start=close, end=close + 1, num_end=close + 1, value=None), len(text),
                          _WINDOW_CHARS, _STATE_WORDS, _CLAUSE_STOP)[1]
            start = close + 1
    states = [(m, L.measure_of[phrase_key(m.group())]) for m in L.measure.finditer(text, start, end)]
    states = [(m, k) for m, k in states if k in STATES]
    if states:
        kinds = {k for _, k in states}
        c.measure = "casualties" if {"killed", "injured"} <= kinds and _joined(states, L, text) else states[0][1]


def _before_aside(text: str, c: _Cand, L: QuantityLang, floor: int) -> re.Match[str] | None:
    """A state phrase cut from its "de" by one or two asides: "l'exécution, jeudi, par les
    rebelles, de 28 soldats"."""
    lo = max(floor, c.start - _WINDOW_CHARS)
    tail = re.search(r",\s{0,2}([^\W\d_]+['’]?)\s{0,2}\Z", text[lo:c.start])
    if tail is None or tail.group(1) not in L.of_words:
        return None
    cut = lo + tail.start()
    for _ in range(2):
        k = text.rfind(",", max(floor, cut - 40), cut)
        if k < 0 or _STOP.search(text, k, cut):
            return None
        cut = k
        before = L.state_before.search(text, max(floor, cut - _WINDOW_CHARS), cut)
        if before is not None:
            return before
    return None


def _measure_from(c: _Cand, found: list, L: QuantityLang, text: str) -> None:
    kinds = [k for _, k in found]
    states = [k for k in kinds if k in STATES]
    if "casualties" in states or ("killed" in states and "injured" in states and _joined(found, L, text)):
        measure = "casualties"
    elif states:
        measure = states[0]
    else:  # "people" is the weakest reading: "deux autres chars" counts tanks
        measure = next((k for k in kinds if k != "people"), kinds[0])
    if c.unit is None:
        c.measure = measure
    nouns = [m for m, k in found if k not in STATES] or [found[0][0]]
    if c.unit is None:
        c.item = (nouns[0].start(), nouns[0].end()) if " " not in nouns[0].group() else None
        if c.item is None:
            first = _WORD.match(text, nouns[0].start())
            c.item = (first.start(), first.end()) if first else None
    if c.unit is None:  # "18 à 25 ans sont mortes": the deaths are not the ages'
        last = found[-1][0] if states else nouns[0]
        c.end = max(c.end, last.end())


def _joined(found: list, L: QuantityLang, text: str) -> bool:
    """"tués ou blessés": a killed word and an injured word joined by "ou"/"et"/"or"."""
    for (a, ka), (b, kb) in zip(found, found[1:]):
        if {ka, kb} == {"killed", "injured"}:
            return text[a.end():b.start()].strip().lower() in L.joiners
    return False


def _share_of(text: str, c: _Cand, L: QuantityLang, limit: int) -> None:
    """The noun a percentage is a share of, after an of-word and at most one article; the span
    stays the percentage's own."""
    words = list(_WORD.finditer(text, c.end, min(limit, c.end + 40)))[:3]
    if not words or words[0].group() not in L.of_words or _STOP.search(text, c.end, words[0].start()):
        return
    rest = words[1:]
    if rest and rest[0].group() in L.stop_words and len(rest) > 1:
        rest = rest[1:]  # "of the buildings"
    if rest and rest[0].group() not in L.stop_words and len(rest[0].group()) >= 3 and rest[0].group() not in L.lex.words:
        c.item = (rest[0].start(), rest[0].end())


def _plain_item(text: str, c: _Cand, words: list, L: QuantityLang) -> None:
    """No known noun: the first word after the number (after "de"/"of") when it is a content word."""
    first = words[0]
    if first.group().lower() in L.of_words and len(words) > 1:
        first = words[1]
    if not re.fullmatch(r"\s{0,3}(?:[^\W\d_]{1,3}['’]?\s{0,2})?",
                        text[c.num_end:first.start()]):
        return  # something other than a space or "de" between the number and the word
    name = first.group().lower()
    # without a list of a language's function words, a plain next word is not trusted as the noun
    if not L.stop_words or name in L.stop_words or name in L.lex.words or len(name) < 3:
        return
    c.item = (first.start(), first.end())
    c.end = max(c.end, first.end())
