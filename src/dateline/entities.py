"""Entities: every mention of a person, organisation, country or place, linked to one identity.

How a mention is found (each way adds candidates; the longest, surest one wins where they overlap):
1. The knowledge base (`dateline.kb`), in any language and without a model: the text's words,
   folded, are looked up as names (longest first). Acronyms must be written in capitals, names must
   start with one; a surname alone links only where the KB marks it distinctive and the document is
   not older than the person's time in the news.
2. Demonyms and adjectives of the document's language (`lang/<code>/entities.yaml`): "nord-coréens",
   "russische" are mentions of their country (`form: demonym`).
3. Descriptions of institutions: an institution noun with a country next to it ("l'armée de la Corée
   du Sud", "South Korea's military", "die russische Armee") is a mention of that country's
   institution (`form: description`): the KB's organisation of that type and country, else an
   identity without a Wikidata id.
4. spaCy's NER where the language has a trained pipeline; its names are linked to the KB by exact
   name, then by spelling skeleton (`kb.names`: "Wolodymyr Selenskyj" = "Volodymyr Zelenskyy"), then
   by fuzzy skeleton match (ratio >= `FUZZY`). Without NER, capitalised word runs are linked the same
   way, and a run after a title ("le président X") is a person even when unknown. A word a translation
   left in another language ("Haubitzen" in French, flagged by the translation stage) is no name.
5. Words around a name that say it is a place (`place_nouns`, `place_generics` in
   `lang/<code>/entities.yaml`): "the port town of Mokha", "auf der Insel Ikaria", "au mont Maudit"
   are places even when the KB does not hold them. A region followed or preceded by a country's
   adjective is one name ("les Alpes françaises", "the French Alps"); a known place that opens a
   longer name with a particle ("Surigao del Sur") is not that place. A place's name inside a street's
   ("rue de Rome", "Kyiv Street", "вулиця Київська": `street_nouns`, `street_suffixes`) names the
   street, a place of its own without a Wikidata id.

Ambiguous names (several KB entries) are resolved by the countries of the document's unambiguous
entities, then by size; what stays ambiguous keeps `wikidata: null`. A capital used as an actor
(the subject of a clause, where a parser exists) or a seat of power ("le Kremlin") records the state
it stands for in `stands_for`.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from ._name_context import COMMON_ZIPF, VERY_COMMON_ZIPF, CueCache, LangCues, NameContext, Words, word_zipf
from .document import Document, Entity, Mention
from .kb import ALTERNATE, KB, LOWER, MIN_STEM, PLAIN, SHORT_STEM, case_endings, decode, stem_key, subdivision
from .kb import names as kbnames
from .pipeline import Context, register

NAME = "dateline.entities.v3"
MARGIN = 1.0         # how far the best reading of an ambiguous name must lead (see Linker._disambiguate)
FUZZY = 92            # rapidfuzz ratio between skeletons (0-100); measured on HIPE (bench/entities.py)
MIN_FUZZY = 6         # shorter names are not fuzzy-matched
PERSON_SLACK = 10     # years before a person's `from` (the office the KB knows them by) they are already them
EVERYDAY_ZIPF = 4.5   # a word this common in the text's language is a word of it, whatever lexicons say
MIN_KNOWN = 4         # a word this long that names something else keeps its name from being fuzzy-matched
UNTRANSLATED_ZIPF = 2.0  # a foreign word left by a translation this common in its language is no name
NER_KINDS = {"PER": "person", "PERSON": "person", "ORG": "organisation", "LOC": "place", "GPE": "place",
             "FAC": "place"}
_REGIONS = {"region", "sea", "river", "area"}  # place types a country's adjective narrows ("Alpes françaises")
COMPATIBLE = {"person": {"person"}, "organisation": {"organisation", "country"},
              "place": {"place", "country"}}


@dataclass
class Cand:
    start: int
    end: int
    entries: list[int]                 # KB entry indexes (empty: not linked)
    kind: str | None = None
    form: str = "name"                 # name | demonym | description
    via: str = "kb"                    # kb | ner | title | skeleton | fuzzy
    key: str | None = None             # identity of an unlinked mention or a synthetic institution
    label: str | None = None           # name of a synthetic identity
    country: str | None = None
    rank: int = 0                      # how sure: the higher wins an overlap
    weak: bool = False                 # a common word only GeoNames makes a place: kept in a document of its country


@register(NAME, reads={"text", "lang", "sentences"}, adds={"entities"})
def make_entities(ctx: Context):
    kb: KB = ctx.resource("kb", KB.load)
    cues: CueCache = ctx.resource("entity-cues", CueCache)

    def entities(doc: Document) -> Document:
        doc.entities = Linker(kb, cues.get(doc.lang), doc).run()
        return doc

    return entities


class Linker(NameContext):
    def __init__(self, kb: KB, L: LangCues, doc: Document) -> None:
        self.kb, self.L, self.doc = kb, L, doc
        self.lang = doc.lang or ""
        self.words = Words(doc)
        self.year = doc.published.year if doc.published else None
        self.conventions = kbnames.conventions()
        sdoc = doc.nlp_doc
        self.ner = list(sdoc.ents) if sdoc is not None and sdoc.has_annotation("ENT_IOB") else None
        self.alternate: set[tuple[int, int]] = set()  # (mention start, entry) matched by an alternate name
        self.ner_loc = {(e.start_char, e.end_char) for e in self.ner or [] if NER_KINDS.get(e.label_) == "place"}
        self.stems = kb.stems.get(self.lang, {})
        self.endings = case_endings(self.lang) if self.stems else ()
        self.stem_words = max((k.count(" ") + 1 for k in self.stems), default=0)  # the longest, in words
        self._titles: list[tuple[int, int]] | None = None  # word spans of multiword titles, when first asked
        self._institution_nouns: list[tuple[int, int, str]] | None = None  # "armée", "Foreign Ministry"
        # Words the translation stage (when it ran) found foreign to the text: span -> their language
        self.foreign = {(ev.span.start, ev.span.end): ev.lang for ev in doc.translation.evidence
                        if ev.kind == "foreign_word"}
        self.ner_persons = [(e.start_char, e.end_char) for e in self.ner or []
                            if NER_KINDS.get(e.label_) == "person" and " " in e.text.strip()]

    # ---- 1. knowledge-base names ----

    def _codes(self, i: int, j: int) -> list[int]:
        """KB entries whose name is words i..j-1 as written (case rules applied)."""
        W = self.words
        codes = self.kb.exact.get(W.key(i, j))
        if not codes:
            return []
        surface = W.text[W.start[i]:W.end[j - 1]]
        out = []
        for code in codes:
            e, acronym, short = decode(code)
            if code & ALTERNATE:
                self.alternate.add((W.start[i], e))
            if code & LOWER and surface == surface.lower():
                out.append(e)  # a name written in lower case ("dpa") matches as written
                continue
            if acronym and surface.isupper():
                if j - i == 1 and word_zipf(W.surface[i], self.lang) >= 6.0 and self._shouting(i):
                    continue  # "AU", "UN" in a headline in capitals: the words "au", "un"
                out.append(e)
                continue
            if not code & PLAIN:
                continue
            if not (W.capitalised(i) or (j - i > 1 and any(W.capitalised(k) for k in range(i, j)))):
                continue  # a name starts with a capital ("mer Noire": one of its words has one)
            if surface.isupper() and len(surface) <= 4:
                continue  # "US" as a word in capitals is only the acronym's
            if short and self.year is not None and (self.kb.entries[e].since or 0) > self.year:
                continue
            if code & ALTERNATE and j - i == 1 and word_zipf(W.surface[i], self.lang) >= COMMON_ZIPF:
                continue  # "Bon" is Bonn only in GeoNames' alternate names
            out.append(e)
        return out

    def _stemmed(self, i: int, j: int) -> list[int]:
        """Curated entries whose name, case endings cut, is words i..j-1 with theirs cut
        ("Украиной" = "Украина"), in a language that lists its case endings."""
        words = self.words.folded[i:j]
        # a short stem only inside a sentence ("в Газе", not "Газ" opening one, the word "gas")
        shortest = SHORT_STEM if not self.words.initial[i] else MIN_STEM
        for keep in (3, 2) if j - i > 1 else (3,):  # a short later word: "в Часовом Яре" -> "часов яр"
            k = stem_key(words, self.endings, keep, shortest)
            if k and k in self.stems:
                return list(self.stems[k])
        return []

    def _known(self, i: int, j: int) -> list[int]:
        """The KB entries words i..j name: as written, as a possessive ("Russia's"), or inflected."""
        W = self.words
        entries = self._codes(i, j)
        if not entries and j - i == 1 and self.L.possessive and W.folded[i].endswith("s"):
            entries = self._genitive(i)
        if not entries and j - i <= self.stem_words and W.capitalised(i):
            entries = self._stemmed(i, j)
        return entries

    def kb_names(self) -> list[Cand]:
        W, kb = self.words, self.kb
        out = []
        i = 0
        while i < W.n:
            found = None
            for j in range(min(W.n, i + kb.max_words), i, -1):
                if j - i > 1 and not W.joined(i, j):
                    continue
                entries = self._known(i, j)
                if entries:
                    found = (j, entries)
                    break
            if found is None:
                i += 1
                continue
            j, entries = found
            street = self._street(i, j)
            entries = self._plausible(i, j, entries)
            # "ministre de la Défense": no La Défense, Paris; "rue de Rome", "Plaza de España",
            # "Kyiv Street": a street, not the place
            if entries and (street is not None or self._inside_title(i, j)):
                entries = [e for e in entries if kb.entries[e].kind not in ("place", "country")]
            if street is not None and not entries:
                out.append(self._street_cand(*street, rank=3))
                i = max(j, street[1])
                continue
            longer = self._place_and_particle(i, j, entries)
            if longer is not None:  # "Surigao del Sur": an unknown place whose name starts with a known one
                text = W.text[W.start[i]:W.end[longer - 1]]
                out.append(Cand(W.start[i], W.end[longer - 1], [], kind="place", via="longer-name",
                                key=f"place:{kbnames.fold(text)}", rank=3 + (longer - i)))
                i = longer
                continue
            if entries:
                out.append(Cand(W.start[i], W.end[j - 1], entries, rank=3 + (j - i),
                                weak=j - i == 1 and self._common_place_word(i, entries)))
            i = j
        return self._shared_heads(out)

    def _shared_heads(self, out: list[Cand]) -> list[Cand]:
        """Adjectives that share a region's noun are regions too: "над Курской и Брянской областями",
        "в Белгородской, Курской и Брянской областях" (`shared_head` in the language's entities.yaml)."""
        W, kb, L = self.words, self.kb, self.L
        if not L.shared_head or not self.stems:
            return out
        extra: list[Cand] = []
        for c in out:
            i, j = W.index_at(c.start), W.index_after(c.end)
            if i is None or j is None or j - i != 2 or not c.entries or W.capitalised(j - 1) \
                    or any(kb.entries[e].kind != "place" for e in c.entries):
                continue
            k = i
            while True:
                if k >= 1 and W.gap(k - 1, k).strip() == ",":
                    prev = k - 1
                else:
                    n = next((n for n in (2, 1) if k - n >= 1 and W.joined(k - n, k)
                              and W.key(k - n, k) in L.shared_head and not W.gap(k - n - 1, k - n).strip()), None)
                    if n is None:
                        break
                    prev = k - n - 1
                key = stem_key([W.folded[prev], W.folded[j - 1]], self.endings) if W.capitalised(prev) else None
                found = [e for e in self.stems.get(key, ()) if kb.entries[e].kind == "place"] if key else []
                if not found:
                    break
                extra.append(Cand(W.start[prev], W.end[prev], found, rank=5))
                k = prev
        if not extra:
            return out
        kept = [c for c in out if not any(x.start < c.end and c.start < x.end for x in extra)]
        return sorted(kept + extra, key=lambda c: c.start)

    # ---- 2. demonyms, 3. institution descriptions ----

    def _inside_title(self, i: int, j: int) -> bool:
        """Are words i..j part of a longer title ("ministre de la Défense", "secretary of state")?"""
        if self._titles is None:
            W, n = self.words, max((t.count(" ") + 1 for t in self.L.titles), default=1)
            firsts = {t.split()[0] for t in self.L.titles if " " in t}
            self._titles = [(a, b) for a in range(W.n) if W.folded[a] in firsts
                            for b in range(a + 2, min(W.n, a + n) + 1)
                            if W.joined(a, b) and W.key(a, b) in self.L.titles]
        return any(a <= i and j <= b and b - a > j - i for a, b in self._titles)

    def _institution_phrases(self) -> list[tuple[int, int, str]]:
        """The institution nouns of the text (word spans and types), found once per document."""
        if self._institution_nouns is None:
            self._institution_nouns = self._phrases(self.L.institutions)
        return self._institution_nouns

    def _phrases(self, table: dict[str, str]) -> list[tuple[int, int, str]]:
        W = self.words
        out, i = [], 0
        while i < W.n:
            for j in range(min(W.n, i + self.L.max_words), i, -1):
                if (j - i == 1 or W.joined(i, j)) and W.key(i, j) in table:
                    out.append((i, j, table[W.key(i, j)]))
                    i = j - 1
                    break
            i += 1
        return out

    def demonyms(self) -> list[Cand]:
        out = []
        for i, j, iso in self._phrases(self.L.demonyms):
            country = self.kb.country(iso)
            if country is not None:
                out.append(Cand(self.words.start[i], self.words.end[j - 1], [self.kb.by_country[iso]],
                                form="demonym", rank=2))
        return out

    def descriptions(self, names: list[Cand], demonyms: list[Cand]) -> list[Cand]:
        W, L, kb = self.words, self.L, self.kb
        country_at: dict[int, tuple[int, str]] = {}  # word index where a country mention starts -> (end word, iso)
        for c in names + demonyms:
            iso = self._country_of(c)
            i, j = W.index_at(c.start), W.index_after(c.end)
            if iso and i is not None and j is not None:
                country_at[i] = (j, iso)
        ends = {j - 1: (i, iso) for i, (j, iso) in country_at.items()}
        out = []
        for i, j, type_ in self._institution_phrases():
            hit = None
            k = j  # after: "armée russe", "armée de la Corée du Sud"
            for n in (0, 1, 2):
                link = W.key(j, j + n) if n else ""
                if (not n or link in L.links) and j + n in country_at and W.joined(j - 1, j + n + 1):
                    k = j + n
                    hit = (W.start[i], W.end[country_at[k][0] - 1], country_at[k][1])
                    break
            if hit is None and i - 1 in ends:  # before: "the Russian army", "die russische Armee"
                ci, iso = ends[i - 1]
                if W.joined(ci, j):
                    hit = (W.start[ci], W.end[j - 1], iso)
            if hit is None and L.possessive and i >= 2 and W.folded[i - 1] == "s" and i - 2 in ends:
                ci, iso = ends[i - 2]  # "South Korea's military"
                hit = (W.start[ci], W.end[j - 1], iso)
            if hit is None:
                continue
            start, end, iso = hit
            if type_ == "capital":  # "la capitale ukrainienne", "the British capital": that city
                city = kb.capital(iso)
                if city is not None:
                    out.append(Cand(start, end, [city], kind="place", form="description", rank=2))
                continue
            org = kb.institution(type_, iso)
            country = kb.country(iso)
            label = f"{type_.replace('_', ' ')} of {country.name if country else iso}"
            out.append(Cand(start, end, [org] if org is not None else [], kind="organisation",
                            form="description", key=f"inst:{type_}:{iso}", label=label, country=iso,
                            rank=2))
        return out

    def _country_of(self, c: Cand) -> str | None:
        for e in c.entries:
            entry = self.kb.entries[e]
            if entry.kind == "country":
                return entry.country
        return None

    # ---- 4. NER and capitalised runs, linked by name, skeleton, fuzzy ----

    def link(self, text: str, kinds: set[str] | None, fuzzy: bool = True) -> tuple[list[int], str]:
        """KB entries a name found by NER or as a capitalised run refers to: by its exact spelling,
        else its skeleton, else (with `fuzzy`) the closest skeleton. A single word that is a common
        word of the language ("Wechsel", "Inland") is only taken by its exact spelling."""
        kb = self.kb
        k = " ".join(kbnames.key(text))
        one_word = " " not in k
        found = []
        for code in kb.exact.get(k, []):
            e, acronym, short = decode(code)
            if acronym and not code & PLAIN and not text.isupper():
                continue  # "Un", "Au" are words; only "UN", "AU" are the acronyms
            if code & ALTERNATE and one_word and word_zipf(text, self.lang) >= COMMON_ZIPF:
                continue  # a common word that only GeoNames' alternate names make a place
            if short and not self._recent(e):
                continue
            entry = kb.entries[e]
            if (one_word and not entry.curated and entry.kind == "place" and not subdivision(entry)
                    and word_zipf(text, self.lang) >= (COMMON_ZIPF if self.L.capitalised_nouns else VERY_COMMON_ZIPF)):
                continue  # "Un", "Bon", German "Türen": a common word that is also some village's name
            found.append(e)
        found = [e for e in found if kinds is None or kb.entries[e].kind in kinds]
        if found:
            return found, "kb"
        if len(k) < 3 or (" " not in k and self._common(text, 2.5)):
            return [], ""
        for skel in kbnames.skeletons(text, self.conventions):
            hit = [e for e in kb.skeleton.get(skel, ()) if kinds is None or kb.entries[e].kind in kinds]
            hit = [e for e in hit if self._recent(e) or len(skel.split()) > 1]
            if hit:
                return sorted(hit), "skeleton"
        if fuzzy and len(k) >= MIN_FUZZY and kb.fuzzy_keys:
            best = None  # (score, -rank, index): the best score, then the key indexed first
            for skel in kbnames.skeletons(text, self.conventions):
                # ratio = 2M / (a + b) * 100 >= FUZZY needs b within [a F / (200 - F), a (200 - F) / F]
                lo, hi = kb.fuzzy_span(len(skel) * FUZZY / (200 - FUZZY), len(skel) * (200 - FUZZY) / FUZZY)
                for _, score, n in process.extract(skel, kb.fuzzy_keys[lo:hi], scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY, limit=None):
                    cand = (score, -kb.fuzzy_rank[lo + n], lo + n)
                    if best is None or cand[:2] > best[:2]:
                        best = cand
            if best is not None:
                key = kb.fuzzy_keys[best[2]]
                hit = [e for e in kb.fuzzy_entries[best[2]] if kinds is None or kb.entries[e].kind in kinds]
                hit = [e for e in hit if self._recent(e) or len(key.split()) > 1]
                if hit and not self._names_another(k, hit):
                    return sorted(hit), "fuzzy"
        return [], ""

    def _names_another(self, k: str, hit: list[int]) -> bool:
        """A word of the name is itself the name of a country, subdivision or curated entry other
        than the fuzzy match: the name is that thing's, spelt right, not a misspelling ("Corse-du-Sud"
        is in Corsica, not a "Corée du Sud" with a typo). A village's name ("Boli" in the OCR-broken
        "Boli¬vie") does not count."""
        kb = self.kb
        for w in k.split():
            if len(w) >= MIN_KNOWN:
                known = {e for e in (decode(c)[0] for c in kb.exact.get(w, ()))
                         if kb.entries[e].curated or kb.entries[e].kind == "country" or subdivision(kb.entries[e])}
                if known and not known & set(hit):
                    return True
        return False

    def _untranslated(self, start: int, end: int) -> bool:
        """One word of another language that a translation left in the text, and that is a word of
        that language rather than a rare name (`UNTRANSLATED_ZIPF`)."""
        lang = self.foreign.get((start, end))
        return lang is not None and word_zipf(self.words.text[start:end], lang) >= UNTRANSLATED_ZIPF

    def _recent(self, e: int, full_name: bool = False) -> bool:
        """The identity existed in the document's year, or its name then meant a state the KB knows
        (`before`: "Oesterreich" in 1900, Austria-Hungary). A person named in full is themselves
        `PERSON_SLACK` years before the office the KB knows them by; a surname alone is not."""
        entry = self.kb.entries[e]
        slack = PERSON_SLACK if full_name and entry.kind == "person" else 0
        if self.year is None or entry.since is None or entry.since - slack <= self.year:
            return True
        return any(start <= self.year <= end for start, end, _, _ in entry.before)

    def from_ner(self) -> list[Cand]:
        out = []
        for ent in self.ner or []:
            kind = NER_KINDS.get(ent.label_)
            text = ent.text.strip(" .,;:'’\"")
            if not text or not (text[:1].isupper() or self._generic_name(text)):
                continue
            start = ent.start_char + ent.text.index(text)
            k = self.words.index_at(start)
            if k is not None and self.words.end[k] == start + len(text) and self._hyphenated(k):
                continue  # one piece of a hyphenated name ("Paris" in "Paris-Soir"), not the whole
            end = self.words.index_after(start + len(text))
            street = self._street(k, end) if k is not None and end is not None and kind != "person" else None
            if street is not None:  # "rue [Saint-Martin]": the street, not the place
                out.append(self._street_cand(*street, rank=1))
                continue
            entries, via = self.link(text, COMPATIBLE.get(kind) if kind else None)
            if not entries and kind is None:
                continue  # MISC and unlinked: not an entity we can name
            if not entries and " " not in text and self._common(text) and not _proper(ent):
                continue  # "Renforcement", "État": a capitalised common word, not a name ("Hitler" is one)
            if not entries and kind != "person" and self._untranslated(start, start + len(text)):
                continue  # "Haubitzen" in a French translation from German: a word left as it was
            one = k is not None and self.words.end[k] == start + len(text)
            out.append(Cand(start, start + len(text), entries, kind=kind, via="ner" if not via else via,
                            weak=bool(entries) and one and self._common_place_word(k, entries),
                            key=None if entries else f"{kind}:{kbnames.fold(text)}", rank=1))
        return out

    def from_runs(self, taken: list[tuple[int, int]]) -> list[Cand]:
        """Capitalised word runs nobody claimed: linked by skeleton/fuzzy, or persons after a title."""
        W, L = self.words, self.L
        busy = _Intervals(taken)
        out, i = [], 0
        while i < W.n:
            if not W.capitalised(i) or busy.overlaps(W.start[i], W.end[i]):
                i += 1
                continue
            j = i + 1
            while j < W.n and W.joined(j - 1, j + 1) and not W.opens[j] and not busy.overlaps(W.start[j], W.end[j]) and (
                    W.capitalised(j) or (W.folded[j] in L.particles and j + 1 < W.n and W.capitalised(j + 1))):
                j += 1
            while j - 1 > i and W.folded[j - 1] in L.particles and not W.capitalised(j - 1):
                j -= 1  # "der" before a name someone else took ("Generalsekretär der [Hisbollah]") ends no run
            a = i
            while a < j and W.initial[a] and (W.folded[a] in L.not_names or word_zipf(W.surface[a], self.lang) >= 4.5):
                a += 1
            while a < j and not W.capitalised(a):
                a += 1  # a particle left at the head once a sentence's first word is dropped ("Auf der Insel")
            titled = lead = False
            for m in (2, 1):  # a capitalised place noun opens the run: "Insel Samos", "Stadt Hrakowe"
                if L.capitalised_nouns and a + m < j and W.key(a, a + m) in L.place_nouns:
                    a, lead = a + m, True
                    break
            for n in (3, 2, 1):  # a capitalised title opens the run: "Foreign Minister Andrii Sybiha"
                if a + n < j and W.key(a, a + n) in L.titles:
                    a, titled = a + n, True
                    break
            if j - a >= 3 and self._after_title(a):
                # "глава МИД Андрей Ковальчук", "голова Харківської ОВА Олег Синєгубов": the title, what
                # it heads (ending in an acronym), its holder
                p = next((p for p in range(j - 3, a - 1, -1) if W.surface[p].isupper() and len(W.surface[p]) > 1), None)
                if p is not None and p - a < 3:
                    a, titled = p + 1, True
            if a < j and not (j - a == 1 and self._hyphenated(a)):
                text = W.text[W.start[a]:W.end[j - 1]]
                titled = (titled or self._after_title(a) or (j - a == 1 and self._in_person_name(a))
                          or (j - a >= 2 and self._after_title_of(a, busy)))
                if j - a == 1 and W.surface[a].isupper() and len(W.surface[a]) > 1:
                    titled = False  # "глава МИД", "le chef du PS": an acronym after a title is what it heads
                placed = not titled and (lead or self._after_place_noun(a))
                generic = a > 0 and W.folded[a - 1] in L.place_generics and not W.capitalised(a - 1) and W.joined(a - 1, a + 1)
                street = None if titled else self._street(a, j)
                if street is not None:  # "boulevard Sébastopol": the street, whatever its name names
                    out.append(self._street_cand(*street, rank=1))
                    i = max(j, street[1])
                    continue
                entries, via = self.link(text, {"person"} if titled else {"place", "country"} if placed else None,
                                         fuzzy=" " in text)
                if j - a == 1 and self._in_another_name(a):  # as the KB scan does ("Bank of England")
                    entries = [e for e in entries if self.kb.entries[e].kind not in ("place", "country")]
                if entries:
                    out.append(Cand(W.start[a], W.end[j - 1], entries, via=via, rank=1,
                                    weak=j - a == 1 and self._common_place_word(a, entries)))
                elif titled:
                    out.append(Cand(W.start[a], W.end[j - 1], [], kind="person", via="title",
                                    key=f"person:{kbnames.fold(text)}", rank=1))
                elif placed or generic:  # "the port town of Mokha", "au mont Maudit", "die Stadt Hrakowe"
                    a0 = a - 1 if generic else a
                    out.append(Cand(W.start[a0], W.end[j - 1], [], kind="place", via="place-noun",
                                    key=f"place:{kbnames.fold(W.text[W.start[a0]:W.end[j - 1]])}", rank=1))
                elif j - a == 1 and not W.initial[a]:
                    # a lone capitalised word: kept only if it turns out to be part of a person's name
                    out.append(Cand(W.start[a], W.end[a], [], via="lone", rank=0))
            i = j
        return out

    def _street_cand(self, a: int, b: int, rank: int) -> Cand:
        """A street named by words a..b-1: a place with no identity in the KB."""
        W = self.words
        text = W.text[W.start[a]:W.end[b - 1]]
        return Cand(W.start[a], W.end[b - 1], [], kind="place", via="street",
                    key=f"place:{kbnames.fold(text)}", rank=rank + (b - a))

    def _after_title_of(self, i: int, busy: "_Intervals") -> bool:
        """Does the run at word i follow a title and the name of what the title is of, as the
        person holding it: "губернатор [Курской области] Алексей Смирнов", "Außenminister
        [Frankreichs] Jean-Noël Barrot"?"""
        W = self.words
        if i == 0 or not W.joined(i - 1, i + 1):
            return False
        k = i - 1
        while k > 0 and W.joined(k - 1, k + 1) and busy.overlaps(W.start[k - 1], W.end[k - 1]) \
                and busy.overlaps(W.start[k], W.end[k]) and i - k < 4:
            k -= 1
        return busy.overlaps(W.start[k], W.end[k]) and self._after_title(k)

    def _common_place_word(self, i: int, entries: list[int]) -> bool:
        """Word i is a common word of the language that only ISO 3166-2 makes a place ("Bayern",
        "Nord": even where the parser calls it a place), or that only GeoNames makes a town and that
        follows a determiner, as a common noun does ("the Bank": Bānk, India; "le Métro": Metro,
        Indonesia). Such a reading is kept only in a document that names its country otherwise."""
        W, kb = self.words, self.kb
        zipf = word_zipf(W.surface[i], self.lang)
        if zipf < COMMON_ZIPF:
            return False
        if all(subdivision(kb.entries[e]) for e in entries):
            # wordfreq counts names as words: "Kerala" is as common as "Delta". A name no spoken
            # lexicon uses as a word is the region, unless the language capitalises its nouns
            # (German: any noun is a candidate) or the word is common anyway ("Centre", "Est").
            return (self.L.capitalised_nouns or zipf >= EVERYDAY_ZIPF
                    or not kb.name_word(W.surface[i], self.lang))
        return (all(kb.entries[e].kind == "place" and not kb.entries[e].curated for e in entries)
                and (W.start[i], W.end[i]) not in self.ner_loc
                and i > 0 and W.folded[i - 1].rstrip("'’") in self.L.determiners and W.joined(i - 1, i + 1))

    # ---- putting it together ----

    def run(self) -> list[Entity]:
        names = self.kb_names()
        dem = self.demonyms()
        desc = self.descriptions(names, dem)
        ner = self.from_ner()
        names, described = self._institutions_named(names, dem, desc)
        desc += described
        desc = [d for d in desc if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start
                                           for o in desc)]  # one inside another's name: the longer is meant
        cands = _resolve_overlaps(names + dem + ner)
        runs = self.from_runs([(c.start, c.end) for c in cands])
        cands = self._regional(sorted(cands + runs + desc, key=lambda c: (c.start, -c.end)))
        self._disambiguate(cands)
        self._corefer(cands)
        cands = [c for c in cands if (c.via != "lone" or c.entries or c.key) and (c.entries or c.key or not c.weak)]
        return self._entities(cands)

    def _institutions_named(self, names: list[Cand], dem: list[Cand],
                            desc: list[Cand]) -> tuple[list[Cand], list[Cand]]:
        """A state institution whose name holds its country's ("Russia's Foreign Ministry", "US
        military", "Streitkräfte der Ukraine") is read as a description, as "the Russian army" is:
        the country named stays a mention of the country."""
        kb, W = self.kb, self.words
        types = set(self.L.institutions.values()) | {"security_service"}
        nouns = [(W.start[i], W.end[j - 1]) for i, j, _ in self._institution_phrases()]
        keep: list[Cand] = []
        described: list[Cand] = []
        for c in names:
            entry = kb.entries[c.entries[0]] if len(c.entries) == 1 else None
            if (entry is None or entry.kind != "organisation" or entry.type not in types or not entry.country
                    or not any(c.start <= a and b <= c.end for a, b in nouns)):
                keep.append(c)  # "Agence France-Presse": a proper name, no institution noun in it
                continue
            demonym = any(c.start <= d.start and d.end <= c.end and self._country_of(d) == entry.country for d in dem)
            inner = self._country_inside(c, entry.country)
            if inner is None and not demonym:
                keep.append(c)
                continue
            if inner is not None:
                keep.append(inner)
            if not any((d.start, d.end) == (c.start, c.end) for d in desc):  # else already read as one
                described.append(replace(c, form="description", rank=2, key=f"inst:{entry.type}:{entry.country}",
                                         country=entry.country))
        return keep, described

    def _country_inside(self, c: Cand, iso: str) -> Cand | None:
        W, kb = self.words, self.kb
        i, j = W.index_at(c.start), W.index_after(c.end)
        if i is None or j is None:
            return None
        for a in range(i, j):
            for b in range(min(j, a + kb.max_words), a, -1):
                if b - a == j - i:
                    continue
                country = [e for e in self._known(a, b)
                           if kb.entries[e].kind == "country" and kb.entries[e].country == iso]
                if country:
                    return Cand(W.start[a], W.end[b - 1], country, rank=3 + (b - a))
        return None

    def _regional(self, cands: list[Cand]) -> list[Cand]:
        """A region named with a country's adjective is one name, the region's part in that country:
        "les Alpes françaises", "the French Alps", "le Kurdistan irakien"."""
        out: list[Cand] = []
        for c in cands:
            prev = out[-1] if out else None
            if prev is not None and self.doc.text[prev.end:c.start] == " " and {prev.form, c.form} == {"name", "demonym"}:
                region = prev if prev.form == "name" else c
                entry = self.kb.entries[region.entries[0]] if region.entries else None
                if entry is not None and entry.kind == "place" and entry.type in _REGIONS:
                    region.start, region.end = prev.start, c.end
                    out[-1] = region
                    continue
            out.append(c)
        return out

    def _corefer(self, cands: list[Cand]) -> None:
        """A lone word that is part of one person's full name elsewhere in the text is that person
        ("Kim Jong Un ... Kim", "Gawon Bae ... Bae"), not a town or another entity."""
        kb, text = self.kb, self.doc.text
        people: dict[str, set[tuple]] = defaultdict(set)
        for c in cands:
            surface = text[c.start:c.end]
            person = c.kind == "person" if not c.entries else kb.entries[c.entries[0]].kind == "person"
            if person and " " in surface.strip():
                for w in kbnames.key(surface):
                    people[w].add((tuple(c.entries), c.key, c.kind))
        places = {c.key for c in cands if c.via == "place-noun"}
        for c in cands:
            surface = text[c.start:c.end]
            if c.form != "name":
                continue
            if " " in surface:  # "M. Vasseur", "Mme Morel": an unknown person named by title and surname
                words = kbnames.key(surface)
                if c.entries or c.kind != "person" or len(words) != 2 or words[0] not in self.L.titles:
                    continue
                owners = people.get(words[1], set()) - {((), c.key, c.kind)}
                if len(owners) == 1:
                    entries, c.key, c.kind = next(iter(owners))
                    c.entries = list(entries)
                continue
            if c.entries and (kb.entries[c.entries[0]].curated or kb.entries[c.entries[0]].kind == "country"):
                continue
            owners = people.get(kbnames.fold(surface), set())
            if not owners and c.via == "lone" and f"place:{kbnames.fold(surface)}" in places:
                c.key, c.kind = f"place:{kbnames.fold(surface)}", "place"  # "the town of Mokha ... Mokha"
            if len(owners) == 1:
                entries, key, kind = next(iter(owners))
                c.entries, c.key, c.kind = list(entries), key, kind

    def _disambiguate(self, cands: list[Cand]) -> None:
        """One KB entry per mention: by the document's other places, then by size; else none.

        Each reading scores log10(population) + 3 if its country is one the document names
        unambiguously + 2 if its region is + 5 if it is curated (the places news names all the time:
        GeoNames gives a big city's alternate names, such as Casablanca's "White House", more weight
        than they have in news); readings named so only by a GeoNames alternate name ("White House"
        for Casablanca) are dropped first when another reading has it as its own name;
        the best must lead by `MARGIN`, or the mention stays unlinked.
        """
        kb = self.kb
        countries: set[str] = set()
        regions: set[str] = set()
        for c in cands:
            if len(c.entries) == 1 and not c.weak:
                entry = kb.entries[c.entries[0]]
                if entry.country:
                    countries.add(entry.country)
                if entry.kind == "place" and entry.type == "region" and entry.admin1:
                    regions.add(entry.admin1)
        for c in cands:
            if c.weak:  # a common word read as a town of a country the document does not name
                c.entries = [e for e in c.entries if kb.entries[e].country in countries]
            own = [e for e in c.entries if (c.start, e) not in self.alternate]
            if own and len(own) < len(c.entries):
                c.entries = own  # an entry named so in its own right beats one a GeoNames alternate name gives
            if len(c.entries) <= 1:
                continue


            def score(e: int) -> float:
                entry = kb.entries[e]
                return (math.log10(max(entry.population, 10)) + 3 * (entry.country in countries)
                        + 2 * (entry.admin1 in regions and entry.type != "region") + 5 * entry.curated
                        + 3 * (entry.kind == "country"))

            ranked = sorted(((score(e), e) for e in c.entries), reverse=True)
            if ranked[0][0] - ranked[1][0] >= MARGIN:
                c.entries = [ranked[0][1]]
            else:
                c.kind = c.kind or kb.entries[ranked[0][1]].kind
                c.key = c.key or f"{c.kind}:{kbnames.fold(self.doc.text[c.start:c.end])}"
                c.entries = []

    def _entities(self, cands: list[Cand]) -> list[Entity]:
        kb, doc = self.kb, self.doc
        groups: dict[str, list[Cand]] = defaultdict(list)
        persons: dict[str, str] = {}  # last word of an unlinked person -> its group key
        for c in cands:
            if c.entries:
                gkey = f"kb:{c.entries[0]}"
            else:
                gkey = c.key or f"{c.kind}:{kbnames.fold(doc.text[c.start:c.end])}"
                if (c.kind == "person") and gkey.startswith("person:"):
                    last = gkey.split()[-1].split(":")[-1]
                    if " " in gkey:
                        persons.setdefault(last, gkey)
                    elif last in persons:
                        gkey = persons[last]
            groups[gkey].append(c)
        out = []
        for n, (gkey, group) in enumerate(sorted(groups.items(), key=lambda g: g[1][0].start), 1):
            mentions = [Mention(doc.span(c.start, c.end), NAME, form=c.form,
                                stands_for=self._stands_for(c)) for c in group]
            first = group[0]
            if first.entries:
                entry = kb.entries[first.entries[0]]
                # A text older than the identity (a state refounded since, a person not yet in office)
                # names something else by the same name: the state of the text's years where the KB
                # knows it ("Russland" in 1900: the Russian Empire), else no QID rather than a wrong one.
                name, qid = self._of_its_time(first.entries[0])
                out.append(Entity(id=f"e{n}", name=name, kind=entry.kind, mentions=mentions, stage=NAME,
                                  wikidata=qid, country=entry.country, lat=entry.lat, lon=entry.lon,
                                  geonames=entry.geonames, admin1=entry.admin1, type=entry.type))
            else:
                surface = max((doc.text[c.start:c.end] for c in group), key=len)
                out.append(Entity(id=f"e{n}", name=first.label or surface, kind=first.kind or "place",
                                  mentions=mentions, stage=NAME, country=first.country))
        return out

    def _of_its_time(self, e: int) -> tuple[str, str | None]:
        """The name and QID a text of the document's year means by this entry."""
        entry = self.kb.entries[e]
        if self.year is not None:
            for start, end, qid, name in entry.before:
                if start <= self.year <= end:
                    return name, qid
        return entry.name, entry.wikidata if self._recent(e, full_name=True) else None

    def _stands_for(self, c: Cand) -> str | None:
        if not c.entries:
            return None
        entry = self.kb.entries[c.entries[0]]
        if entry.seat_of:
            return entry.seat_of
        if entry.capital_of and self._is_subject(c):
            return entry.capital_of
        return None

    def _is_subject(self, c: Cand) -> bool:
        sdoc = self.doc.nlp_doc
        if sdoc is None or not sdoc.has_annotation("DEP"):
            return False
        span = sdoc.char_span(c.start, c.end, alignment_mode="expand")
        return span is not None and any(t.dep_ in ("nsubj", "nsubj:pass", "obl:agent") for t in span)


class _Intervals:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.spans, (end, end))
        return any(s < end and start < e for s, e in self.spans[max(0, k - 8):k])


def _resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    """Keep, among overlapping candidates, a linked one before an unlinked, then the longest."""
    order = sorted(cands, key=lambda c: (-bool(c.entries), -(c.end - c.start), -c.rank, c.start))
    kept: list[Cand] = []
    for c in order:
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _proper(span) -> bool:
    """Does the parser tag every word of this NER span a proper noun ("Einstein", not "Renforcement")?"""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.pos_ == "PROPN" for t in words)
