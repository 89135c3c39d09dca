"""The events stage's shared pieces: its name, tokens and clause breaks, measure families, the
per-language phrase tables (`lang/<code>/{events,attribution,modality}.yaml`) and the mention and
sentence records the readers of `dateline.events` and `dateline._claims` walk."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import lang as langdata
from .document import Attribution

NAME = "dateline.events.v1"
TOKEN = re.compile(r"[^\W_]+['’]?|[«»“”„\"]")
CLAUSE_BREAK = re.compile(r"[,;:()–—]")
MODALITIES = ("negated", "denied", "hypothetical", "possible", "expected", "alleged")
# Which quantities an event of a type carries (measures, docs/output.md).
EVENT_MEASURES = {
    "AID": {"troops", "weapons", "munitions", "money", "people"},
    "MOBILIZE": {"troops", "weapons", "munitions", "people"},
    "ASSAULT": {"killed", "injured", "casualties", "captured", "missing", "displaced", "weapons", "munitions",
                "people"},
    "COERCE": {"captured", "people", "money"},
    "SANCTION": {"money"},
    "RETREAT": {"troops", "people"},
    "CONCEDE": {"captured", "people"},
}
CLAIM_MEASURES = {"troops", "killed", "injured", "casualties", "captured", "missing", "displaced", "weapons",
                  "munitions", "money", "people", "other"}
FAMILY = {"troops": "force", "killed": "harm", "injured": "harm", "casualties": "harm", "captured": "harm",
          "missing": "harm", "displaced": "harm", "weapons": "materiel", "munitions": "materiel",
          "money": "money", "people": "people", "other": "other"}
ACTOR_KINDS = {"person", "organisation", "country"}
LOOK_BACK = 3  # sentences of the paragraph a placeless figure looks back through for its place


def norm(word: str) -> str:
    return word.lower().replace("’", "'")


class Phrases:
    """Word sequences (lower-case, as tokenised by `TOKEN`) to payloads; longest match first."""

    def __init__(self, items: list[tuple[str, Any]]) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
        for phrase, payload in items:
            words = tuple(norm(w) for w in TOKEN.findall(str(phrase)))
            if words:
                self.first[words[0]].append((words, payload))
        for options in self.first.values():
            options.sort(key=lambda o: -len(o[0]))

    def match(self, words: list[str], i: int) -> tuple[int, Any] | None:
        for phrase, payload in self.first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                return i + n, payload
        return None

    def find(self, words: list[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, Any]]:
        hi = len(words) if hi is None else hi
        out, i = [], lo
        while i < hi:
            m = self.match(words, i)
            if m and m[0] <= hi:
                out.append((i, m[0], m[1]))
                i = m[0]
            else:
                i += 1
        return out


@dataclass
class EventLang:
    triggers: Phrases
    mode_cues: Phrases
    roles: dict[str, Phrases]
    before: Phrases
    after: Phrases
    verbs: Phrases
    report_nouns: Phrases
    described: Phrases
    quotes: list[tuple[str, str]]
    modal_words: dict[str, Phrases]
    modal_patterns: dict[str, list[re.Pattern[str]]]
    modal_not: dict[str, set[str]]
    place_nouns: Phrases | None = None
    determiners: frozenset[str] = frozenset()
    troop_nouns: frozenset[str] = frozenset()
    back_refs: Phrases | None = None


def load_lang(code: str | None) -> EventLang:
    ev = langdata.load(code, "events") if code else {}
    at = langdata.load(code, "attribution") if code else {}
    mo = langdata.load(code, "modality") if code else {}
    triggers = [(w, (t, None if m in ("none", "", None) else m))
                for t, modes in (ev.get("triggers") or {}).items() for m, ws in (modes or {}).items() for w in ws or []]
    cues = [(w, m) for m, ws in (ev.get("mode_cues") or {}).items() for w in ws or []]
    roles = {r: Phrases([(w, r) for w in ws or []]) for r, ws in (ev.get("roles") or {}).items()}
    described = [(w, k) for k, ws in (at.get("described_sources") or {}).items() for w in ws or []]
    modal_words, modal_patterns, modal_not = {}, {}, {}
    for m in MODALITIES:
        spec = mo.get(m) or {}
        modal_words[m] = Phrases([(w, m) for w in spec.get("words") or []])
        modal_patterns[m] = [re.compile(p) for p in spec.get("patterns") or []]
        modal_not[m] = {norm(w) for w in spec.get("not") or []}
    en = langdata.load(code, "entities") if code else {}
    nu = langdata.load(code, "numbers") if code else {}
    return EventLang(Phrases(triggers), Phrases(cues), roles,
                 Phrases([(w, "before") for w in at.get("source_before") or []]),
                 Phrases([(w, "after") for w in at.get("source_after") or []]),
                 Phrases([(w, "verb") for w in at.get("verbs") or []]),
                 Phrases([(w, "noun") for w in at.get("report_nouns") or []]),
                 Phrases(described), [tuple(q) for q in at.get("quotes") or [] if len(q) == 2],
                 modal_words, modal_patterns, modal_not,
                 Phrases([(w, "place") for w in en.get("place_nouns") or []]),
                 frozenset(norm(w) for w in at.get("determiners") or []),
                 frozenset(norm(w) for w in (nu.get("measures") or {}).get("troops") or []),
                 Phrases([(w, "back") for w in ev.get("back_references") or []]))


@dataclass(slots=True)
class Ment:
    start: int
    end: int
    entity: str
    kind: str
    form: str
    stands_for: str | None
    country: str | None


@dataclass
class Sent:
    start: int
    end: int
    lo: int     # first token
    hi: int     # one past the last token
    attribution: Attribution | None = None
    modal_hint: dict[int, str] = field(default_factory=dict)
