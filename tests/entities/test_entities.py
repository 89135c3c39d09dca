"""The entity stage (`dateline.entities.v3`): linking to the knowledge base, one entity per identity.

Four fixture reports (`tests/fixtures/articles/entities/`, listed in its README) run through the real
extractor, each checked against a table of what it must contain, then short sentences for one rule at
a time. Every report is dated 12 June 2025 unless a case says otherwise (a surname alone links only
in documents from the person's time in the news).

QIDs are asserted only where `kb/curated/*.yaml` holds one; a KB entry without one (the Kremlin,
Zaporizhzhia...) must come out with `wikidata: null` and is recognised by its canonical name.
Cases marked xfail(strict=True) are engine bugs found while writing these tests: the reason says
what was observed. They turn into failures once fixed, so the mark can be dropped then.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import spacy

import dateline
from dateline.config import Options
from dateline.document import Document, Entity
from dateline.entities import NAME
from dateline.ingest import from_text

from ..conftest import ARTICLES

FIXTURE_DIR = ARTICLES / "entities"
PUB = dt.date(2025, 6, 12)
FIXTURES = ("en_summit.txt", "de_frontline.txt", "fr_diplomatie.txt", "en_mt_damage.txt")
HAS_EN_MODEL = any(spacy.util.is_package(m) for m in ("en_core_web_md", "en_core_web_sm"))
HAS_FR_MODEL = any(spacy.util.is_package(m) for m in ("fr_core_news_md", "fr_core_news_sm"))


def process(extractor: dateline.Extractor, text: str, lang: str, published: dt.date | None = PUB) -> Document:
    return extractor.pipeline(from_text(text, Options(lang=lang, published=published)))


@pytest.fixture(scope="module")
def docs(extractor) -> dict[str, Document]:
    return {name: process(extractor, (FIXTURE_DIR / name).read_text(encoding="utf-8"), name[:2])
            for name in FIXTURES}


@pytest.fixture(scope="module")
def run(extractor):
    def go(text: str, lang: str, published: dt.date | None = PUB) -> Document:
        return process(extractor, text, lang, published)

    return go


# ---- helpers ----

def show(doc: Document) -> list[tuple]:
    """What the stage found, compactly, for assertion messages."""
    return [(e.name, e.kind, e.wikidata, e.country, [(m.span.text, m.form, m.stands_for) for m in e.mentions])
            for e in doc.entities]


def holders(doc: Document, surface: str) -> list[Entity]:
    """The entities with a mention written exactly `surface`."""
    return [e for e in doc.entities if any(m.span.text == surface for m in e.mentions)]


def entity_of(doc: Document, *surfaces: str) -> Entity:
    """The one entity holding every mention in `surfaces` (all spellings of one identity)."""
    missing = [s for s in surfaces if not holders(doc, s)]
    assert not missing, f"no mention written {missing}; found {show(doc)}"
    found = {e.id: e for s in surfaces for e in holders(doc, s)}
    assert len(found) == 1, (f"{surfaces} are split over several entities: "
                             f"{[(e.name, e.wikidata, [m.span.text for m in e.mentions]) for e in found.values()]}")
    return next(iter(found.values()))


def mentions(doc: Document, surface: str):
    return [m for e in doc.entities for m in e.mentions if m.span.text == surface]


def fx(name: str, *rest, marks=()):
    """A case about fixture `name`, with an id naming the fixture and the first mention."""
    first = rest[0][0] if isinstance(rest[0], tuple) else rest[0]
    return pytest.param(name, *rest, marks=marks, id=f"{name[:-4]}:{first}")


# ---- 1. the fixture reports ----

# (fixture, mentions that are all one entity, canonical name, kind, QID or None where the KB has none, country)
LINKED = [
    # en_summit: heads of state, ministers, capitals, bodies, agencies, Cyrillic in a quote
    fx("en_summit.txt", ("Istanbul", "ISTANBUL"), "Istanbul", "place", "Q406", "TR"),
    fx("en_summit.txt", ("Reuters",), "Reuters", "organisation", "Q130879", "GB"),
    fx("en_summit.txt", ("TASS",), "TASS", "organisation", "Q223799", "RU"),
    fx("en_summit.txt", ("Moscow",), "Moscow", "place", "Q649", "RU"),
    fx("en_summit.txt", ("Kyiv",), "Kyiv", "place", "Q1899", "UA"),
    fx("en_summit.txt", ("Washington",), "Washington, D.C.", "place", "Q61", "US"),
    fx("en_summit.txt", ("Brussels",), "Brussels", "place", "Q239", "BE"),
    fx("en_summit.txt", ("Kharkiv",), "Kharkiv", "place", "Q42308", "UA"),
    fx("en_summit.txt", ("Odesa",), "Odesa", "place", "Q1874", "UA"),
    fx("en_summit.txt", ("Kursk region",), "Kursk Oblast", "place", None, "RU"),
    fx("en_summit.txt", ("Russia", "Russian"), "Russia", "country", "Q159", "RU"),
    fx("en_summit.txt", ("Ukraine", "Ukrainian"), "Ukraine", "country", "Q212", "UA"),
    fx("en_summit.txt", ("US",), "United States", "country", "Q30", "US"),
    fx("en_summit.txt", ("South Korea",), "South Korea", "country", "Q884", "KR"),
    fx("en_summit.txt", ("North Korean",), "North Korea", "country", "Q423", "KP"),
    fx("en_summit.txt", ("Turkish",), "Turkey", "country", "Q43", "TR"),
    fx("en_summit.txt", ("Volodymyr Zelensky", "Zelensky", "Зеленський"), "Volodymyr Zelensky", "person",
       "Q3874799", "UA"),
    fx("en_summit.txt", ("Vladimir Putin", "Putin", "Путіним"), "Vladimir Putin", "person", "Q7747", "RU"),
    fx("en_summit.txt", ("Sergei Lavrov", "Lavrov"), "Sergey Lavrov", "person", "Q58217", "RU"),
    fx("en_summit.txt", ("Marco Rubio", "Rubio"), "Marco Rubio", "person", "Q324546", "US"),
    fx("en_summit.txt", ("Donald Trump",), "Donald Trump", "person", "Q22686", "US"),
    fx("en_summit.txt", ("Recep Tayyip Erdogan",), "Recep Tayyip Erdoğan", "person", "Q39259", "TR"),
    fx("en_summit.txt", ("António Guterres",), "António Guterres", "person", "Q311440", None),
    fx("en_summit.txt", ("Mark Rutte",), "Mark Rutte", "person", "Q57792", None),
    fx("en_summit.txt", ("UN",), "United Nations", "organisation", "Q1065", None),
    fx("en_summit.txt", ("NATO",), "NATO", "organisation", "Q7184", None),
    fx("en_summit.txt", ("Kremlin",), "Kremlin", "place", None, "RU"),
    fx("en_summit.txt", ("White House",), "White House", "place", "Q35525", "US"),
    # de_frontline: German spellings, genitive, model-less
    fx("de_frontline.txt", ("Saporischschja", "SAPORISCHSCHJA"), "Zaporizhzhia", "place", None, "UA"),
    fx("de_frontline.txt", ("Wolodymyr Selenskyj", "Selenskyj"), "Volodymyr Zelensky", "person", "Q3874799", "UA"),
    fx("de_frontline.txt", ("Russlands", "russischen", "russische"), "Russia", "country", "Q159", "RU"),
    fx("de_frontline.txt", ("ukrainischen",), "Ukraine", "country", "Q212", "UA"),
    fx("de_frontline.txt", ("Charkiw",), "Kharkiv", "place", "Q42308", "UA"),
    fx("de_frontline.txt", ("Cherson",), "Kherson", "place", None, "UA"),
    fx("de_frontline.txt", ("Pokrowsk",), "Pokrovsk", "place", None, "UA"),
    fx("de_frontline.txt", ("Gebiet Donezk",), "Donetsk Oblast", "place", None, "UA"),
    fx("de_frontline.txt", ("Gebiet Kursk",), "Kursk Oblast", "place", None, "RU"),
    fx("de_frontline.txt", ("Kiew",), "Kyiv", "place", "Q1899", "UA"),
    fx("de_frontline.txt", ("Moskau",), "Moscow", "place", "Q649", "RU"),
    fx("de_frontline.txt", ("Kreml",), "Kremlin", "place", None, "RU"),
    fx("de_frontline.txt", ("Nordkorea",), "North Korea", "country", "Q423", "KP"),
    fx("de_frontline.txt", ("Sergej Lawrow",), "Sergey Lavrov", "person", "Q58217", "RU"),
    fx("de_frontline.txt", ("Friedrich Merz",), "Friedrich Merz", "person", "Q566257", "DE"),
    fx("de_frontline.txt", ("Istanbul",), "Istanbul", "place", "Q406", "TR"),
    fx("de_frontline.txt", ("Berlin",), "Berlin", "place", "Q64", "DE"),
    fx("de_frontline.txt", ("Deutschland",), "Germany", "country", "Q183", "DE"),
    fx("de_frontline.txt", ("Bundesregierung",), "Federal Government of Germany", "organisation", "Q313827", "DE"),
    fx("de_frontline.txt", ("Washington",), "Washington, D.C.", "place", "Q61", "US"),
    fx("de_frontline.txt", ("NATO",), "NATO", "organisation", "Q7184", None),
    fx("de_frontline.txt", ("Vereinten Nationen",), "United Nations", "organisation", "Q1065", None),
    fx("de_frontline.txt", ("dpa",), "Deutsche Presse-Agentur", "organisation", "Q312653", "DE"),
    # fr_diplomatie: French spellings, seats of power, capitals as actors
    fx("fr_diplomatie.txt", ("Paris", "PARIS"), "Paris", "place", "Q90", "FR"),
    fx("fr_diplomatie.txt", ("Berlin",), "Berlin", "place", "Q64", "DE"),
    fx("fr_diplomatie.txt", ("Moscou",), "Moscow", "place", "Q649", "RU"),
    fx("fr_diplomatie.txt", ("Kiev", "Kyiv"), "Kyiv", "place", "Q1899", "UA"),
    fx("fr_diplomatie.txt", ("Odessa",), "Odesa", "place", "Q1874", "UA"),
    fx("fr_diplomatie.txt", ("Bruxelles",), "Brussels", "place", "Q239", "BE"),
    fx("fr_diplomatie.txt", ("La Haye",), "The Hague", "place", "Q36600", "NL"),
    fx("fr_diplomatie.txt", ("Washington",), "Washington, D.C.", "place", "Q61", "US"),
    fx("fr_diplomatie.txt", ("Pokrovsk",), "Pokrovsk", "place", None, "UA"),
    fx("fr_diplomatie.txt", ("région de Donetsk",), "Donetsk Oblast", "place", None, "UA"),
    fx("fr_diplomatie.txt", ("Élysée",), "Élysée Palace", "place", None, "FR"),
    fx("fr_diplomatie.txt", ("Kremlin",), "Kremlin", "place", None, "RU"),
    fx("fr_diplomatie.txt", ("Russie", "russe"), "Russia", "country", "Q159", "RU"),
    fx("fr_diplomatie.txt", ("Ukraine", "ukrainiennes"), "Ukraine", "country", "Q212", "UA"),
    fx("fr_diplomatie.txt", ("France", "français"), "France", "country", "Q142", "FR"),
    fx("fr_diplomatie.txt", ("allemand",), "Germany", "country", "Q183", "DE"),
    fx("fr_diplomatie.txt", ("turc",), "Turkey", "country", "Q43", "TR"),
    fx("fr_diplomatie.txt", ("Emmanuel Macron",), "Emmanuel Macron", "person", "Q3052772", "FR"),
    fx("fr_diplomatie.txt", ("Friedrich Merz",), "Friedrich Merz", "person", "Q566257", "DE"),
    fx("fr_diplomatie.txt", ("Sergueï Lavrov",), "Sergey Lavrov", "person", "Q58217", "RU"),
    fx("fr_diplomatie.txt", ("Vladimir Poutine",), "Vladimir Putin", "person", "Q7747", "RU"),
    fx("fr_diplomatie.txt", ("Recep Tayyip Erdogan",), "Recep Tayyip Erdoğan", "person", "Q39259", "TR"),
    fx("fr_diplomatie.txt", ("Volodymyr Zelensky",), "Volodymyr Zelensky", "person", "Q3874799", "UA"),
    fx("fr_diplomatie.txt", ("AFP",), "Agence France-Presse", "organisation", "Q40464", "FR"),
    fx("fr_diplomatie.txt", ("agence TASS",), "TASS", "organisation", "Q223799", "RU"),
    fx("fr_diplomatie.txt", ("Union européenne",), "European Union", "organisation", "Q458", None),
    fx("fr_diplomatie.txt", ("OTAN",), "NATO", "organisation", "Q7184", None),
    # en_mt_damage: German romanisations left in English
    fx("en_mt_damage.txt", ("Zelensky", "Wolodymyr Selenskyj", "Selenskyj"), "Volodymyr Zelensky", "person",
       "Q3874799", "UA"),
    fx("en_mt_damage.txt", ("Charkiw", "CHARKIW"), "Kharkiv", "place", "Q42308", "UA"),
    fx("en_mt_damage.txt", ("Sergej Schoigu",), "Sergei Shoigu", "person", "Q32024", "RU"),
    fx("en_mt_damage.txt", ("Sergej Lawrow",), "Sergey Lavrov", "person", "Q58217", "RU"),
    fx("en_mt_damage.txt", ("Kim Jong-un",), "Kim Jong Un", "person", "Q56226", "KP"),
    fx("en_mt_damage.txt", ("Pjöngjang",), "Pyongyang", "place", "Q18808", "KP"),
    fx("en_mt_damage.txt", ("Saporischschja",), "Zaporizhzhia", "place", None, "UA"),
    fx("en_mt_damage.txt", ("Cherson",), "Kherson", "place", None, "UA"),
    fx("en_mt_damage.txt", ("Pokrowsk",), "Pokrovsk", "place", None, "UA"),
    fx("en_mt_damage.txt", ("Kyjiw",), "Kyiv", "place", "Q1899", "UA"),
    fx("en_mt_damage.txt", ("Moscow",), "Moscow", "place", "Q649", "RU"),
    fx("en_mt_damage.txt", ("Washington",), "Washington, D.C.", "place", "Q61", "US"),
    fx("en_mt_damage.txt", ("Brussels",), "Brussels", "place", "Q239", "BE"),
    fx("en_mt_damage.txt", ("Kremlin",), "Kremlin", "place", None, "RU"),
    fx("en_mt_damage.txt", ("Russian",), "Russia", "country", "Q159", "RU"),
    fx("en_mt_damage.txt", ("Ukrainian",), "Ukraine", "country", "Q212", "UA"),
]

# Rough boxes (lat_min, lat_max, lon_min, lon_max) for the countries most places here are in.
BOXES = {"UA": (44, 53, 22, 41), "RU": (41, 82, 19, 180), "FR": (41, 52, -5, 10), "DE": (47, 55, 5, 16),
         "US": (18, 72, -180, -65), "KP": (37, 43, 124, 131), "TR": (35, 43, 25, 45), "BE": (49, 52, 2, 7),
         "NL": (50, 54, 3, 8), "KR": (33, 39, 124, 132)}


@pytest.mark.parametrize("fixture, surfaces, name, kind, qid, country", LINKED)
def test_fixture_entity(docs, fixture, surfaces, name, kind, qid, country):
    doc = docs[fixture]
    e = entity_of(doc, *surfaces)
    assert (e.name, e.kind, e.wikidata, e.country) == (name, kind, qid, country), show(doc)
    if kind in ("place", "country"):
        assert e.lat is not None and e.lon is not None, e
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        if country in BOXES:
            la, lb, oa, ob = BOXES[country]
            assert la <= e.lat <= lb and oa <= e.lon <= ob, (e.name, e.lat, e.lon)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fixture_has_every_spelling_in_one_entity(docs, fixture):
    """Exactly one entity per identity: no QID twice, no KB name twice."""
    doc = docs[fixture]
    qids = Counter(e.wikidata for e in doc.entities if e.wikidata)
    assert [q for q, n in qids.items() if n > 1] == [], show(doc)
    names = Counter((e.name, e.kind) for e in doc.entities)
    assert [k for k, n in names.items() if n > 1] == [], show(doc)


def _allowed_qids(fixture: str) -> set[str]:
    return {p.values[4] for p in LINKED if p.values[0] == fixture and p.values[4]}


@pytest.mark.parametrize("fixture", [
    pytest.param("en_summit.txt"),
    *[f for f in FIXTURES if f != "en_summit.txt"],
])
def test_fixture_has_no_unexpected_qid(docs, fixture):
    """Every QID the stage gives is one the table expects: a name it cannot place stays null, never
    a guess (this is where a wrong link shows up)."""
    doc = docs[fixture]
    allowed = _allowed_qids(fixture)
    wrong = [(e.name, e.wikidata, [m.span.text for m in e.mentions]) for e in doc.entities
             if e.wikidata and e.wikidata not in allowed]
    assert wrong == []


# (fixture, demonym as written, the country's ISO, its QID)
DEMONYMS = [
    fx("en_summit.txt", "Russian", "RU", "Q159"),
    fx("en_summit.txt", "Ukrainian", "UA", "Q212"),
    fx("en_summit.txt", "Turkish", "TR", "Q43"),
    fx("en_summit.txt", "North Korean", "KP", "Q423"),
    fx("de_frontline.txt", "Russischer", "RU", "Q159"),
    fx("de_frontline.txt", "russischen", "RU", "Q159"),
    fx("de_frontline.txt", "ukrainischen", "UA", "Q212"),
    fx("fr_diplomatie.txt", "russe", "RU", "Q159"),
    fx("fr_diplomatie.txt", "ukrainiennes", "UA", "Q212"),
    fx("fr_diplomatie.txt", "français", "FR", "Q142"),
    fx("fr_diplomatie.txt", "turc", "TR", "Q43"),
    fx("en_mt_damage.txt", "Ukrainian", "UA", "Q212"),
]


@pytest.mark.parametrize("fixture, surface, iso, qid", DEMONYMS)
def test_fixture_demonym(docs, fixture, surface, iso, qid):
    doc = docs[fixture]
    e = entity_of(doc, surface)
    assert (e.kind, e.country, e.wikidata) == ("country", iso, qid)
    assert {m.form for m in e.mentions if m.span.text == surface} == {"demonym"}


# (fixture, description(s) as written (one entity), ISO, canonical name, QID)
DESCRIPTIONS = [
    fx("en_summit.txt", ("Ukraine's military",), "UA", "Armed Forces of Ukraine", None),
    fx("en_summit.txt", ("Russian army",), "RU", "Russian Armed Forces", None),
    fx("en_summit.txt", ("South Korea's intelligence service",), "KR", "National Intelligence Service (South Korea)", None),
    fx("de_frontline.txt", ("Russlands Armee", "russische Armee"), "RU", "Russian Armed Forces", None),
    fx("de_frontline.txt", ("ukrainischen Streitkräfte",), "UA", "Armed Forces of Ukraine", None),
    fx("fr_diplomatie.txt", ("armée russe",), "RU", "Russian Armed Forces", None),
    fx("fr_diplomatie.txt", ("forces ukrainiennes",), "UA", "Armed Forces of Ukraine", None),
    fx("en_mt_damage.txt", ("Russian army",), "RU", "Russian Armed Forces", None),
    fx("en_mt_damage.txt", ("Ukrainian armed forces",), "UA", "Armed Forces of Ukraine", None),
]


@pytest.mark.parametrize("fixture, surfaces, iso, name, qid", DESCRIPTIONS)
def test_fixture_description(docs, fixture, surfaces, iso, name, qid):
    doc = docs[fixture]
    e = entity_of(doc, *surfaces)
    assert (e.kind, e.country, e.name, e.wikidata) == ("organisation", iso, name, qid)
    assert {m.form for m in e.mentions} == {"description"}


# (fixture, seat of power as written, the state it stands for)
SEATS = [
    fx("en_summit.txt", "Kremlin", "RU"),
    fx("en_summit.txt", "White House", "US"),
    fx("de_frontline.txt", "Kreml", "RU"),
    fx("fr_diplomatie.txt", "Kremlin", "RU"),
    fx("fr_diplomatie.txt", "Élysée", "FR"),
    fx("en_mt_damage.txt", "Kremlin", "RU"),
]


@pytest.mark.parametrize("fixture, surface, iso", SEATS)
def test_fixture_seat_of_power_stands_for_its_state(docs, fixture, surface, iso):
    found = mentions(docs[fixture], surface)
    assert found, show(docs[fixture])
    assert {m.stands_for for m in found} == {iso}, show(docs[fixture])


@pytest.mark.skipif(not HAS_FR_MODEL, reason="a capital stands for its state only where a parser exists")
def test_fixture_capital_as_subject_stands_for_its_state(docs):
    """"Moscou a rejeté l'ultimatum" (a subject) stands for Russia; "pressent Moscou" (an object) does not."""
    doc = docs["fr_diplomatie.txt"]
    by_start = {m.span.start: m for m in mentions(doc, "Moscou")}
    subject = doc.text.index("Moscou a rejeté")
    obj = doc.text.index("pressent Moscou") + len("pressent ")
    assert by_start[subject].stands_for == "RU"
    assert by_start[obj].stands_for is None


# (fixture, person's name as written, the KB's name for them or None): a name the KB does not hold
# is one entity under that name; a person it holds without a confirmed QID is its identity, under
# its name. Both keep wikidata null.
@pytest.mark.parametrize("fixture, surface, kb_name", [
    fx("de_frontline.txt", "Iwan Fedorow", None),
    fx("fr_diplomatie.txt", "Jean-Noël Barrot", "Jean-Noël Barrot"),
    fx("en_mt_damage.txt", "Dmitri Peskow", "Dmitry Peskov"), fx("en_summit.txt", "Andrii Sybiha", "Andrii Sybiha"),
    fx("de_frontline.txt", "Dmitri Peskow", "Dmitry Peskov"),
])
def test_fixture_person_without_qid(docs, fixture, surface, kb_name):
    e = entity_of(docs[fixture], surface)
    assert (e.kind, e.wikidata, e.lat) == ("person", None, None), show(docs[fixture])
    assert e.name == (kb_name or surface)


def test_fixture_ambiguous_place_is_not_guessed(docs):
    """"Pokrovsk" is also a former name of Engels (RU, bigger); with nothing in en_summit to tell them
    apart it may stay unlinked, but it must not become Engels."""
    e = entity_of(docs["en_summit.txt"], "Pokrovsk")
    assert e.name == "Pokrovsk" and e.wikidata is None
    assert e.country in (None, "UA")


@pytest.mark.xfail(strict=True, reason="'in Cherson am Dnipro' (on the river) links to the city of Dnipro: "
                                       "the curated city outscores the river Dnieper (Q40855), nothing reads 'am'")
def test_fixture_river_is_not_the_city(docs):
    e = entity_of(docs["de_frontline.txt"], "Dnipro")
    assert e.type != "city", (e.name, e.type, e.lat)


def test_fixture_pronoun_us_is_not_a_country(docs):
    assert mentions(docs["en_summit.txt"], "us") == []  # "Nobody has given us a reason"
    assert len(mentions(docs["en_summit.txt"], "US")) == 1  # "US President Donald Trump"


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fixture_spans_and_records(docs, fixture):
    doc = docs[fixture]
    assert doc.entities, f"{fixture}: no entities"
    assert len({e.id for e in doc.entities}) == len(doc.entities)
    names = []
    for e in doc.entities:
        assert e.stage == NAME and e.mentions and e.kind in ("person", "organisation", "country", "place")
        assert e.wikidata is None or (e.wikidata.startswith("Q") and e.wikidata[1:].isdigit())
        for m in e.mentions:
            s = m.span
            assert doc.text[s.start:s.end] == s.text, (e.name, s)
            assert s.text and s.text == s.text.strip(), (e.name, s)
            assert m.stage == NAME and m.form in ("name", "demonym", "description")
            assert m.stands_for is None or (len(m.stands_for) == 2 and m.stands_for.isupper())
            if m.form == "name":
                names.append((s.start, s.end, s.text))
    names.sort()
    overlaps = [(a, b) for a, b in zip(names, names[1:]) if b[0] < a[1]]
    assert overlaps == [], "two name mentions overlap"


# ---- 2. one rule at a time ----

# (lang, text, published, mention as written, QID or (name, country) of the entity it must belong to)
LINKS = [
    # acronyms must be written in capitals
    pytest.param("en", "The US said on Monday that sanctions would stay.", PUB, "US", "Q30", id="acronym-US"),
    # in a headline in capitals, case says nothing: an acronym that is also a common word ("US" = "us")
    # is not linked there, one that is not ("UK") is
    pytest.param("en", "US AND UK OFFICIALS MEET IN GENEVA", PUB, "UK", "Q145", id="acronym-UK-headline"),
    pytest.param("fr", "Un accord a été trouvé avec un partenaire de l'ONU.", PUB, "ONU", "Q1065", id="acronym-ONU"),
    # a surname alone: only the distinctive ones, only in their time
    pytest.param("en", "Zelensky said on Monday that talks would continue.", PUB, "Zelensky", "Q3874799",
                 id="surname-Zelensky"),
    pytest.param("en", "Shoigu said the army was ready.", PUB, "Shoigu", "Q32024", id="surname-Shoigu"),
    pytest.param("en", "Vance said on Monday that talks would continue.", PUB, "Vance", "Q28935729",
                 id="surname-Vance-2025"),
    pytest.param("en", "Lavrov met Rubio in Riyadh.", PUB, "Lavrov", "Q58217", id="surname-Lavrov"),
    # a distinctive surname against a GeoNames town of the same name (Rubio, VE)
    pytest.param("en", "Lavrov met Rubio in Riyadh.", PUB, "Rubio", "Q324546", id="surname-Rubio"),
    # a country name inside a longer name is not the country; alone it is
    pytest.param("en", "King Abdullah said Jordan would not open its border.", PUB, "Jordan", "Q810",
                 id="Jordan-country"),
    # a common word that is a town: a place where the context says so
    pytest.param("en", "Floods hit Reading, a town in Berkshire west of London, on Monday.", PUB, "Reading",
                 ("Reading", "GB"), id="Reading-in-context"),
    pytest.param("en", "Reading is a large town west of London.", PUB, "Reading", ("Reading", "GB"),
                 id="Reading-sentence-start-in-context",
                 marks=pytest.mark.xfail(not HAS_EN_MODEL, strict=True, reason=(
                     "without an English NER model a sentence-initial common word is never a place, "
                     "whatever follows"))),
    # German genitive -s
    pytest.param("de", "Russlands Präsident sprach in Moskau.", PUB, "Russlands", "Q159", id="genitive-Russlands"),
    pytest.param("de", "Die Regierung Kiews lehnte den Vorschlag ab.", PUB, "Kiews", "Q1899", id="genitive-Kiews"),
    pytest.param("de", "Frankreichs Präsident reiste nach Kiew.", PUB, "Frankreichs", "Q142",
                 id="genitive-Frankreichs"),
    # a country's name in an old text names the state of its time; a year no listed state covers: no QID
    pytest.param("de", "Russland und Frankreich schlossen ein Bündnis.", dt.date(1894, 1, 4), "Russland",
                 "Q34266", id="Russland-in-1894-the-Russian-Empire"),
    pytest.param("de", "Russland und Frankreich schlossen ein Bündnis.", dt.date(1894, 1, 4), "Frankreich",
                 "Q142", id="Frankreich-in-1894-still-France"),
    pytest.param("fr", "L'Allemagne a signé le traité avec l'Italie.", dt.date(1925, 10, 16), "Allemagne",
                 "Q41304", id="Allemagne-in-1925-the-Weimar-Republic"),
    pytest.param("de", "Russland und Frankreich schlossen ein Bündnis.", dt.date(1919, 6, 1), "Russland",
                 None, id="Russland-in-1919-no-state-listed"),
    pytest.param("en", "Russia and France signed a new agreement.", PUB, "Russia", "Q159", id="Russia-today"),
    # a name the parser read across an OCR line break is the whole name, not a piece of a compound
    pytest.param("fr", "Les relations entre la France et l'Alle¬magne sont tendues.", PUB, "Alle¬magne", "Q183",
                 id="line-break-sign-inside-a-name-the-parser-found",
                 marks=pytest.mark.skipif(not HAS_FR_MODEL, reason="needs the French pipeline's NER")),
    # the United Kingdom's nations are places of their own, not the state
    pytest.param("en", "England beat Scotland in the opening match.", PUB, "Scotland", "Q22", id="Scotland"),
    pytest.param("fr", "Le Premier ministre s'est rendu en Irlande du Nord.", PUB, "Irlande du Nord", "Q26",
                 id="fr-Irlande-du-Nord"),
    pytest.param("de", "In Schottland und Wales wird gewählt.", PUB, "Wales", "Q25", id="de-Wales"),
    # umlauts written out, as ASCII and old type do; the state of the text's time also through them
    pytest.param("de", "Die Delegation reiste nach Oesterreich weiter.", PUB, "Oesterreich", "Q40",
                 id="Oesterreich-spelt-out"),
    pytest.param("de", "Die Delegation reiste nach Oesterreich weiter.", dt.date(1900, 3, 1), "Oesterreich",
                 "Q28513", id="Oesterreich-in-1900-Austria-Hungary"),
    pytest.param("en", "The talks moved from Zuerich to Duesseldorf.", PUB, "Duesseldorf", "Q1718",
                 id="Duesseldorf-spelt-out"),
    # Cyrillic
    pytest.param("ru", "Путин заявил, что Россия готова к переговорам с Украиной.", PUB, "Путин", "Q7747",
                 id="ru-Putin"),
    pytest.param("ru", "Путин заявил, что Россия готова к переговорам с Украиной.", PUB, "Россия", "Q159",
                 id="ru-Russia"),
    # an inflected form the KB's aliases do not list, through the language's case endings
    pytest.param("ru", "Путин заявил, что Россия готова к переговорам с Украиной.", PUB, "Украиной", "Q212",
                 id="ru-Ukraine-instrumental"),
    pytest.param("ru", "Делегация встретилась с Москвой и Минском.", PUB, "Москвой", "Q649", id="ru-Moscow-instrumental"),
    # a two-word name whose first word's stem is short ("нов-"): the second word keeps it specific
    pytest.param("ru", "Премьер-министр Новой Зеландии прибыл в Канберру.", PUB, "Новой Зеландии", "Q664",
                 id="ru-New-Zealand-genitive"),
    pytest.param("ru", "Выборы прошли в Шотландии и Германии.", PUB, "Шотландии", "Q22", id="ru-iya-name-prepositional"),
    pytest.param("ru", "Выборы прошли в Шотландии и Германии.", PUB, "Германии", "Q183", id="ru-Germany-prepositional"),
    pytest.param("uk", "Вибори пройшли в Шотландії та Франції.", PUB, "Шотландії", "Q22", id="uk-iya-name-locative"),
    pytest.param("uk", "Зеленський провів переговори з Францією.", PUB, "Францією", "Q142",
                 id="uk-France-instrumental"),
    pytest.param("ru", "Владимир Путин и Сергей Лавров прибыли в Минск.", PUB, "Сергей Лавров", "Q58217",
                 id="ru-Lavrov"),
    pytest.param("ru", "Владимир Путин и Сергей Лавров прибыли в Минск.", PUB, "Минск", "Q2280", id="ru-Minsk"),
    pytest.param("uk", "Зеленський заявив, що Київ не визнає окупацію Криму.", PUB, "Зеленський", "Q3874799",
                 id="uk-Zelensky"),
    pytest.param("uk", "Зеленський заявив, що Київ не визнає окупацію Криму.", PUB, "Київ", "Q1899",
                 id="uk-Kyiv"),
    # descriptions that the KB has an organisation for
    pytest.param("en", "Russia's government said the sanctions were illegal.", PUB, "Russia's government",
                 "Q1140115", id="description-kb-government"),
    pytest.param("de", "Die russische Regierung wies die Vorwürfe zurück.", PUB, "russische Regierung",
                 "Q1140115", id="description-kb-Regierung"),
    pytest.param("en", "The US defense department confirmed the deployment.", PUB, "US defense department",
                 "Q11209", id="description-kb-Pentagon"),
    # seats of power
    pytest.param("de", "Das Weiße Haus bestätigte den Besuch.", PUB, "Weiße Haus", "Q35525", id="seat-Weisse-Haus"),
    pytest.param("en", "The White House said on Monday that talks would continue.", PUB, "White House", "Q35525",
                 id="seat-White-House"),
    pytest.param("fr", "La Maison-Blanche a confirmé la visite.", PUB, "Maison-Blanche", "Q35525",
                 id="seat-Maison-Blanche"),
    pytest.param("de", "Laut dpa wurde die Stadt beschossen.", PUB, "dpa", "Q312653", id="agency-dpa",
                 ),
    pytest.param("de", "Laut DPA wurde die Stadt beschossen.", PUB, "DPA", "Q312653", id="agency-DPA"),
    # a lone surname after the full name is that person
    pytest.param("en", "Putin met Kim Jong Un in Pyongyang on Wednesday, and Kim praised the alliance.", PUB,
                 "Kim", "Q56226", id="coref-Kim-mid-sentence"),
    pytest.param("en", "Putin met Kim Jong Un in Pyongyang. Kim said the alliance was strong.", PUB,
                 "Kim", "Q56226", id="coref-Kim-sentence-start", marks=pytest.mark.xfail(strict=True, reason=(
                     "a lone 'Kim' starting a sentence is dropped before coreference (the GeoNames place "
                     "'Kim' is ruled out at a sentence start, and without NER nothing else proposes it)"))),
    pytest.param("fr", "Vladimir Poutine a rencontré Kim Jong-un à Pyongyang. Kim a salué une alliance solide.", PUB,
                 "Kim", "Q56226", id="coref-Kim-fr"),
    pytest.param("fr", "Le ministre Pierre Vasseur est arrivé à Kyiv. Selon Vasseur, la rencontre a été utile.", PUB,
                 "Vasseur", ("Pierre Vasseur", None), id="coref-unknown-person-fr"),
    pytest.param("fr", "Le ministre Pierre Vasseur est arrivé à Kyiv, où M. Vasseur a rencontré son homologue.",
                 PUB, "M. Vasseur", ("Pierre Vasseur", None), id="coref-title-and-surname-fr"),
    pytest.param("en", "Foreign minister Oksana Levchuk said the talks had failed. Levchuk added that Kyiv would "
                 "wait.", PUB, "Levchuk", ("Oksana Levchuk", None), id="coref-unknown-person-en",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "a lone surname of an unknown person is never a candidate without NER, so it is not "
                     "grouped with 'Oksana Levchuk' (which is found, after the lower-case title)"))),
    # a person named in full is themselves a few years before the office the KB knows them by
    pytest.param("en", "Sanae Takaichi said Japan was watching closely.", dt.date(2024, 10, 14), "Sanae Takaichi",
                 "Q1705028", id="full-name-before-the-office"),
    pytest.param("en", "Sanae Takaichi said Japan was watching closely.", dt.date(1985, 10, 14), "Sanae Takaichi",
                 None, id="full-name-long-before-the-office"),
    # titles make an unknown name a person
    pytest.param("en", "The talks failed, foreign minister Oksana Levchuk said.", PUB, "Oksana Levchuk",
                 ("Oksana Levchuk", None), id="title-lowercase-en"),
    pytest.param("en", "Ukrainian Foreign Minister Oksana Levchuk said the talks had failed.", PUB, "Oksana Levchuk",
                 ("Oksana Levchuk", None), id="title-capitalised-en"),
    pytest.param("de", "Das teilte der Gouverneur Iwan Fedorow mit.", PUB, "Iwan Fedorow",
                 ("Iwan Fedorow", None), id="title-de"),
]


@pytest.mark.parametrize("lang, text, published, surface, expected", LINKS)
def test_links(run, lang, text, published, surface, expected):
    doc = run(text, lang, published)
    e = entity_of(doc, surface)
    if isinstance(expected, tuple):
        assert (e.name, e.country) == expected, show(doc)
    else:
        assert e.wikidata == expected, show(doc)


# (lang, text, published, the QID no entity may carry, a surface that must not be a mention at all)
NOT_LINKED = [
    pytest.param("en", "Give us a chance, the mayor told reporters.", PUB, "Q30", "us", id="acronym-us-pronoun"),
    pytest.param("en", "Let us be clear: nobody wants this war.", PUB, "Q30", "us", id="acronym-us-let-us"),
    pytest.param("fr", "UN ACCORD AU SOMMET DE PARIS", PUB, "Q1065", "UN", id="acronym-UN-word-in-capitals"),
    pytest.param("fr", "Radio-Paris a diffusé le discours.", PUB, "Q90", "Paris", id="hyphenated-name-Radio-Paris"),
    pytest.param("fr", "L'Autriche-Hongrie déclara la guerre à la Serbie.", PUB, "Q28", "Hongrie",
                 id="hyphenated-compound-Autriche-Hongrie"),
    pytest.param("fr", "Le concert sera retransmis par Saint-Ouen-de-Paris ce soir.", PUB, "Q90", "Paris",
                 id="hyphenated-through-a-link-word"),
    pytest.param("de", "Der Eilzug Brünn=Wien traf verspätet ein.", PUB, "Q1741", "Wien",
                 id="OCR-double-hyphen-Bruenn-Wien"),
    pytest.param("de", "Die Provinz Heſſen⸗ Naſſau meldet gute Ernten.", PUB, "Q2467", "Naſſau",
                 id="Fraktur-hyphen-at-a-line-end"),
    pytest.param("fr", "Les concerts de Limo--ges ont repris hier soir.", PUB, "Q2868", "Limo",
                 id="OCR-word-broken-across-lines"),
    pytest.param("de", "Der Obmann Bern¬hard Kandl eröffnete die Sitzung.", PUB, "Q70", "Bern",
                 id="OCR-line-break-sign-inside-a-first-name"),
    pytest.param("de", "Gezeichnet: J. Wien, Bürgermeister der Gemeinde.", PUB, "Q1741", None,
                 id="surname-after-an-initial"),
    pytest.param("fr", "Derrière lui marchaient Marcel et Maurice Nuss, en lunettes noires.", PUB, "Q1027", None,
                 id="first-name-inside-a-person-the-parser-found",
                 marks=pytest.mark.skipif(not HAS_FR_MODEL, reason="needs the French pipeline's NER")),
    pytest.param("fr", "Un accord a été trouvé avec un partenaire de l'ONU.", PUB, None, "Un", id="acronym-Un-article"),
    pytest.param("en", "Harris said on Monday that talks would continue.", PUB, "Q10853588", None,
                 id="surname-Harris-not-distinctive"),
    pytest.param("en", "May said on Monday that talks would continue.", PUB, "Q264766", None,
                 id="surname-May-not-distinctive"),
    pytest.param("en", "Kim said the talks would resume.", PUB, "Q56226", None, id="surname-Kim-not-distinctive"),
    pytest.param("en", "Vance said on Monday that talks would continue.", dt.date(2015, 6, 12), "Q28935729", None,
                 id="surname-Vance-before-his-time"),
    pytest.param("en", "Putin said he was ready.", dt.date(1995, 6, 12), "Q7747", None,
                 id="surname-Putin-before-his-time"),
    pytest.param("en", "Jordan Peterson said the lecture in Toronto was sold out.", PUB, "Q810", "Jordan",
                 id="Jordan-Peterson"),
    pytest.param("en", "Reading the statement aloud, the spokesman paused.", PUB, None, "Reading",
                 id="Reading-verb-at-sentence-start"),
    pytest.param("en", "We bought a turkey and some china.", PUB, "Q43", "turkey", id="lowercase-common-nouns"),
    pytest.param("fr", "Au bout de trois jours, les secours ont fouillé les décombres.", PUB, "Q7159", "Au",
                 id="acronym-Au-preposition-at-sentence-start"),
    pytest.param("fr", "Elle a dit : « Un cessez-le-feu est possible. »", PUB, "Q1065", "Un",
                 id="acronym-Un-after-a-quote-mark"),
    pytest.param("fr", "La Banque de France a relevé ses prévisions pour l'économie.", PUB, "Q142", None,
                 id="place-inside-a-bank-name"),
    pytest.param("en", "The Bank of England held rates, traders in Leeds said.", PUB, None, "England",
                 id="place-inside-Bank-of-England"),
    pytest.param("de", "Als die Bewohner die Türen öffneten, schlugen Flammen heraus.", PUB, "Q495", "Türen",
                 id="German-common-noun-Tueren-not-Turin"),
    pytest.param("de", "Auch in diesem Bericht wird Manches verschwiegen.", PUB, "Q34640", "Manches",
                 id="German-pronoun-Manches-not-a-genitive"),
    pytest.param("de", "Im Flur hingen ein Spiegel und zwei Bilder.", PUB, "Q131478", "Spiegel",
                 id="German-noun-Spiegel-not-the-magazine"),
    pytest.param("en", "Talks in Northern Ireland resumed on Monday.", PUB, "Q27", None,
                 id="Northern-Ireland-is-not-Ireland"),
    pytest.param("en", "Storms hit New England and New South Wales overnight.", PUB, "Q21", "England",
                 id="New-England-is-not-England"),
    pytest.param("en", "Storms hit New England and New South Wales overnight.", PUB, "Q25", "Wales",
                 id="New-South-Wales-is-not-Wales"),
    pytest.param("ru", "Новая Шотландия: полиция Новой Шотландии сообщила о погибших.", PUB, "Q22", None,
                 id="ru-Nova-Scotia-is-not-Scotland"),
]


@pytest.mark.parametrize("lang, text, published, qid, surface", NOT_LINKED)
def test_does_not_link(run, lang, text, published, qid, surface):
    doc = run(text, lang, published)
    if qid:
        assert [e for e in doc.entities if e.wikidata == qid] == [], show(doc)
    if surface:
        assert mentions(doc, surface) == [], show(doc)


def test_person_name_containing_a_place_is_not_the_place(run):
    """"Paris Hilton arrived in Paris": only the second "Paris" is the city."""
    text = "Paris Hilton arrived in Paris on Monday."
    doc = run(text, "en")
    e = entity_of(doc, "Paris")
    assert e.wikidata == "Q90"
    assert [m.span.start for m in e.mentions] == [text.rindex("Paris")]


@pytest.mark.parametrize("lang, text, place, qid", [
    pytest.param("de", "Die Regierung von Spanien hat den Botschafter einbestellt.", "Spanien", "Q29",
                 id="German-common-noun-before-von"),
    pytest.param("fr", "Le président de la France a reçu son homologue.", "France", "Q142", id="title-before-de"),
    pytest.param("en", "The President of Ukraine spoke to reporters in Kyiv.", "Ukraine", "Q212", id="title-before-of"),
])
def test_place_after_a_common_noun_or_title_is_still_the_place(run, lang, text, place, qid):
    """Only a name before the link word ("Banque de France") makes the place part of a longer name."""
    assert entity_of(run(text, lang), place).wikidata == qid


@pytest.mark.parametrize("lang, text, place, person", [
    # a title, then what it is of, then the holder: the place keeps its name, the run after it is the person
    pytest.param("ru", "Об этом сообщил губернатор Омской области Пётр Соколов.", "Омской области", "Пётр Соколов",
                 id="ru-governor-of-oblast-name"),
    pytest.param("ru", "Об этом сообщила губернатор Забайкальского края Анна Белова.", "Забайкальского края",
                 "Анна Белова", id="ru-governor-of-krai-genitive"),
    pytest.param("de", "Das sagte der Außenminister Frankreichs Jean-Luc Morel am Montag.", "Frankreichs",
                 "Jean-Luc Morel", id="de-minister-of-country-genitive"),
    pytest.param("de", "Der Präsident Frankreichs Emmanuel Macron reiste am Montag nach Kiew.", "Frankreichs",
                 "Emmanuel Macron", id="de-country-genitive-before-a-known-person"),
])
def test_title_of_a_place_then_its_holder(run, lang, text, place, person):
    doc = run(text, lang)
    assert entity_of(doc, place).kind in ("place", "country"), show(doc)
    assert entity_of(doc, person).kind == "person", show(doc)


@pytest.mark.parametrize("lang, text, surfaces, name, qid", [
    # people the curated list holds beyond the seed's story: one identity across spellings and languages
    pytest.param("en", "Egypt's President Abdel Fattah al-Sisi met Sudan's army chief in Cairo. Sisi's office "
                 "said el-Sisi would host talks.", ("Abdel Fattah al-Sisi", "el-Sisi"), "Abdel Fattah el-Sisi",
                 "Q307871", id="en-Sisi-spellings"),
    pytest.param("de", "Der ägyptische Präsident Abdel Fattah al-Sisi empfing Bundeskanzler Merz. As-Sisi sagte, "
                 "die Gespräche seien gut gewesen.", ("Abdel Fattah al-Sisi", "As-Sisi"), "Abdel Fattah el-Sisi",
                 "Q307871", id="de-Sisi"),
    pytest.param("ru", "Песков заявил, что Кремль не будет комментировать слова, приписываемые Пескову.",
                 ("Песков", "Пескову"), "Dmitry Peskov", None, id="ru-Peskov-cases-no-qid"),
    pytest.param("fr", "Le général Abdel Fattah al-Burhane a rencontré à Port-Soudan le chef de l'ONU.",
                 ("Abdel Fattah al-Burhane",), "Abdel Fattah al-Burhan", "Q63111184", id="fr-Burhan"),
])
def test_curated_people_across_languages(run, lang, text, surfaces, name, qid):
    doc = run(text, lang)
    e = entity_of(doc, *surfaces)
    assert (e.kind, e.name, e.wikidata) == ("person", name, qid), show(doc)


@pytest.mark.parametrize("lang, text, institution, country", [
    # a state institution's name that holds its country's: the institution, and the country named in it
    pytest.param("en", "The talks were confirmed by Russia's Foreign Ministry on Monday.", "Russia's Foreign Ministry",
                 "Russia", id="en-possessive-name"),
    pytest.param("de", "Die Streitkräfte der Ukraine meldeten am Morgen neue Angriffe.", "Streitkräfte der Ukraine",
                 "Ukraine", id="de-genitive-name"),
    pytest.param("de", "Die russische Armee griff am Morgen an.", "russische Armee", "russische", id="de-demonym-name"),
])
def test_institution_named_with_its_country(run, lang, text, institution, country):
    doc = run(text, lang)
    org, state = entity_of(doc, institution), entity_of(doc, country)
    assert (org.kind, state.kind, org.country) == ("organisation", "country", state.country), show(doc)
    spans = [(m.span.start, m.span.end) for e in doc.entities for m in e.mentions]
    assert len(spans) == len(set(spans)), show(doc)  # no span read twice


@pytest.mark.parametrize("lang, text, person", [
    pytest.param("ru", "Глава МИД Андрей Ковальчук ответил журналистам.", "Андрей Ковальчук", id="ru-acronym"),
    pytest.param("uk", "Про це повідомив голова Полтавської ОВА Петро Гнатюк.", "Петро Гнатюк",
                 id="uk-adjective-and-acronym"),
    pytest.param("ru", "Об этом сообщил губернатор региона Игорь Лебедев.", "Игорь Лебедев", id="ru-title-of-a-region"),
])
def test_what_a_title_heads_is_not_the_person(run, lang, text, person):
    doc = run(text, lang)
    assert [e.name for e in doc.entities if e.kind == "person"] == [person], show(doc)


@pytest.mark.parametrize("lang, text, regions", [
    pytest.param("ru", "Тревога объявлена в Белгородской, Курской и Брянской областях.",
                 {"Белгородской": "Belgorod Oblast", "Курской": "Kursk Oblast", "Брянской областях": "Bryansk Oblast"},
                 id="ru-three-adjectives-one-noun"),
    pytest.param("uk", "Вибухи пролунали у Харківській та Сумській областях.",
                 {"Харківській": "Kharkiv Oblast", "Сумській областях": "Sumy Oblast"}, id="uk-two-adjectives-one-noun"),
])
def test_adjectives_sharing_a_regions_noun(run, lang, text, regions):
    doc = run(text, lang)
    for surface, name in regions.items():
        assert (entity_of(doc, surface).name, entity_of(doc, surface).type) == (name, "region"), show(doc)


def test_a_place_name_inside_a_title_is_no_place(run):
    """"la Défense" in "le ministre de la Défense" is the ministry's field, not La Défense, Paris."""
    text = "Le ministre de la Défense a reçu son homologue à Paris, non loin de La Défense."
    doc = run(text, "fr")
    places = [m.span.start for e in doc.entities if e.kind == "place" for m in e.mentions]
    assert text.index("de la Défense") + 3 not in places, show(doc)
    assert text.rindex("La Défense") in places, show(doc)


