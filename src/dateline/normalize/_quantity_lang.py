"""What a language says about quantities (`lang/<code>/numbers.yaml`), compiled once per language
for `dateline.normalize.quantities`: qualifiers, units, measures and their nouns, vague amounts, and
the units written alike in several languages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import lang as langdata
from .numbers import NumberLexicon, lexicon

STATES = ("casualties", "killed", "injured", "captured", "missing", "displaced")  # states a count is in

def phrase_key(phrase: str) -> str:
    """A phrase as a lookup key: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", str(phrase).strip().lower()).replace("’", "'")


def _phrases(items: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first, on word boundaries, spaces flexible, either
    apostrophe ("l'exécution", "l’exécution"); what it matches looks up by `key`."""
    alts = []
    for item in sorted({phrase_key(i) for i in items if str(i).strip()}, key=len, reverse=True):
        body = r"\s{1,3}".join(re.escape(w).replace("'", "['’]") for w in item.split())
        lead = r"(?<![^\W_])" if item[0].isalnum() else ""
        tail = r"(?![^\W_])" if item[-1].isalnum() else ""
        alts.append(lead + body + tail)
    return "|".join(alts) if alts else r"(?!x)x"


@dataclass
class QuantityLang:
    """One language's quantity data, compiled once."""

    lex: NumberLexicon
    qualifier: re.Pattern[str]
    qualifier_of: dict[str, str]
    unit_after: re.Pattern[str]
    unit_before: re.Pattern[str]
    unit_of: dict[str, tuple[str, str]]
    money_multipliers: dict[str, float]
    measure: re.Pattern[str]
    measure_next: re.Pattern[str]
    measure_of: dict[str, str]
    joiners: frozenset[str]
    vague: re.Pattern[str]
    vague_of: dict[str, tuple[float, float]]
    range_open: re.Pattern[str]
    range_join: frozenset[str]
    range_bare: frozenset[str]
    inc_before: re.Pattern[str]
    inc_after: re.Pattern[str]
    months: frozenset[str]
    time_after: re.Pattern[str]
    ordinal_suffixes: frozenset[str]
    ordinal_dot: bool
    of_words: frozenset[str]
    stop_words: frozenset[str] = field(default_factory=frozenset)
    state_before: re.Pattern[str] = re.compile(r"(?!x)x")
    state_before_of: dict[str, str] = field(default_factory=dict)
    demonyms: frozenset[str] = field(default_factory=frozenset)  # "2 700 000 Libyens" counts people
    qualifier_after: re.Pattern[str] = re.compile(r"(?!x)x")
    qualifier_after_of: dict[str, str] = field(default_factory=dict)
    bound_joins: frozenset[str] = field(default_factory=frozenset)
    range_change: frozenset[str] = field(default_factory=frozenset)
    range_from: frozenset[str] = field(default_factory=frozenset)
    partitive: re.Pattern[str] = re.compile(r"(?!x)x")
    insertion: re.Pattern[str] = re.compile(r"(?!x)x")


def _compile(data: dict[str, Any], lex: NumberLexicon, shared_units: list[dict[str, Any]],
             stop_words: frozenset[str], demonyms: frozenset[str] = frozenset()) -> QuantityLang:
    fl = 0  # patterns run on lowercased text: IGNORECASE over ~1,000 phrases compiles for seconds
    qualifier_of = {phrase_key(p): q for q, ps in data.get("qualifiers", {}).items() for p in ps}
    units = list(data.get("units", [])) + shared_units
    unit_of = {phrase_key(f): (u["unit"], u["measure"]) for u in reversed(units) for f in u["forms"]}
    before = {phrase_key(f): (u["unit"], u["measure"]) for u in units for f in u.get("before", [])}
    unit_of.update({k: v for k, v in before.items() if k not in unit_of})
    of = [str(w) for w in data.get("of_words", [])]
    measure_of = {phrase_key(p): m for m, ps in data.get("measures", {}).items() for p in ps}
    vague_of = {phrase_key(v["phrase"]): (float(v["low"]), float(v["high"])) for v in data.get("vague", [])}
    ranges, inc = data.get("ranges", {}), data.get("increment", {})
    state_before_of = {phrase_key(p): m for m, ps in data.get("measures_before", {}).items() for p in ps}
    after_of = {phrase_key(p): q for q, ps in data.get("qualifiers_after", {}).items() for p in ps}
    return QuantityLang(
        lex=lex,
        qualifier=re.compile(rf"(?:{_phrases(qualifier_of)})\s{{0,3}}\Z", fl),
        qualifier_of=qualifier_of,
        unit_after=re.compile(rf"\s{{0,2}}(?:(?:{_phrases(of)})\s{{0,2}})?"
                              rf"(?P<u>{_phrases(f for u in units for f in u['forms'])})", fl),
        unit_before=re.compile(rf"(?P<u>{_phrases(before)})\s{{0,1}}\Z", fl),
        unit_of=unit_of,
        money_multipliers={str(k).lower(): float(v) for k, v in data.get("money_multipliers", {}).items()},
        measure=re.compile(_phrases(measure_of), fl), measure_of=measure_of,
        measure_next=re.compile(rf"\s{{0,2}}(?:{_phrases(measure_of)})", fl),
        joiners=frozenset(str(j).lower() for j in data.get("casualty_joiners", [])),
        vague=re.compile(_phrases(vague_of), fl), vague_of=vague_of,
        range_open=re.compile(rf"(?:{_phrases(ranges.get('open', []))})\s{{1,3}}\Z", fl),
        range_join=frozenset(str(w).lower() for w in ranges.get("join", [])),
        range_bare=frozenset(str(w).lower() for w in ranges.get("bare", [])),
        inc_before=re.compile(rf"(?:{_phrases(inc.get('before', []))})\s{{1,3}}\Z", fl),
        inc_after=re.compile(_phrases(inc.get("after", [])), fl),
        months=frozenset(str(m).lower() for m in data.get("months", [])),
        time_after=re.compile(rf"\s{{0,2}}(?:{_phrases(data.get('time_suffixes', []))})", fl),
        ordinal_suffixes=frozenset(str(s).lower() for s in data.get("ordinal_suffixes", [])),
        ordinal_dot=bool(data.get("ordinal_dot")),
        of_words=frozenset(w.lower() for w in of), stop_words=stop_words, demonyms=demonyms,
        state_before=re.compile(rf"(?:{_phrases(state_before_of)})\s{{0,3}}"
                                rf"(?:(?:{_phrases(of)})\s{{0,2}})?\Z", fl),
        state_before_of=state_before_of,
        qualifier_after=re.compile(rf"\s{{1,3}}(?:{_phrases(after_of)})", fl), qualifier_after_of=after_of,
        bound_joins=frozenset(str(w).lower() for w in ranges.get("bound_joins", [])),
        range_change=frozenset(str(w).lower() for w in ranges.get("change_verbs", [])),
        range_from=frozenset(str(w).lower() for w in ranges.get("from_words", [])),
        partitive=re.compile(rf"\s{{1,2}}(?:{_phrases(data.get('partitives', []))})\s{{1,2}}\Z", fl)
        if data.get("partitives") else re.compile(r"(?!x)x"),
        insertion=re.compile(rf",\s{{1,2}}(?:{_phrases(data.get('insertions', []))})\b", fl)
        if data.get("insertions") else re.compile(r"(?!x)x"))


def _shared_units(all_data: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Unit forms every language may meet: symbols ("%", "€") and forms that two languages share
    ("km", "mm"). Language-specific words stay with their language."""
    seen: dict[str, set[str]] = {}
    entries: dict[str, dict[str, Any]] = {}
    for code, data in all_data.items():
        for u in data.get("units", []):
            for f in list(u["forms"]) + list(u.get("before", [])):
                seen.setdefault(str(f), set()).add(code)
                entries[str(f)] = u
    out = []
    for form, codes in seen.items():
        if len(codes) >= 2 or not any(ch.isalpha() for ch in form):
            u = entries[form]
            out.append({"forms": [form], "before": [form] if form in u.get("before", []) else [],
                        "unit": u["unit"], "measure": u["measure"]})
    return out


class Languages:
    def __init__(self) -> None:
        self.data = langdata.load_topic("numbers")
        self.shared = _shared_units(self.data)
        self.compiled: dict[str | None, QuantityLang] = {}

    def foreign_measure(self, noun: str, code: str | None) -> str:
        """The measure another language gives a counted noun this one does not know: a word machine
        translation left in its source language ("220 Haubitzen" in a French text)."""
        for other in sorted(self.data):
            if other != code:
                measure = self.get(other).measure_of.get(noun)
                if measure is not None and measure not in STATES:
                    return measure
        return "other"

    def get(self, code: str | None) -> QuantityLang:
        if code not in self.compiled:
            data = self.data.get(code or "", {})
            stop = frozenset(str(w).lower() for w in data.get("function_words", []))
            demonyms = langdata.load(code, "entities").get("demonyms", {}) if code else {}
            self.compiled[code] = _compile(data, lexicon(code), [] if data else self.shared, stop,
                                           frozenset(str(w).lower() for ws in demonyms.values() for w in ws))
        return self.compiled[code]
