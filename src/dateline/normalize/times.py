"""Time expressions: find dates, clock times and durations and give them ISO 8601 values.

Finding is data, resolving is code. Each language's `lang/<code>/time.yaml` lists month and weekday
names, units, number words, relative phrases, modifiers and cue words; `_Grammar` turns them into
bounded regexes whose matches carry canonical tokens (month 1-12, ISO weekday 1-7, unit D/W/M/Y,
an offset, a last/next modifier). One language-independent resolver gives them values against the
publication date (`doc.published`), never against today's date.

Values: day `2025-02-26`, ISO week `2025-W13`, month `2025-02`, year `2025`, interval
`2025-01/2025-02`, duration `P3Y` / `PT24H` (`PXD` for "plusieurs jours", TimeML's unknown count),
time `2025-03-26T22:00` or `2025-03-26TEV` (a part of the day: MO AF EV NI, as in TimeML).
`anchored` is True when the value is complete; an expression that needs a reference date there is
none for gets value None and anchored False.

How relative expressions resolve (news mostly reports the past; kept simple on purpose):
- A weekday without a date is the nearest such day on or before the publication date (the day
  itself included); on or after it when its sentence speaks of the future (the language's `future`
  pattern: "sera", "will", "wird"); strictly before or after with a modifier ("jeudi dernier",
  "next Thursday").
- A month without a year is the most recent such month not after the publication month, with the
  same future and modifier rules; a day and month without a year likewise, by day (and a weekday
  written with it, "samedi 29 mai", picks the year in which the two agree).
- Clock times, "le lendemain" and "la veille" hang on the last day named before them in the text,
  else on the publication date.
- Without a publication date, a text whose dateline gives a full date within its first 300
  characters gets it as `doc.published` with `published_source = "estimated"`: the date must stand
  alone on its line or after a capitalised place and a comma, and be followed by the end of the
  line, an agency in brackets or a dash ("PARIS, 22 mai 2012 (AFP) -"). A date merely mentioned
  in the first sentence, or a headline's "Attentat du 14 juillet 2016 : ...", is not taken.

dateparser is not called here: the grammar has already split an expression into day, month and
year, so parsing it again would add latency and none of dateparser's resolution rules fit
(STACK.md). bench/time_accuracy.py measures both on French TimeBank.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .. import lang as langdata
from ..document import Document, TimeExpr
from ..pipeline import Context, register

NAME = "dateline.times.v1"

_SP = r"\s{1,3}"
_START = r"(?<![\w.,])"
_END = r"(?!\w)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])"
_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_YEAR = rf"(?P<year>{_YEAR4}|['’]\d\d(?!\d)|\d\d(?!\d)(?!\s{{0,3}}[^\W\d]))"
_PUNCT_AFTER = re.compile(r"\s{0,2}(?:[.,;:)!?»\"”\n]|$)")
_SENTENCE_END = re.compile(r"[.!?\n]")
_WINDOW = 300  # characters around an expression searched for its sentence's tense cue
_DATELINE_REACH = 300  # a dateline is within the first characters of a text
_DATELINE_TAIL = re.compile(r"\s{0,3}(?:\([^()\n]{1,40}\))?\s{0,3}(?:[-–—|]|\n|$)")
_COMMA_BEFORE, _COMMA_AFTER = re.compile(r",\s{1,2}$"), re.compile(r"\s{0,2},")  # ", 87 ans,"
_UNIT_OF_GRAIN = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _key(surface: str) -> str:
    return surface.casefold().replace("’", "'").rstrip(".")


def _alt(forms: Any) -> str:
    """A regex alternation of literal surface forms, longest first; apostrophes match ' and ’."""
    out = sorted({str(f) for f in forms}, key=len, reverse=True)
    if not out:
        return "(?!)"
    return "|".join(re.escape(f).replace("’", "'").replace("'", "['’]") for f in out)


def _lookup(table: dict[Any, list[str]]) -> dict[str, Any]:
    return {_key(str(form)): value for value, forms in table.items() for form in forms}