@pytest.mark.parametrize("lang, text, place", [
    pytest.param("es", "La opositora recibió el Premio Nobel de la Paz en Oslo.", "la Paz", id="es-Nobel-de-la-Paz"),
])
def test_a_place_inside_a_longer_name_is_no_place(run, lang, text, place):
    doc = run(text, lang)
    assert [e.name for e in doc.entities if e.kind == "place" and
            any(m.span.text == place for m in e.mentions)] == [], show(doc)


@pytest.mark.parametrize("lang, text, street, city", [
    pytest.param("fr", "Une voiture a explosé devant le 14, rue de Rome, à Lyon, mardi soir.", "rue de Rome", "Lyon",
                 id="fr-rue-de"),
    pytest.param("fr", "Les manifestants ont remonté le boulevard Sébastopol jusqu'à la gare, à Paris.",
                 "boulevard Sébastopol", "Paris", id="fr-boulevard"),
    pytest.param("en", "The drone hit an apartment block on Kyiv Street in Lviv overnight.", "Kyiv Street", "Lviv",
                 id="en-street-after"),
    pytest.param("uk", "Уламки впали на вулиці Київській у Харкові.", "вулиці Київській", "Харкові",
                 id="uk-inflected-noun"),
    pytest.param("ru", "Снаряд попал в дом на проспекте Москвы в Курске.", "проспекте Москвы", "Курске",
                 id="ru-genitive-name"),
    pytest.param("es", "La protesta avanzó por la avenida Kiev hasta el centro de Madrid.", "avenida Kiev", "Madrid",
                 id="es-avenida"),
    pytest.param("es", "Miles de personas se concentraron en la Plaza de España de Sevilla.", "Plaza de España",
                 "Sevilla", id="es-capitalised-plaza"),
])
def test_a_place_name_in_a_street_name_is_the_street(run, lang, text, street, city):
    """"rue de Rome" is a street of Lyon, not Rome: the street is a place of its own, with no QID;
    the city the sentence names beside it is still linked."""
    doc = run(text, lang)
    e = entity_of(doc, street)
    assert (e.kind, e.wikidata, [m.span.text for m in e.mentions]) == ("place", None, [street]), show(doc)
    assert entity_of(doc, city).wikidata is not None, show(doc)
    named = street.split()[-1]
    assert not [x for x in doc.entities if x is not e and any(m.span.text == named for m in x.mentions)], show(doc)


