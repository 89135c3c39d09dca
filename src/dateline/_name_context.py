"""What the words around a name say about it: the per-language cues of `lang/<code>/entities.yaml`,
the text's words, and the checks the linker (`dateline.entities`) asks before it takes a name for a
place, a country or a person ("Banque de France", "Radio-Paris", "Maurice Nuss", "J. Parisch")."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import lang as langdata
from .document import Document
from .kb import ALTERNATE, PLAIN, decode, entity_data, subdivision
from .kb import names as kbnames

if TYPE_CHECKING:
    from .kb import KB

COMMON_ZIPF = 3.0     # a one-word GeoNames-only place that is also this common a word needs NER to back it
VERY_COMMON_ZIPF = 5.5  # a word this common is no name even capitalised mid-sentence ("Un", "Bon")
NAME_ZIPF = 4.0       # a capitalised neighbour rarer than this is a name: the place is part of a longer name
_GAP = re.compile(r"[ \u00a0\-'’.]{0,2}")
# A hyphen, OCR's doubled one, Fraktur's double hyphen (also at a line end, before a space: "Heſſen⸗ Naſſau")
_HYPHEN = re.compile(r"[-\u2010\u2011\u2e17=\u00ac]{1,2}|[\u2e17\u00ac] ")


@dataclass
class LangCues:
    demonyms: dict[str, str] = field(default_factory=dict)      # folded form -> ISO
    institutions: dict[str, str] = field(default_factory=dict)  # folded noun phrase -> type
    links: set[str] = field(default_factory=set)
    possessive: bool = False
    titles: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    capitalised_nouns: bool = False   # German: a capital letter does not mark a name
    place_nouns: set[str] = field(default_factory=set)     # "town (of)", "ville (de)", "Stadt": a place's name follows
    place_generics: set[str] = field(default_factory=set)  # "mont", "lac": lower-case first word of a place's name
    shared_head: set[str] = field(default_factory=set)  # "и": adjectives sharing one noun ("Курской и Брянской областях")
    new_words: set[str] = field(default_factory=set)  # "New", "Новая": before a place, another place's name
    street_nouns: set[str] = field(default_factory=set)  # "rue", "вулиця": a name after one is a street's
    street_suffixes: set[str] = field(default_factory=set)  # "Street", "Straße": a name before one is a street's
    determiners: set[str] = field(default_factory=set)  # "the", "le": before a word, a common noun's
    max_words: int = 1


class CueCache:
    def __init__(self) -> None:
        self._by_lang: dict[str, LangCues] = {}

    def get(self, code: str | None) -> LangCues:
        code = code or ""
        if code not in self._by_lang:
            data = entity_data(code) if code else {}
            L = LangCues()
            for iso, forms in (data.get("demonyms") or {}).items():
                for form in forms or []:
                    k = " ".join(kbnames.key(str(form)))
                    L.demonyms[k] = str(iso)
                    L.max_words = max(L.max_words, len(k.split()))
            for type_, nouns in (data.get("institutions") or {}).items():
                for noun in nouns or []:
                    k = " ".join(kbnames.key(str(noun)))
                    L.institutions.setdefault(k, str(type_))
                    L.max_words = max(L.max_words, len(k.split()))
            L.links = {" ".join(kbnames.key(str(w))) for w in data.get("links") or []}
            L.possessive = bool(data.get("possessive"))
            L.titles = {" ".join(kbnames.key(str(w))) for w in data.get("titles") or []}
            L.particles = {kbnames.fold(str(w)) for w in data.get("person_particles") or []}
            L.not_names = {kbnames.fold(str(w)) for w in data.get("not_names") or []}
            L.capitalised_nouns = bool(data.get("capitalised_nouns"))
            L.place_nouns = {" ".join(kbnames.key(str(w))) for w in data.get("place_nouns") or []}
            L.place_generics = {kbnames.fold(str(w)) for w in data.get("place_generics") or []}
            L.shared_head = {" ".join(kbnames.key(str(w))) for w in data.get("shared_head") or []}
            L.new_words = {kbnames.fold(str(w)) for w in data.get("new_words") or []}
            L.street_nouns = {" ".join(kbnames.key(str(w))) for w in data.get("street_nouns") or []}
            L.street_suffixes = {kbnames.fold(str(w)) for w in data.get("street_suffixes") or []}
            cues = langdata.load(code, "attribution") if code else {}
            L.determiners = {kbnames.fold(str(w)).rstrip("'’") for w in cues.get("determiners") or []}
            self._by_lang[code] = L
        return self._by_lang[code]


@functools.lru_cache(maxsize=100_000)
def word_zipf(word: str, lang: str) -> float:
    """How common a word is: the greater of its lower-cased and its folded form ("Türen" is the
    common "türen", not the rare "turen")."""
    from wordfreq import zipf_frequency

    def one(w: str) -> float:
        try:
            return zipf_frequency(w, lang)
        except (LookupError, ValueError):
            return 0.0

    low, folded = word.lower(), kbnames.fold(word)
    return max(one(low), one(folded)) if low != folded else one(low)


class Words:
    """The letter runs of a text with their folded forms and which ones start a sentence."""

    def __init__(self, doc: Document) -> None:
        text = doc.text
        self.text = text
        ms = list(kbnames.words(text))
        self.start = [m.start() for m in ms]
        self.end = [m.end() for m in ms]
        self.surface = [m.group() for m in ms]
        self.folded = [kbnames.fold(s) for s in self.surface]
        starts = {s.start for s in doc.sentences} | {0}
        self.initial = []
        self.opens = [st in starts for st in self.start]  # the first word of a sentence
        for i, st in enumerate(self.start):
            before = text[self.end[i - 1]:st] if i else ""
            self.initial.append(st in starts or not i or "\n" in before
                                or bool(re.search(r"[.!?:«»\"“”„]\s*$", before)))
        self.n = len(ms)
        # breaks[k]: how many of the first k gaps between words do not join them (prefix counts, so
        # that `joined` costs O(1): the knowledge-base lookup asks it for every word and length)
        self.breaks = [0]
        for k in range(self.n - 1):
            self.breaks.append(self.breaks[-1] + (not _GAP.fullmatch(text[self.end[k]:self.start[k + 1]])))

    def joined(self, i: int, j: int) -> bool:
        """Are words i..j-1 one run (only spaces, hyphens, apostrophes or dots between them)?"""
        return j - i <= 1 or self.breaks[j - 1] == self.breaks[i]

    def gap(self, i: int, k: int) -> str:
        """The text between two words (either order)."""
        return self.text[self.end[min(i, k)]:self.start[max(i, k)]]

    def capitalised(self, i: int) -> bool:
        return self.surface[i][:1].isupper()

    def key(self, i: int, j: int) -> str:
        return " ".join(self.folded[i:j])

    def index_at(self, offset: int) -> int | None:
        """The word starting at `offset`, if one does."""
        k = bisect.bisect_left(self.start, offset)
        return k if k < self.n and self.start[k] == offset else None

    def index_after(self, offset: int) -> int | None:
        """One past the word ending at `offset`, if one does."""
        k = bisect.bisect_left(self.end, offset)
        return k + 1 if k < self.n and self.end[k] == offset else None


class NameContext:
    """Checks on the words around a name, mixed into `entities.Linker`, which sets the attributes
    below and provides `_codes` (the KB entries a run of words names)."""

    kb: KB
    L: LangCues
    words: Words
    lang: str
    alternate: set[tuple[int, int]]
    ner_loc: set[tuple[int, int]]
    ner_persons: list[tuple[int, int]]

    def _codes(self, i: int, j: int) -> list[int]:
        raise NotImplementedError

    def _place_and_particle(self, i: int, j: int, entries: list[int]) -> int | None:
        """The end of a longer name a known place opens with a particle and capitalised words
        ("Surigao del Sur", "Agusan del Norte"), when the KB does not hold it; not in a language that
        capitalises nouns ("Kiew der Ukraine" is no name), nor across the language's own link words."""
        W, L = self.words, self.L
        if not entries or L.capitalised_nouns or any(self.kb.entries[e].kind != "place" for e in entries):
            return None
        k = j
        while k < W.n and W.folded[k] in L.particles and W.folded[k] not in L.links and not W.capitalised(k):
            k += 1  # not a word the language links names with ("la visite à Moscou de Narendra Modi")
        if k == j or k >= W.n or not W.capitalised(k) or not W.joined(i, k + 1) or W.opens[k]:
            return None
        while k + 1 < W.n and W.capitalised(k + 1) and W.joined(k, k + 2) and not W.opens[k + 1]:
            k += 1
        return None if self._codes(i, k + 1) else k + 1

    def _genitive(self, i: int) -> list[int]:
        """German "Russlands", "Kiews": the name without its genitive -s."""
        W = self.words
        if not W.capitalised(i) or W.folded[i] in self.L.not_names:
            return []  # "Manches" is a word of its own, not the genitive of "Manche"
        codes = self.kb.exact.get(W.folded[i][:-1], [])
        return [decode(c)[0] for c in codes if not decode(c)[1] and not (c & ALTERNATE and not c & PLAIN)]

    def _plausible(self, i: int, j: int, entries: list[int]) -> list[int]:
        """Drop readings of a one-word match that the context rules out."""
        W, kb = self.words, self.kb
        if j - i > 1:
            if not W.capitalised(i) and self._named_after(i):  # "Premio Nobel de la Paz": no La Paz
                return [e for e in entries if kb.entries[e].kind not in ("place", "country")]
            return entries
        word = W.folded[i]
        if W.initial[i] and word in self.L.not_names:
            return []
        span = (W.start[i], W.end[i])
        backed = span in self.ner_loc
        keep = []
        for e in entries:
            entry = kb.entries[e]
            if entry.kind in ("place", "country") and (self._hyphenated(i) or self._in_another_name(i)
                                                        or not backed and self._inside_longer_name(i)
                                                        or self._in_person_name(i)
                                                        or (self._after_title(i) and not entry.curated
                                                            and entry.kind == "place")):
                continue  # "Governor Pimentel": a town's name after a title is a person's; not a
                # country's or a known place's ("Präsident Frankreichs", "губернатор Курской области")
            if (W.start[i], e) in self.alternate and self._capitalised_neighbour(i):
                continue  # "Joseph Bech": a GeoNames alternate name ("Bech" for Vienna) inside a person's name
            surface = W.surface[i]
            if subdivision(entry) and word_zipf(surface, self.lang) >= COMMON_ZIPF:
                pass  # "Bayern", "Баварии", "Nord": a weak reading, kept where the document names its country
            elif not entry.curated and entry.kind == "place" and not backed:
                if word_zipf(surface, self.lang) >= COMMON_ZIPF or (W.initial[i] and word_zipf(surface, self.lang) >= 2.5):
                    continue
            keep.append(e)
        return keep

    def _in_another_name(self, i: int) -> bool:
        """Is word i a place's name used to make the name of something else ("Bank of England",
        "New England")?"""
        return self._named_after(i) or self._renamed(i)

    def _renamed(self, i: int) -> bool:
        """Is word i a place's name after a capitalised "new" word that makes it another place's
        ("New England", "Новая Шотландия": Nova Scotia, not Scotland)?"""
        W = self.words
        for k in (i - 1, i - 2):  # "New South Wales": one more capitalised word may come between
            if (k >= 0 and W.folded[k] in self.L.new_words and W.capitalised(k) and W.joined(k, i + 1)
                    and all(W.capitalised(x) and W.gap(x, x + 1).strip() == "" for x in range(k, i))):
                return True
        return False

    def _named_after(self, i: int) -> bool:
        """Is word i the place in a longer name: a capitalised word, a link word, then the place
        ("Banque de France", "Journal de Paris", "Bank of England", "Albert von Belgien")? A title
        ("Président de la France"), an institution noun ("the Government of Iraq") or, in a language
        that capitalises nouns, a common noun ("Regierung von Spanien") before the link is not a name."""
        W, L = self.words, self.L
        for n in (1, 2):
            x = i - n - 1
            if x < 0 or W.key(i - n, i) not in L.links or not W.joined(x, i + 1):
                continue
            if not W.capitalised(x) or W.initial[x] or W.folded[x] in L.titles or W.folded[x] in L.not_names:
                return False
            if W.folded[x] in L.institutions:  # "the Government of Iraq": Iraq's institution, Iraq named
                return False
            if any(self.kb.entries[e].kind in ("place", "country") and self.kb.entries[e].curated
                   for e in self._codes(x, x + 1)):
                return False  # "la Plaza de España de Sevilla": a place in a place, not a name made of one
            if L.capitalised_nouns and word_zipf(W.surface[x], self.lang) >= 4.0:
                return False
            return not W.surface[x].isupper() or W.surface[i].isupper()
        return False

    def _in_person_name(self, i: int) -> bool:
        """Is word i part of a person's name: inside a longer span of capitalised words the parser's
        NER calls a person ("Maurice Nuss", not Mauritius; "président de la France" is a title), or
        after an initial ("J. Parisch", "A. Wien")?"""
        W = self.words
        start, end = W.start[i], W.end[i]
        for s, t in self.ner_persons:
            if s <= start and end <= t and t - s > end - start:
                words = range(bisect.bisect_left(W.start, s), bisect.bisect_left(W.start, t))
                if all(W.capitalised(x) for x in words):  # not "président de la France", a title
                    return True
        if i == 0 or len(W.surface[i - 1]) != 1 or not W.surface[i - 1].isupper() or len(W.surface[i]) < 3:
            return False
        gap = W.gap(i - 1, i)
        return gap.startswith(".") and gap.strip(" .") == "" and W.folded[i - 1] not in self.L.not_names

    def _capitalised_neighbour(self, i: int) -> bool:
        W = self.words
        return any(0 <= k < W.n and W.capitalised(k) and not W.initial[max(i, k)] and W.joined(min(i, k), max(i, k) + 1)
                   and W.folded[k] not in self.L.titles for k in (i - 1, i + 1))

    def _hyphenated(self, i: int) -> bool:
        """Is word i one part of a hyphenated compound: joined by a hyphen to a capitalised word
        ("Russie-Ukraine", "Radio--Paris", OCR's "Brünn=Wien"), through a lower-case link word to
        one ("Île-de-France"), or the head of a word broken across lines ("Limo--ges")?"""
        W = self.words
        for k, step in ((i - 1, -1), (i + 1, 1)):
            if not 0 <= k < W.n or not _HYPHEN.fullmatch(W.gap(i, k)):
                continue
            if W.capitalised(k):
                return True
            if step == 1 and W.gap(i, k) != "-":
                return True  # "Limo--ges": a broken word, not the place "Lima"
            far = k + step
            if (W.folded[k] in self.L.links and 0 <= far < W.n and W.capitalised(far)
                    and _HYPHEN.fullmatch(W.gap(k, far))):
                return True
        return False

    def _shouting(self, i: int) -> bool:
        """Is the word next to this one written in capitals too (a headline or a running head)?"""
        W = self.words
        return any(0 <= k < W.n and W.surface[k].isupper() and len(W.surface[k]) > 1 for k in (i - 1, i + 1))

    def _inside_longer_name(self, i: int) -> bool:
        """A rare capitalised word joined to this one ("Jordan Peterson", "Paris Hilton"), or any
        capitalised word joined by a hyphen ("Radio-Paris", "Paris-Soir")."""
        W = self.words
        for k in (i - 1, i + 1):
            if 0 <= k < W.n and W.capitalised(k) and W.joined(min(i, k), max(i, k) + 1):
                gap = W.gap(i, k)
                if W.initial[max(i, k)] and gap.strip():
                    continue  # "по Днепру. Взрывы": a sentence ends between them
                if gap == "-":
                    return True  # a hyphenated compound: "Radio-Paris", "Paris-Soir"
                if k == i - 1 and W.initial[k] and W.folded[k] in self.L.not_names:
                    continue
                if self._codes(k, k + 1) or W.folded[k] in self.L.titles:
                    continue
                if k == i + 1 and self._known_person_at(k):
                    continue  # "Präsident Frankreichs Emmanuel Macron": the name that follows is complete
                if word_zipf(W.surface[k], self.lang) < NAME_ZIPF:
                    return True
        return False

    def _known_person_at(self, k: int) -> bool:
        """Does the full name of a person the KB knows start at word k?"""
        W, kb = self.words, self.kb
        return any(kb.entries[e].kind == "person" for n in range(2, kb.max_words + 1) if k + n <= W.n
                   and W.joined(k, k + n) for e in self._codes(k, k + n))

    def _common(self, word: str, zipf: float = 3.0) -> bool:
        """Is this word (lower-cased) a common word of the document's language, or a very common one
        of another (a foreign word left by machine translation)?"""
        return word_zipf(word, self.lang) >= zipf or any(word_zipf(word, other) >= zipf + 0.5 for other in ("en", "fr", "de")
                                                    if other != self.lang)

    def _after_place_noun(self, i: int) -> bool:
        """Does a place noun, maybe with a link word, come just before word i ("the town of", "la
        ville de", "auf der Insel")? Its words are lower-case unless the language capitalises nouns."""
        W, L = self.words, self.L
        return self._noun_before(i, L.place_nouns, lambda x: L.capitalised_nouns or W.initial[x]
                                 or not W.capitalised(x)) is not None

    def _noun_before(self, i: int, nouns: set[str], fits=lambda x: True) -> int | None:
        """The first word of one of `nouns` (one or two words) that comes just before word i, maybe
        with a link word between ("la ville de", "rue de"), and that `fits`; None if none does."""
        W, L = self.words, self.L
        if not nouns:
            return None
        for n in (0, 1, 2):  # link words between the noun and the name
            if n and (i - n < 0 or W.key(i - n, i) not in L.links):
                continue
            for m in (1, 2):  # the noun's words
                x = i - n - m
                if x >= 0 and W.key(x, i - n) in nouns and W.joined(x, i + 1) and fits(x):
                    return x
        return None

    def _street(self, i: int, j: int) -> tuple[int, int] | None:
        """The word span of a street whose name words i..j-1 are: after a street noun, maybe with a
        link word ("rue de Rome", "boulevard Sébastopol", "вулиця Харківська", "calle de Toledo"),
        or before a capitalised street word ("Kyiv Street", "Moscow Road"). A place's name there names
        the street, not the place."""
        W, L = self.words, self.L
        x = self._noun_before(i, L.street_nouns)
        if x is not None:
            return x, j
        if j < W.n and W.folded[j] in L.street_suffixes and W.capitalised(j) and W.joined(j - 1, j + 1):
            return i, j + 1
        return None

    def _generic_name(self, text: str) -> bool:
        """A name opened by a lower-case generic word ("mont Maudit", "lac Léman")."""
        first, _, rest = text.partition(" ")
        return kbnames.fold(first) in self.L.place_generics and rest[:1].isupper()

    def _after_title(self, i: int) -> bool:
        W = self.words
        for n in (1, 2, 3):
            if i - n >= 0 and W.key(i - n, i) in self.L.titles and W.joined(i - n, i + 1):
                return True
        return False