def _intro(forms: list[str]) -> str:
    """Intro words followed by a space, or glued ones ending in "-" ("mi-mars")."""
    spaced = [f for f in forms if not f.endswith("-")]
    glued = [f for f in forms if f.endswith("-")]
    parts = [f"(?:{_alt(spaced)}){_SP}"] if spaced else []
    parts += [f"(?:{_alt(glued)})"] if glued else []
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class _Grammar:
    """One language's compiled time grammar: (kind, regex) pairs and the token tables."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    parts: dict[str, str]
    numbers: dict[str, Any]
    modifiers: dict[str, str]
    relative: tuple[dict[str, Any], ...]
    ambiguous: frozenset[str]
    capitalized: bool
    numeric_order: str
    future: re.Pattern[str]
    age_before: re.Pattern[str]
    age_after: re.Pattern[str]
    fixed: dict[str, str]


def _build(data: dict[str, Any]) -> _Grammar:
    month = _alt(f for forms in data["months"].values() for f in forms)
    wday = _alt(f for forms in data["weekdays"].values() for f in forms)
    units = _alt(f for forms in data["units"].values() for f in forms)
    durable = _alt(f for u, forms in data["units"].items() if u in _UNIT_OF_GRAIN for f in forms)
    part = _alt(f for forms in data["parts_of_day"].values() for f in forms)
    mod = _alt(f for forms in data["modifiers"].values() for f in forms)
    words = list(data["numbers"]) + list(data["vague"])
    num = rf"(?P<n>\d{{1,4}}(?:[.,]\d{{1,2}})?|{_alt(words)})"
    join = _alt(f for forms in data["range"].values() for f in forms)
    sfx = f"(?:{data['day_suffix']})?"
    m_intro, y_intro = _intro(data["month_intro"]), _intro(data["year_intro"])
    pats: list[tuple[str, str]] = []
    for order in data["date_orders"]:
        if order == "DMY":
            pats.append(("date", rf"(?:(?P<wd>{wday}),?{_SP})?{_DAY}{sfx}{_SP}(?P<month>{month})"
                                 rf"(?:,?{_SP}{_YEAR})?(?:{_SP}(?P<mod>{mod}))?"))
        else:
            pats.append(("date", rf"(?:(?P<wd>{wday}),?{_SP})?(?P<month>{month}){_SP}{_DAY}{sfx}(?!\d)"
                                 rf"(?:,?{_SP}(?P<year>{_YEAR4}))?"))
    pats += [
        ("numeric", r"(?P<a>\d{1,2})([./])(?P<b>\d{1,2})\2(?P<year>\d{4})(?!\d)"),
        ("iso", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
        ("month_range", rf"(?:(?P<intro>{m_intro}))?(?P<month>{month}){_SP}(?:{join}){_SP}"
                        rf"(?:(?:{m_intro}))?(?P<month2>{month})(?:,?{_SP}(?P<year>{_YEAR4}))?"
                        rf"(?:{_SP}(?P<mod>{mod}))?"),
        ("month", rf"(?:(?P<mod0>{mod}){_SP})?(?:(?P<intro>{m_intro}))?(?P<month>{month})"
                  rf"(?:,?{_SP}{_YEAR})?(?:{_SP}(?P<mod>{mod}))?"),
        ("weekday", rf"(?:(?P<mod0>{mod}){_SP})?(?P<wd>{wday})(?:{_SP}(?P<mod>{mod}))?"
                    rf"(?:(?:{_SP})?(?P<part>{part}))?"),
        ("relative", "(?:" + "|".join(f"(?P<r{i}>{r['pattern']})" for i, r in enumerate(data["relative"]))
                     + rf")(?:{_SP}(?P<part>{part}))?"),
        ("duration", rf"(?:(?P<approx>{_alt(data['approx'])}){_SP})?{num}{_SP}(?P<unit>{units})"),
        ("year_range", rf"(?P<year>{_YEAR4})(?:\s{{0,2}}[-–]\s{{0,2}}|{_SP}(?:{join}){_SP})"
                       rf"(?P<year2>{_YEAR4})"),
        ("year", rf"(?:(?P<intro>{y_intro}))?(?P<year>{_YEAR4})(?![.,]\d)"),
    ]
    fixed = data.get("fixed") or {}
    if fixed:  # phrases with one value whatever the date: "actuellement" PRESENT_REF, "chaque jour" P1D
        pats.append(("fixed", rf"(?P<fx>{_alt(f for forms in fixed.values() for f in forms)})"))
    if data["ago_before"]:
        pats.append(("ago", rf"(?:{_alt(data['ago_before'])}){_SP}{num}{_SP}(?P<unit>{durable})"))
    if data["ago_after"]:
        pats.append(("ago", rf"{num}{_SP}(?P<unit>{durable}){_SP}(?:{_alt(data['ago_after'])})"))
    for i, c in enumerate(data["clock"]):
        pats.append((f"clock{i}", c["pattern"]))
    modifiers = {_key(f): kind for kind, forms in data["modifiers"].items() for f in forms}
    numbers = {_key(k): v for k, v in data["numbers"].items()} | {_key(v): "X" for v in data["vague"]}
    return _Grammar(
        patterns=tuple((k, re.compile(_START + p + _END, re.IGNORECASE)) for k, p in pats),
        months=_lookup(data["months"]), weekdays=_lookup(data["weekdays"]),
        units=_lookup(data["units"]), parts=_lookup(data["parts_of_day"]), numbers=numbers,
        modifiers=modifiers, relative=tuple(data["relative"]),
        ambiguous=frozenset(_key(m) for m in data["ambiguous_months"]),
        capitalized=bool(data["capitalized"]), numeric_order=data["numeric_order"],
        future=re.compile(data["future"], re.IGNORECASE),
        age_before=re.compile(rf"(?<!\w)(?:{_alt(data['age_before'])}){_SP}$", re.IGNORECASE),
        age_after=re.compile(rf"{_SP}(?:{_alt(data['age_after'])}){_END}", re.IGNORECASE),
        fixed={k: str(v) for k, v in _lookup(fixed).items()})


def _load_grammars() -> dict[str, _Grammar]:
    return {code: _build(data) for code, data in langdata.load_topic("time").items()}


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    m: re.Match[str]


_PRIORITY = {"date": 0, "iso": 0, "numeric": 0, "month_range": 1, "year_range": 1, "ago": 1,
             "relative": 2, "weekday": 3, "month": 4, "duration": 5, "fixed": 5, "year": 6}


def _find(text: str, g: _Grammar, references: bool = False) -> list[_Candidate]:
    """Every acceptable match, then the longest ones that do not overlap, in text order."""
    found = []
    for kind, pattern in g.patterns:
        if kind == "fixed" and not references:
            continue
        for m in pattern.finditer(text):
            cand = _accept(kind, m, g, text)
            if cand is not None:
                found.append(cand)
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY.get(c.kind, 7), c.start))
    taken = bytearray(len(text))
    chosen = []
    for c in found:
        if not any(taken[c.start:c.end]):
            taken[c.start:c.end] = b"\1" * (c.end - c.start)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _capital_ok(m: re.Match[str], g: _Grammar, *groups: str) -> bool:
    if not g.capitalized:
        return True
    return all(not m.group(n) or m.group(n)[0].isupper() for n in groups if n in m.re.groupindex)


def _accept(kind: str, m: re.Match[str], g: _Grammar, text: str) -> _Candidate | None:
    """Reject what looks like a date but is not one in context; trim intro words off the span."""
    start = m.start()
    if kind in ("date", "month", "month_range", "weekday"):
        if not _capital_ok(m, g, "month", "month2", "wd"):
            return None
    if kind in ("month", "month_range", "year") and m.group("intro"):
        start = m.end("intro")
    if kind == "month_range" and not m.group("intro") and not m.group("year") and not m.group("mod") \
            and {_key(m.group("month")), _key(m.group("month2"))} <= g.ambiguous:
        return None
    if kind == "month":
        cued = m.group("intro") or m.group("mod0") or m.group("mod") or m.group("year")
        if not cued and _key(m.group("month")) in g.ambiguous:
            return None
        if m.group("mod0"):
            start = m.start()
    if kind == "year" and not m.group("intro") and not _PUNCT_AFTER.match(text, m.end()):
        return None
    if kind == "year_range" and int(m.group("year2")) <= int(m.group("year")):
        return None
    if kind == "duration" and g.units[_key(m.group("unit"))] == "Y" and _is_age(m, g, text):
        return None
    return _Candidate(start, m.end(), kind, m)


def _is_age(m: re.Match[str], g: _Grammar, text: str) -> bool:
    """An age, not a time: "Jean Dupont, 87 ans, ...", "âgé de 87 ans", "87 years old"."""
    if g.age_before.search(text, max(0, m.start() - 40), m.start()):
        return True
    if g.age_after.match(text, m.end()):
        return True
    return (m.group("n")[0].isdigit() and _COMMA_AFTER.match(text, m.end()) is not None
            and _COMMA_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None)


# --- resolving ----------------------------------------------------------------------------------

def _fmt(d: dt.date, unit: str) -> str:
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _shift(d: dt.date, unit: str, n: int) -> dt.date | None:
    try:
        if unit == "D":
            return d + dt.timedelta(days=n)
        if unit == "W":
            return d + dt.timedelta(weeks=n)
        months = d.year * 12 + d.month - 1 + (n if unit == "M" else 12 * n)
        return dt.date(months // 12, months % 12 + 1, 1)
    except (OverflowError, ValueError):
        return None


def _month_pick(pub: dt.date, month: int, direction: str) -> dt.date:
    y = pub.year
    if direction == "past":
        y -= month > pub.month
    elif direction == "last":
        y -= month >= pub.month
    elif direction == "future":
        y += month < pub.month
    else:  # next
        y += month <= pub.month
    return dt.date(y, month, 1)


def _day_pick(pub: dt.date, month: int, day: int, direction: str, wd: int | None) -> dt.date | None:
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        if day <= calendar.monthrange(y, month)[1]:
            options.append(dt.date(y, month, day))
    agreeing = [d for d in options if d.isoweekday() == wd]
    if wd is not None and agreeing:
        return min(agreeing, key=lambda d: abs((d - pub).days))
    keep = {"past": lambda d: d <= pub, "last": lambda d: d < pub,
            "future": lambda d: d >= pub, "next": lambda d: d > pub}[direction]
    options = [d for d in options if keep(d)]
    if not options:
        return None
    return max(options) if direction in ("past", "last") else min(options)


def _weekday_pick(pub: dt.date, wd: int, direction: str) -> dt.date:
    back = (pub.isoweekday() - wd) % 7
    ahead = (wd - pub.isoweekday()) % 7
    if direction == "past":
        return pub - dt.timedelta(days=back)
    if direction == "last":
        return pub - dt.timedelta(days=back or 7)
    if direction == "future":
        return pub + dt.timedelta(days=ahead)
    return pub + dt.timedelta(days=ahead or 7)


def _year_of(raw: str, pub: dt.date | None) -> int | None:
    digits = raw.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    century = (pub.year // 100) * 100 if pub else 1900
    year = century + int(digits)
    return year - 100 if pub and year > pub.year + 10 else year


def _number(raw: str, g: _Grammar) -> str | None:
    if raw[0].isdigit():
        value = raw.replace(",", ".")
        return value[:-2] if value.endswith(".0") else value
    n = g.numbers.get(_key(raw))
    return None if n is None else str(n)


class _Resolver:
    """Resolves candidates in text order; remembers the last day named for what hangs on it."""

    def __init__(self, doc: Document, g: _Grammar) -> None:
        self.text, self.pub, self.g = doc.text, doc.published, g
        self.last_day: dt.date | None = None
        self._marks: tuple[list[int], list[int]] | None = None  # sentence ends, future cues

    def _future_marks(self) -> tuple[list[int], list[int]]:
        # One pass over the text, not one search per expression: a long text full of bare dates
        # would otherwise cost expressions x window.
        if self._marks is None:
            self._marks = ([x.start() for x in _SENTENCE_END.finditer(self.text)],
                           [x.start() for x in self.g.future.finditer(self.text)])
        return self._marks

    def resolve(self, c: _Candidate) -> tuple[str | None, str | None]:
        kind = "clock" if c.kind.startswith("clock") else c.kind
        try:
            value, grain = getattr(self, "_" + kind)(c.m, c)
        except (ValueError, OverflowError):  # a reference date at the edge of the calendar (year 1)
            return None, None
        if grain in ("day", "time") and value:
            self.last_day = dt.date.fromisoformat(value[:10])
        return value, grain

    def _direction(self, m: re.Match[str], c: _Candidate) -> str:
        for name in ("mod", "mod0"):
            if name in m.re.groupindex and m.group(name):
                return self.g.modifiers.get(_key(m.group(name)), "past")
        ends, cues = self._future_marks()
        i = bisect.bisect_left(ends, c.start)
        begin = max(ends[i - 1] + 1 if i else 0, c.start - _WINDOW)
        j = bisect.bisect_left(ends, c.end)
        end = min(ends[j] if j < len(ends) else len(self.text), c.end + _WINDOW)
        k = bisect.bisect_left(cues, begin)
        return "future" if k < len(cues) and cues[k] < end else "past"

    def _with_part(self, d: dt.date | None, m: re.Match[str]) -> tuple[str | None, str | None]:
        if d is None:
            return None, "day"
        part = m.group("part") if "part" in m.re.groupindex else None
        if part:
            return f"{d.isoformat()}T{self.g.parts[_key(part)]}", "time"
        return d.isoformat(), "day"

    def _date(self, m, c):
        month, day = self.g.months[_key(m.group("month"))], int(m.group("day"))
        wd = self.g.weekdays.get(_key(m.group("wd") or ""))
        if m.group("year"):
            year = _year_of(m.group("year"), self.pub)
            if year is None or day > calendar.monthrange(year, month)[1]:
                return None, "day"
            return dt.date(year, month, day).isoformat(), "day"
        if self.pub is None:
            return None, "day"
        d = _day_pick(self.pub, month, day, self._direction(m, c), wd)
        return (d.isoformat() if d else None), "day"

    def _numeric(self, m, c):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if self.g.numeric_order == "DMY" else (b, a)
        return self._ymd(int(m.group("year")), month, day)

    def _iso(self, m, c):
        return self._ymd(int(m.group("year")), int(m.group("month")), int(m.group("day")))

    @staticmethod
    def _ymd(year: int, month: int, day: int) -> tuple[str | None, str | None]:
        try:
            return dt.date(year, month, day).isoformat(), "day"
        except ValueError:
            return None, "day"

    def _month_of(self, m, c, group: str) -> dt.date | None:
        month = self.g.months[_key(m.group(group))]
        if m.group("year"):
            year = _year_of(m.group("year"), self.pub)
            return dt.date(year, month, 1) if year else None
        if self.pub is None:
            return None
        return _month_pick(self.pub, month, self._direction(m, c))

    def _month(self, m, c):
        d = self._month_of(m, c, "month")
        return (_fmt(d, "M") if d else None), "month"

    def _month_range(self, m, c):
        first = self._month_of(m, c, "month")
        if first is None:
            return None, "interval"
        second = dt.date(first.year, self.g.months[_key(m.group("month2"))], 1)
        if second < first:  # "décembre et janvier": the year turns in between
            if m.group("year"):  # the year written at the end belongs to the second month
                first = first.replace(year=first.year - 1)
            else:
                second = second.replace(year=second.year + 1)
        return f"{_fmt(first, 'M')}/{_fmt(second, 'M')}", "interval"

    def _weekday(self, m, c):
        if self.pub is None:
            return None, ("time" if m.group("part") else "day")
        d = _weekday_pick(self.pub, self.g.weekdays[_key(m.group("wd"))], self._direction(m, c))
        return self._with_part(d, m)

    def _relative(self, m, c):
        entry = next(r for i, r in enumerate(self.g.relative) if m.group(f"r{i}"))
        unit, offset = entry["unit"], int(entry["offset"])
        base = self.last_day or self.pub if entry.get("ref") == "previous" else self.pub
        grain = _UNIT_OF_GRAIN[unit]
        if base is None:
            return None, grain
        d = _shift(base, unit, offset)
        if d is None:
            return None, grain
        if unit == "D":
            part = entry.get("part") or (m.group("part") and self.g.parts[_key(m.group("part"))])
            return (f"{d.isoformat()}T{part}", "time") if part else (d.isoformat(), "day")
        return _fmt(d, unit), grain

    def _ago(self, m, c):
        n, unit = _number(m.group("n"), self.g), self.g.units[_key(m.group("unit"))]
        grain = "day" if unit in ("D", "W") else _UNIT_OF_GRAIN[unit]
        if self.pub is None or n is None or not n.isdigit():
            return None, grain
        d = _shift(self.pub, unit, -int(n))
        return (_fmt(d, "D" if unit == "W" else unit) if d else None), grain

    def _duration(self, m, c):
        n, unit = _number(m.group("n"), self.g), self.g.units[_key(m.group("unit"))]
        if n is None:
            return None, "duration"
        if unit in ("H", "MIN", "S"):
            return f"PT{n}{unit[0]}", "duration"
        return f"P{n}{unit}", "duration"

    def _fixed(self, m, c):
        value = self.g.fixed[_key(m.group("fx"))]
        if value.endswith("_REF"):
            return value, "reference"
        return value, "duration"

    def _year(self, m, c):
        return m.group("year"), "year"

    def _year_range(self, m, c):
        return f"{m.group('year')}/{m.group('year2')}", "interval"

    def _clock(self, m, c):
        hour = int(m.group("hour"))
        minute = next((m.group(n) for n in ("minute", "minute2")
                       if n in m.re.groupindex and m.group(n)), None)
        ampm = m.group("ampm") if "ampm" in m.re.groupindex else None
        if ampm:
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        day = self.last_day or self.pub
        if day is None:
            return None, "time"
        return f"{day.isoformat()}T{hour:02d}:{int(minute or 0):02d}", "time"


def _estimate_published(doc: Document, g: _Grammar) -> dt.date | None:
    """The full date of a dateline near the start of the text ("PARIS, 22 mai 2012 (AFP) -"):
    alone on its line or after a capitalised place and a comma, and followed by the end of the
    line, an agency in brackets or a dash. A headline's "Attentat du 14 juillet 2016 : ..." is not."""
    head = doc.text[:_DATELINE_REACH]
    for c in _find(head, g):
        year = c.m.group("year") if "year" in c.m.re.groupindex else None
        if c.kind not in ("date", "numeric", "iso") or not year or len(year) != 4:
            continue
        line_start = head.rfind("\n", 0, c.start) + 1
        if _is_place(head[line_start:c.start]) and _DATELINE_TAIL.match(head, c.end):
            value, _ = _Resolver(doc, g).resolve(c)
            if value:
                return dt.date.fromisoformat(value)
    return None