@pytest.mark.parametrize("lang, text, surface, name", [
    # cases no alias lists: a nominative ending in what is elsewhere a case ending (Russian -ов), a
    # Ukrainian last syllable whose і/ї alternates (Харків -> у Харкові, Київ -> з Києва)
    pytest.param("ru", "Ночью в Харькове снова прогремели взрывы.", "Харькове", "Kharkiv", id="ru-kharkov-locative"),
    pytest.param("uk", "Ночі у Харкові знову пролунали вибухи.", "Харкові", "Kharkiv", id="uk-kharkiv-locative"),
    pytest.param("uk", "Поїзд зі Львова прибув до столиці із запізненням.", "Львова", "Lviv", id="uk-lviv-genitive"),
    pytest.param("uk", "Делегація виїхала з Києва вранці.", "Києва", "Kyiv", id="uk-kyiv-genitive"),
    pytest.param("uk", "Бої тривають в Авдіївці та біля неї.", "Авдіївці", "Avdiivka", id="uk-k-to-ts"),
    pytest.param("uk", "Обстріли не вщухають у Часовому Яру.", "Часовому Яру", "Chasiv Yar", id="uk-two-words"),
    pytest.param("ru", "Обстрелы не стихают в Часовом Яре.", "Часовом Яре", "Chasiv Yar", id="ru-two-words"),
    # a short name that declines: a three-letter stem, inside a sentence
    pytest.param("ru", "Переговоры о перемирии прошли в Риме.", "Риме", "Rome", id="ru-short-stem"),
    pytest.param("uk", "Удари по Газі тривають третій тиждень.", "Газі", "Gaza City", id="uk-short-stem"),
    pytest.param("uk", "Президент прибув до Бучі вранці.", "Бучі", "Bucha", id="uk-short-stem-2"),
    # a capitalised word opening the next sentence is not part of the name ("Днепру. Взрывы")
    pytest.param("ru", "Удар пришёлся по Днепру. Взрывы прогремели и в Курске.", "Днепру", "Dnipro",
                 id="ru-before-a-sentence"),
])
def test_inflected_city_names(run, lang, text, surface, name):
    doc = run(text, lang)
    assert entity_of(doc, surface).name == name, show(doc)


def test_a_short_stem_opening_a_sentence_is_a_word(run):
    """"Газ" opening a sentence is the word "gas", though "в Газе" (mid-sentence) is Gaza; "Малой"
    is an adjective, and Mali ("Мали", which does not decline) has no short stem."""
    doc = run("Газ подорожал на треть. В Малой Вишере открыли школу.", "ru")
    assert [e.name for e in doc.entities if e.name in ("Gaza City", "Mali")] == [], show(doc)


@pytest.mark.skipif(not HAS_FR_MODEL, reason="needs the French pipeline's NER and tagger")
def test_a_frequent_name_the_parser_calls_proper_is_kept(run):
    """wordfreq counts names as words ("Hitler", "Staline" are as frequent as common nouns): a
    one-word NER name the tagger calls a proper noun stays a person; a capitalised common noun
    opening a headline ("Renforcement") does not become one."""
    doc = run("Les manifestants brandissaient des portraits de Hitler et de Staline, a rapporté la police. "
              "Renforcement des contrôles à la frontière.", "fr")
    assert {"Hitler", "Staline"} <= {e.name for e in doc.entities if e.kind == "person"}, show(doc)
    assert not [e for e in doc.entities if e.name == "Renforcement"], show(doc)


def test_a_particle_before_a_known_name_is_no_person(run):
    """German "der" joins a name only inside it ("von der Leyen"), not after a title before a known
    organisation ("Generalsekretär der Hisbollah")."""
    doc = run("Der Generalsekretär der Hisbollah, Karim Haddad, sprach am Abend.", "de")
    assert [e.name for e in doc.entities if e.kind == "person"] == [], show(doc)
    assert entity_of(doc, "Hisbollah").kind == "organisation"