def _is_place(prefix: str) -> bool:
    prefix = prefix.strip()
    if not prefix:
        return True
    words = prefix[:-1].split()
    return prefix.endswith(",") and 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


@register(NAME, reads={"text", "lang"}, adds={"times"})
def make_times(ctx: Context):
    grammars = ctx.resource("time-grammars", _load_grammars)
    references = ctx.options.time_references

    def times(doc: Document) -> Document:
        g = grammars.get(doc.lang or "")
        if g is None or not doc.text:
            doc.times = []
            return doc
        if doc.published is None:
            estimate = _estimate_published(doc, g)
            if estimate is not None:
                doc.published, doc.published_source = estimate, "estimated"
        resolver = _Resolver(doc, g)
        found = [(c, *resolver.resolve(c)) for c in _find(doc.text, g, references)]
        doc.times = [TimeExpr(f"t{i + 1}", doc.span(c.start, c.end), value, grain, value is not None, NAME)
                     for i, (c, value, grain) in enumerate(_clock_before_day(doc.text, found))]
        return doc

    return times


_GLUE = re.compile(r"[\s,]{0,3}(?:\w{1,3}\s{1,2})?")  # "0 h 40, jeudi", "8 h le samedi"


def _clock_before_day(text: str, found: list) -> list:
    """A clock time written just before its day ("Vers 0 h 40, jeudi") takes that day."""
    out = list(found)
    for i, ((c, value, grain), nxt) in enumerate(zip(found, found[1:])):
        if not (c.kind.startswith("clock") and value and nxt[1] and nxt[2] in ("day", "time")):
            continue
        glue = _GLUE.match(text, c.end, nxt[0].start)
        if glue and glue.end() == nxt[0].start:
            out[i] = (c, nxt[1][:10] + value[10:], grain)
    return out