def test_unknown_surname_is_not_fuzzy_matched_to_a_town(run):
    """"Peskov" is one letter from "Pleskov" (an alias of Pskov): a person, not the city."""
    doc = run("Peskov said the Kremlin would not comment.", "en")
    assert [e.name for e in doc.entities if e.kind == "place" and e.name != "Kremlin"] == [], show(doc)


def test_spellings_of_one_person_are_one_entity(run):
    doc = run("Shoigu, Schoigu and Choïgou are one man; so are Selenskyj, Zelenskyy and Зеленський.", "en")
    assert entity_of(doc, "Shoigu", "Schoigu", "Choïgou").wikidata == "Q32024"
    assert entity_of(doc, "Selenskyj", "Zelenskyy", "Зеленський").wikidata == "Q3874799"
    assert len(doc.entities) == 2, show(doc)


@pytest.mark.parametrize("lang, text, surface, city", [
    ("fr", "Des explosions ont secoué la capitale ukrainienne dans la nuit.", "capitale ukrainienne", "Kyiv"),
    ("fr", "Ils ont été arrêtés dans la capitale de la Russie.", "capitale de la Russie", "Moscow"),
    ("en", "Drones struck the Ukrainian capital overnight.", "Ukrainian capital", "Kyiv"),
    ("de", "Die Explosion erschütterte die ukrainische Hauptstadt.", "ukrainische Hauptstadt", "Kyiv"),
])
def test_a_countrys_capital_described_is_that_city(run, lang, text, surface, city):
    doc = run(text, lang)
    (e,) = holders(doc, surface)
    assert (e.name, e.kind) == (city, "place"), show(doc)


def test_seat_of_power_stands_for_without_a_parser(run):
    doc = run("The Kremlin rejected the plan. Kremlin officials said Moscow would answer.", "en")
    kremlin = entity_of(doc, "Kremlin")
    assert [m.stands_for for m in kremlin.mentions] == ["RU", "RU"]
    doc = run("Das Weiße Haus bestätigte den Besuch.", "de")
    assert [m.stands_for for m in mentions(doc, "Weiße Haus")] == ["US"]


@pytest.mark.skipif(not HAS_FR_MODEL, reason="a capital stands for its state only where a parser exists")
@pytest.mark.parametrize("text, stands_for", [
    pytest.param("Moscou a annoncé lundi la fin des discussions.", "RU", id="subject"),
    pytest.param("Il est arrivé à Moscou lundi pour deux jours.", None, id="place-of-arrival"),
])
def test_capital_stands_for_its_state_only_as_subject(run, text, stands_for):
    doc = run(text, "fr")
    assert [m.stands_for for m in mentions(doc, "Moscou")] == [stands_for]


@pytest.fixture(scope="module")
def modelless() -> dateline.Extractor:
    return dateline.Extractor(Options(use_models=False))


@pytest.mark.parametrize("lang, text, expected", [
    pytest.param("de", "Selenskyj traf Bundeskanzler Merz in Berlin, danach reiste er nach Paris.",
                 {"Selenskyj": "Q3874799", "Merz": "Q566257", "Berlin": "Q64", "Paris": "Q90"}, id="de"),
    pytest.param("fr", "Le président Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée. Macron a promis des "
                 "missiles à Kyiv.", {"Emmanuel Macron": "Q3052772", "Macron": "Q3052772",
                                      "Volodymyr Zelensky": "Q3874799", "Kyiv": "Q1899"}, id="fr-without-its-model"),
])
def test_without_a_model_the_kb_still_links(modelless, lang, text, expected):
    doc = process(modelless, text, lang)
    assert not doc.nlp_doc.has_annotation("ENT_IOB")  # no NER ran
    for surface, qid in expected.items():
        assert entity_of(doc, surface).wikidata == qid, show(doc)
    assert len({entity_of(doc, s).id for s in expected}) == len(set(expected.values()))


# ---- places the knowledge base does not hold, named by the words around them ----

@pytest.mark.parametrize("lang, text, surface", [
    pytest.param("en", "A landslide buried part of the mountain village of Dzhirgatal on Sunday.", "Dzhirgatal", id="en"),
    pytest.param("en", "Ferries to the island of Ikaria were cancelled.", "Ikaria", id="en-island"),
    pytest.param("de", "Auf der Insel Ikaria fielen alle Fähren aus.", "Ikaria", id="de"),
    pytest.param("fr", "Trois alpinistes ont disparu au mont Aiguille samedi.", "mont Aiguille", id="fr-generic"),
])
def test_a_place_noun_names_an_unknown_place(modelless, lang, text, surface):
    doc = process(modelless, text, lang)
    (e,) = holders(doc, surface)
    assert (e.kind, e.wikidata) == ("place", None), show(doc)


def test_a_capitalised_word_without_a_place_noun_stays_unnamed(modelless):
    doc = process(modelless, "The report said Dzhirgatal had changed.", "en")
    assert not holders(doc, "Dzhirgatal"), show(doc)


@pytest.mark.parametrize("lang, text, surface", [
    pytest.param("fr", "Une avalanche a emporté deux skieurs dans les Alpes suisses.", "Alpes suisses", id="fr"),
    pytest.param("en", "Two skiers died in the Italian Alps on Sunday.", "Italian Alps", id="en"),
    pytest.param("de", "In den Französischen Alpen starben zwei Bergsteiger.", "Französischen Alpen", id="de"),
])
def test_a_region_with_a_country_adjective_is_one_name(run, lang, text, surface):
    doc = run(text, lang)
    assert entity_of(doc, surface).wikidata == "Q1286"


def test_a_country_adjective_after_a_city_stays_the_country(run):
    doc = run("Le maire de Lyon français a parlé.", "fr")
    assert holders(doc, "français") and holders(doc, "Lyon"), show(doc)


@pytest.mark.parametrize("lang, text, surface, separate", [
    pytest.param("en", "An earthquake struck Surigao del Norte on Sunday.", "Surigao del Norte", None, id="en-del"),
    pytest.param("fr", "La visite à Moscou de Narendra Modi a commencé.", "Moscou", "Narendra Modi", id="fr-de-links"),
])
def test_a_known_place_opening_a_longer_name(modelless, lang, text, surface, separate):
    doc = process(modelless, text, lang)
    (e,) = holders(doc, surface)
    assert e.kind == "place", show(doc)
    if separate is None:
        assert e.wikidata is None  # the longer name is not the known place
    else:
        assert e.wikidata == "Q649" and holders(doc, separate), show(doc)


@pytest.mark.parametrize("lang, text, surface, name", [
    pytest.param("ru", "Пожар произошёл в Забайкальском крае, сообщили спасатели.", "Забайкальском крае",
                 "Zabaykalsky Krai", id="ru-krai-prepositional"),
    pytest.param("ru", "Беспилотник упал в Свердловской области.", "Свердловской области", "Sverdlovsk Oblast",
                 id="ru-oblast-prepositional"),
    pytest.param("uk", "Вибухи пролунали в Курській області.", "Курській області", "Kursk Oblast",
                 id="uk-oblast-locative"),
    pytest.param("en", "Flooding hit the Republic of Tatarstan and Primorsky Krai.", "Primorsky Krai",
                 "Primorsky Krai", id="en-krai"),
])
def test_a_russian_region_in_any_case_is_the_region(run, lang, text, surface, name):
    e = entity_of(run(text, lang), surface)
    assert (e.name, e.kind, e.country) == (name, "place", "RU")
    assert e.lat is not None and e.wikidata is None  # a region whose QID the KB does not assert


@pytest.mark.skipif(not HAS_FR_MODEL, reason="needs the French pipeline's NER, which names the word")
def test_a_word_a_translation_left_untranslated_is_no_name(run):
    doc = run("Selon le ministère, la Corée du Nord a livré 220 Haubitzen automotrices de 170 mm à la Russie.", "fr")
    assert any(ev.span.text == "Haubitzen" and ev.lang == "de" for ev in doc.translation.evidence)
    assert not holders(doc, "Haubitzen"), show(doc)
    assert entity_of(doc, "Corée du Nord").wikidata == "Q423"


@pytest.mark.skipif(not HAS_FR_MODEL, reason="needs the French pipeline's NER")
def test_a_rare_foreign_name_left_by_a_translation_stays_a_name(run):
    doc = run("Les troupes russes ont pris le village de Wowtschansk, a annoncé le ministère à Moscou.", "fr")
    assert holders(doc, "Wowtschansk"), show(doc)
