"""The quantities stage: number, qualifier, unit, measure, counted noun, increment, as spans."""

from __future__ import annotations

import re
import time
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import DEFAULT_STAGES, Options
from dateline.document import Document
from dateline.normalize.numbers import lexicon
from dateline.normalize.quantities import NAME, make_quantities
from dateline.pipeline import Context

STAGE = make_quantities(Context(Options()))


def quantities(text: str, lang: str | None):
    doc = STAGE(Document(id="t", raw=text, text=text, lang=lang))
    for q in doc.quantities:
        assert doc.text[q.span.start:q.span.end] == q.span.text
        assert q.stage == NAME
    return doc.quantities


def only(text: str, lang: str):
    found = quantities(text, lang)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


def check(q, expected: dict):
    for key, want in expected.items():
        got = q.span.text if key == "span" else getattr(q, key)
        if isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)):
            assert got == pytest.approx(want), (key, got, want)
        else:
            assert got == want, (key, got, want)


# (text, expected fields of its one quantity)
FR = [
    ("La Russie a envoyé au moins 3 000 soldats supplémentaires.",
     dict(span="au moins 3 000 soldats supplémentaires", value=3000, low=3000, qualifier="at_least",
          measure="troops", item="soldats", increment=True)),
    ("Les pertes s'élèvent à environ 4 000 tués ou blessés.",
     dict(span="environ 4 000 tués ou blessés", value=4000, qualifier="about", measure="casualties")),
    ("Au moins neuf personnes blessées ont été hospitalisées.",
     dict(value=9, qualifier="at_least", measure="injured", item="personnes")),
    ("Au moins neuf personnes ont été blessées dans la frappe.",
     dict(value=9, qualifier="at_least", measure="injured")),
    ("Des milliers de conteneurs attendent au port.",
     dict(span="Des milliers de conteneurs", value=None, low=2000, high=10000, qualifier="vague",
          item="conteneurs")),
    ("Environ 400 soldats sont tombés.", dict(value=400, qualifier="about", measure="killed")),
    ("L'armée a perdu 3\u00a0000 hommes.", dict(value=3000, measure="troops", item="hommes")),
    ("L'armée a perdu 3\u202f000 hommes.", dict(value=3000, measure="troops")),
    ("Kiev a reçu 11 000 obus.", dict(value=11000, measure="munitions", item="obus")),
    ("Kiev a reçu 3.000 obus.", dict(value=3000, measure="munitions")),
    ("Le pays a promis 5 milliards d'euros.",
     dict(span="5 milliards d'euros", value=5e9, unit="EUR", measure="money")),
    ("Une aide de 1,5 million de dollars.",
     dict(span="1,5 million de dollars", value=1.5e6, unit="USD", measure="money")),
    ("Un prêt de 300 millions d’euros.", dict(value=3e8, unit="EUR", measure="money")),
    ("Ils ont avancé de 40 kilomètres.", dict(value=40, unit="km", measure="distance")),
    ("La ligne est à 12 km du front.", dict(value=12, unit="km", measure="distance")),
    ("Un cessez-le-feu de 30 jours.", dict(value=30, unit="day", measure="duration")),
    ("Il a été condamné à trois ans de prison.", dict(value=3, unit="year", measure="duration")),
    ("Des obus de 155 mm.", dict(value=155, unit="mm", measure="calibre", item=None)),
    ("Le chômage atteint 12 %.", dict(value=12, unit="%", measure="other")),
    ("Le chômage atteint 7,5 pour cent.", dict(value=7.5, unit="%")),
    ("Près de 2 000 civils ont fui.", dict(value=2000, qualifier="about", measure="displaced")),
    ("Quelque 500 soldats.", dict(value=500, qualifier="about", measure="troops")),
    ("Plus de 10 000 réfugiés.", dict(value=10000, qualifier="more_than", low=10000, measure="displaced")),
    ("Plus d'un million de réfugiés.", dict(value=1e6, qualifier="more_than", measure="displaced")),
    ("Moins de 50 soldats.", dict(value=50, qualifier="less_than", high=50)),
    ("Jusqu'à 200 drones.", dict(value=200, qualifier="at_most", high=200, measure="weapons")),
    ("Jusqu’à 200 drones.", dict(value=200, qualifier="at_most")),
    ("Entre 1 000 et 3 000 soldats.",
     dict(span="Entre 1 000 et 3 000 soldats", value=None, low=1000, high=3000, qualifier="range",
          measure="troops")),
    ("De 5 à 10 chars.", dict(low=5, high=10, qualifier="range", measure="weapons")),
    ("Entre 2 et 3 millions de personnes.", dict(low=2e6, high=3e6, qualifier="range", measure="people")),
    ("Une centaine de soldats.", dict(value=100, qualifier="about", measure="troops")),
    ("Une vingtaine de morts.", dict(value=20, qualifier="about", measure="killed")),
    ("Trois mille soldats.", dict(value=3000, qualifier="exact", measure="troops")),
    ("Vingt et un morts.", dict(value=21, measure="killed")),
    ("Douze prisonniers ont été libérés.", dict(value=12, measure="captured")),
    ("Cinquante disparus.", dict(value=50, measure="missing")),
    ("Des centaines de drones.", dict(low=200, high=1000, qualifier="vague", measure="weapons")),
    ("Des dizaines de milliers de personnes.", dict(low=20000, high=100000, qualifier="vague",
                                                      measure="people")),
    ("Plusieurs centaines de soldats.", dict(qualifier="vague", measure="troops")),
    ("Pas moins de 40 missiles.", dict(value=40, qualifier="at_least", measure="weapons")),
    ("Encore 2 000 soldats.", dict(value=2000, increment=True)),
    ("200 chars de plus.", dict(value=200, increment=True, measure="weapons")),
    ("Kiev a reçu 50 obusiers.", dict(value=50, measure="weapons", increment=False)),
    ("4 000 morts et blessés.", dict(value=4000, measure="casualties")),
    ("Ils ont capturé 300 hommes.", dict(value=300, measure="troops")),
    ("Une aide de 2 milliards de dollars.", dict(value=2e9, unit="USD")),
    ("Un budget de 50 millions de roubles.", dict(value=5e7, unit="RUB")),
    ("Le bilan est de 12 morts.", dict(value=12, measure="killed")),
    ("Environ 30 % des obus.", dict(value=30, unit="%", measure="other")),
    ("Deux mille vingt-quatre soldats.", dict(value=2024, measure="troops")),
    ("En 2022, 300 soldats.", dict(value=300, measure="troops")),
    ("2024 soldats sont morts.", dict(value=2024, measure="killed")),
    ("Pendant 48 heures.", dict(value=48, unit="hour", measure="duration")),
    ("Environ 220 obusiers.", dict(value=220, qualifier="about", measure="weapons", item="obusiers")),
]

EN = [
    ("Russia sent 3,000 more troops.", dict(span="3,000 more troops", value=3000, measure="troops",
                                             increment=True, item="troops")),
    ("At least 12 people were killed.", dict(value=12, qualifier="at_least", measure="killed",
                                              item="people")),
    ("Some 3,000 soldiers.", dict(value=3000, qualifier="about", measure="troops")),
    ("About 400 civilians were injured.", dict(value=400, qualifier="about", measure="injured")),
    ("Around 50 tanks.", dict(value=50, qualifier="about", measure="weapons")),
    ("Roughly 1,500 troops.", dict(value=1500, qualifier="about")),
    ("Nearly 2,000 people fled.", dict(value=2000, qualifier="about", measure="displaced")),
    ("More than 10,000 refugees.", dict(value=10000, qualifier="more_than", measure="displaced")),
    ("Over 200 drones.", dict(value=200, qualifier="more_than", measure="weapons")),
    ("Fewer than 100 soldiers.", dict(value=100, qualifier="less_than", high=100)),
    ("Up to 5,000 troops.", dict(value=5000, qualifier="at_most", high=5000)),
    ("Between 200 and 300 people were killed.", dict(low=200, high=300, qualifier="range",
                                                     measure="killed", value=None)),
    ("1,000-3,000 civilians.", dict(low=1000, high=3000, qualifier="range", measure="people")),
    ("5 to 10 miles away.", dict(low=5, high=10, qualifier="range", unit="mi", measure="distance")),
    ("The US approved $1.5 billion in aid.", dict(span="$1.5 billion", value=1.5e9, unit="USD",
                                                   measure="money")),
    ("A $5m grant.", dict(span="$5m", value=5e6, unit="USD")),
    ("€2bn of loans.", dict(value=2e9, unit="EUR")),
    ("£300 million.", dict(value=3e8, unit="GBP")),
    ("500 million dollars.", dict(value=5e8, unit="USD")),
    ("Dozens of drones.", dict(low=24, high=144, qualifier="vague", measure="weapons", value=None)),
    ("Thousands of people fled.", dict(qualifier="vague", low=2000, high=10000, measure="displaced")),
    ("Hundreds of soldiers.", dict(qualifier="vague", measure="troops")),
    ("Tens of thousands of troops.", dict(qualifier="vague", low=20000, high=100000)),
    ("Two dozen tanks.", dict(value=24, measure="weapons")),
    ("A dozen missiles.", dict(value=12, measure="weapons")),
    ("Nine people were injured.", dict(value=9, measure="injured")),
    ("Twelve hostages.", dict(value=12, measure="captured")),
    ("Three thousand troops.", dict(value=3000, measure="troops")),
    ("One hundred and six prisoners.", dict(value=106, measure="captured")),
    ("Forty-five civilians.", dict(value=45, measure="people")),
    ("An additional 2,000 troops.", dict(value=2000, increment=True)),
    ("Another 500 soldiers.", dict(value=500, increment=True)),
    ("3,000 additional troops.", dict(value=3000, increment=True)),
    ("155 mm shells.", dict(value=155, unit="mm", measure="calibre")),
    ("A 40-day truce.", dict(value=40)),
    ("They advanced 40 kilometres.", dict(value=40, unit="km", measure="distance")),
    ("A 30 km zone.", dict(value=30, unit="km")),
    ("For 30 days.", dict(value=30, unit="day", measure="duration")),
    ("After three years.", dict(value=3, unit="year", measure="duration")),
    ("Inflation hit 12%.", dict(value=12, unit="%", measure="other")),
    ("Inflation hit 7.5 percent.", dict(value=7.5, unit="%")),
    ("20 killed or wounded.", dict(value=20, measure="casualties")),
    ("100 dead and wounded.", dict(value=100, measure="casualties")),
    ("50 missing.", dict(value=50, measure="missing")),
    ("At least 5,000 Russian soldiers.", dict(value=5000, measure="troops", item="soldiers")),
    ("1.2 million refugees.", dict(value=1.2e6, measure="displaced")),
    ("In 2022, 300 soldiers.", dict(value=300, measure="troops")),
    ("2,000 rounds of ammunition.", dict(value=2000, measure="munitions")),
    ("100k rounds.", dict(value=100000, measure="munitions")),
]

DE = [
    ("Rund 3.000 weitere Soldaten.", dict(span="Rund 3.000 weitere Soldaten", value=3000,
                                         qualifier="about", measure="troops", increment=True)),
    ("Zwölf Menschen wurden getötet.", dict(value=12, measure="killed")),
    ("Mindestens zwölf Menschen wurden verletzt.", dict(value=12, qualifier="at_least",
                                                        measure="injured")),
    ("Etwa 500 Zivilisten.", dict(value=500, qualifier="about", measure="people")),
    ("Knapp 2.000 Soldaten.", dict(value=2000, qualifier="about")),
    ("Mehr als 10.000 Flüchtlinge.", dict(value=10000, qualifier="more_than", measure="displaced")),
    ("Über 1,5 Millionen Flüchtlinge.", dict(value=1.5e6, qualifier="more_than")),
    ("Weniger als 50 Soldaten.", dict(value=50, qualifier="less_than")),
    ("Bis zu 200 Drohnen.", dict(value=200, qualifier="at_most", measure="weapons")),
    ("Zwischen 5 und 10 Kilometer.", dict(low=5, high=10, qualifier="range", unit="km")),
    ("3 bis 5 Panzer.", dict(low=3, high=5, qualifier="range", measure="weapons")),
    ("Hunderte Zivilisten.", dict(low=200, high=1000, qualifier="vague", measure="people")),
    ("Tausende Menschen flohen.", dict(qualifier="vague", measure="displaced")),
    ("Zehntausende Soldaten.", dict(qualifier="vague", low=20000)),
    ("Dutzende Drohnen.", dict(qualifier="vague", measure="weapons")),
    ("Mindestens 2 Mrd. Euro.", dict(value=2e9, unit="EUR", measure="money", qualifier="at_least")),
    ("5 Milliarden Euro.", dict(value=5e9, unit="EUR")),
    ("300 Millionen Dollar.", dict(value=3e8, unit="USD")),
    ("Dreitausend Soldaten.", dict(value=3000, measure="troops")),
    ("Einundzwanzig Tote.", dict(value=21, measure="killed")),
    ("Zwei Dutzend Panzer.", dict(value=24, measure="weapons")),
    ("40 Kilometer.", dict(value=40, unit="km", measure="distance")),
    ("Für 30 Tage.", dict(value=30, unit="day", measure="duration")),
    ("Drei Jahre.", dict(value=3, unit="year", measure="duration")),
    ("12 Prozent.", dict(value=12, unit="%")),
    ("Haubitzen vom Kaliber 155 mm.", dict(value=155, unit="mm", measure="calibre")),
    ("Weitere 3.000 Soldaten.", dict(value=3000, increment=True)),
    ("3.000 zusätzliche Soldaten.", dict(value=3000, increment=True)),
    ("20 Tote oder Verletzte.", dict(value=20, measure="casualties")),
    ("50 Vermisste.", dict(value=50, measure="missing")),
    ("300 Gefangene.", dict(value=300, measure="captured")),
    ("11.000 Granaten.", dict(value=11000, measure="munitions")),
    ("Eine Million Menschen.", dict(value=1e6, measure="people")),
    ("Zwei Leopard-2 Panzer.", dict(value=2, measure="weapons", item="panzer")),
]


# The state of the people counted comes from the words before the number or from the clause's verb
# further on; the span stays the count's own words.
STATES = [
    ("fr", "Un glissement de terrain a causé la mort de sept personnes dans la vallée.",
     dict(span="sept personnes", value=7, measure="killed", item="personnes")),
    ("fr", "La frappe a touché un marché, tuant au moins douze civils.",
     dict(value=12, qualifier="at_least", measure="killed")),
    ("fr", "Trois touristes allemands partis du refuge samedi ont été retrouvés blessés.",
     dict(span="Trois touristes", value=3, measure="injured")),
    ("fr", "Deux touristes belges soupçonnés de trafic ont été interpellés à la frontière.",
     dict(span="Deux touristes", value=2, measure="captured")),
    # only people are killed, arrested or missing: "arrêtés" of reactors is no arrest
    ("fr", "Trois réacteurs nucléaires de la centrale ont été arrêtés.", dict(value=3, measure="other")),
    ("fr", "Six alpinistes sont toujours recherchés par les secours.", dict(value=6, measure="missing")),
    ("en", "A bus plunged into a ravine, killing 14 passengers.", dict(value=14, measure="killed")),
    ("en", "The blast caused the deaths of 31 workers at the plant.", dict(span="31 workers", measure="killed")),
    ("en", "Four climbers from a Swiss team were reported missing on Sunday.", dict(value=4, measure="missing")),
    ("de", "Der Sturm tötete 8 Menschen in der Region.", dict(value=8, measure="killed")),
    # a demonym counts people
    ("fr", "Environ 4 500 Tunisiens sont appelés aux urnes.", dict(value=4500, measure="people", item="tunisiens")),
    ("fr", "Une liste de 250 000 contribuables a été publiée.", dict(value=250000, measure="people")),
    ("de", "Rund 3.000 Wähler stimmten ab.", dict(value=3000, measure="people")),
    # a comma ends the clause: the verb after it is not the count's
    ("fr", "Dix personnes assistaient au match, le gardien a été blessé.", dict(value=10, measure="people")),
    ("en", "About 200 people live in the village, where a guard was killed.", dict(value=200, measure="people")),
]


# a state joined after the counted noun is the next count's verb, not this one's
@pytest.mark.parametrize("lang,text,measures", [
    ("en", "A stabbing killed three people and injured three others.", ["killed", "injured"]),
    ("fr", "L'explosion a tué trois personnes et blessé douze autres.", ["killed", "injured"]),
    ("en", "The storm killed 4 people and injured 30 more.", ["killed", "injured"]),
])
def test_killed_and_injured_in_one_clause(lang, text, measures):
    assert [q.measure for q in quantities(text, lang)] == measures


def test_an_age_inside_the_noun_phrase_does_not_hide_the_verb():
    count, age = quantities("Quatre randonneurs âgés de 20 à 30 ans sont morts dans la crue.", "fr")
    check(count, dict(span="Quatre randonneurs", value=4, measure="killed"))
    check(age, dict(span="20 à 30 ans", low=20, high=30, measure="duration"))


@pytest.mark.parametrize("lang,text,expected", STATES)
def test_state_of_the_people_counted(lang, text, expected):
    check(only(text, lang), expected)


# Bounds written around the number: two-sided bounds make one range, bounds after the number
# ("or more"), comparison signs, "exactly", and "from ... to" after a verb of change (two values).
BOUNDS = [
    ("en", "Officials expect more than 100 and fewer than 300 delegates.",
     dict(qualifier="range", low=100, high=300, value=None)),
    ("en", "The toll is no more than 50 and no less than 20.", dict(qualifier="range", low=20, high=50)),
    ("en", "Turnout was above 40 percent but below 60 percent.", dict(qualifier="range", low=40, high=60, unit="%")),
    ("en", "Families with 5 or more children qualify.", dict(qualifier="at_least", low=5, high=None)),
    ("en", "Residents aged 65 and over were evacuated first.", dict(qualifier="at_least", value=65)),
    ("en", "Groups of 20 or fewer people may meet.", dict(qualifier="at_most", high=20, measure="people")),
    ("en", "Sales less than 5000 or equal were ignored.", dict(qualifier="at_most", high=5000)),
    ("en", "Winds > 120 km were recorded.", dict(qualifier="more_than", low=120, unit="km")),
    ("en", "Only plots <= 40 were kept.", dict(qualifier="at_most", high=40)),
    ("en", "Casualties could exceed 3,000 by spring.", dict(qualifier="more_than", low=3000)),
    ("en", "The convoy had exactly 48 trucks.", dict(qualifier="exactly", value=48, low=48, high=48)),
    ("en", "The budget is 5k-20k per unit.", dict(qualifier="range", low=5000, high=20000)),
    ("en", "They marched 20 through 30 kilometres a day.", dict(qualifier="range", low=20, high=30)),
    ("fr", "Le texte prévoit plus de 100 et moins de 300 observateurs.",
     dict(qualifier="range", low=100, high=300, measure="other")),
    ("fr", "Le seuil est supérieur ou égal à cent, inférieur ou égal à trois cents.",
     dict(qualifier="range", low=100, high=300)),
    ("fr", "Les familles de 5 enfants ou plus sont aidées.", dict(value=5)),
    ("fr", "Il y en a 500 ou moins dans l'entrepôt.", dict(qualifier="at_most", high=500)),
    ("fr", "Les personnes âgées de 65 ans et plus sont prioritaires.", dict(qualifier="at_least", value=65)),
    ("fr", "Le convoi comptait exactement 48 camions.", dict(qualifier="exactly", value=48, item="camions")),
    ("fr", "Le score est égal ou supérieur à 30.", dict(qualifier="at_least", low=30)),
    ("de", "Es kamen mehr als 100 und weniger als 300 Beobachter.", dict(qualifier="range", low=100, high=300)),
    ("de", "Gruppen von 20 oder weniger Personen sind erlaubt.", dict(qualifier="at_most", high=20)),
    ("de", "Der Konvoi hatte genau 48 Lastwagen.", dict(qualifier="exactly", value=48)),
]


@pytest.mark.parametrize("lang,text,expected", BOUNDS)
def test_bounds(lang, text, expected):
    check(only(text, lang), expected)


@pytest.mark.parametrize("lang,text,expected", [
    # crossing bounds, or words between them, stay two quantities
    ("fr", "Plus de 40 et moins de 10 : c'est faux.", [("more_than", 40, None), ("less_than", None, 10)]),
    ("en", "More than 40 killed and fewer than 10 injured.", [("more_than", 40, None), ("less_than", None, 10)]),
    # the bound after a number is the next number's when that number follows at once
    ("en", "His result is equal to 5000 or less than 6000.", [("exactly", 5000, 5000), ("less_than", None, 6000)]),
    ("fr", "Il n'en a pas plus de 12 et plus de 194 ailleurs.", [("at_most", None, 12), ("more_than", 194, None)]),
    # "from 200 to 300" after a verb of change is two values, not a range
    ("fr", "Le bilan est passé de 200 à 300 morts.", [("exact", None, None), ("exact", None, None)]),
    ("en", "The toll rose from 200 to 300 overnight.", [("exact", None, None), ("exact", None, None)]),
    ("fr", "Un bilan de 200 à 300 morts.", [("range", 200, 300)]),
])
def test_bounds_that_stay_apart(lang, text, expected):
    assert [(q.qualifier, q.low, q.high) for q in quantities(text, lang)] == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Call +1-222-2222-2222 for details."), ("de", "Telefon +49-30-1234/5678."),
    ("fr", "Référence 12-345-678 du dossier."),
])
def test_chained_digit_groups_are_not_quantities(lang, text):
    assert quantities(text, lang) == []


@pytest.mark.parametrize("text,expected", FR)
def test_french(text, expected):
    check(only(text, "fr"), expected)


@pytest.mark.parametrize("text,expected", EN)
def test_english(text, expected):
    check(only(text, "en"), expected)


@pytest.mark.parametrize("text,expected", DE)
def test_german(text, expected):
    check(only(text, "de"), expected)


NOT_QUANTITIES = [
    ("fr", "Le 26 février, il a parlé."), ("fr", "Il est arrivé à 14h30."), ("fr", "Il est arrivé à 14 h 30."),
    ("fr", "En 2022, la guerre a commencé."), ("fr", "Le 3e bataillon."), ("fr", "Le 1er mars."),
    ("fr", "Des F-16 et des T-72."), ("fr", "Un soldat est mort."), ("fr", "Le 26/02/2024."),
    ("fr", "Entre 2014 et 2022, rien."), ("fr", "La 21e brigade."), ("fr", "Les Su-34 ont frappé."),
    ("en", "On February 26, he spoke."), ("en", "At 5 p.m. he left."), ("en", "At 14:30 he left."),
    ("en", "In 2022 the war began."), ("en", "The 3rd battalion."), ("en", "The 21st brigade."),
    ("en", "A soldier died."), ("en", "F-16 jets."), ("en", "From 2014 to 2022 nothing."),
    ("en", "On 3 March he left."), ("de", "Am 26. Februar sprach er."), ("de", "Um 14 Uhr."),
    ("de", "Im Jahr 2022 begann der Krieg."), ("de", "Ein Soldat starb."), ("de", "Die 3. Armee kam."),
    ("de", "Am 26.02.2024 sprach er."), ("en", "2022-2023 season."),
    ("fr", "Le 12 mai."), ("en", "May 12."), ("en", "the G7 summit"), ("fr", "le G20"),
]


@pytest.mark.parametrize("lang,text", NOT_QUANTITIES)
def test_not_quantities(lang, text):
    assert [q.span.text for q in quantities(text, lang)] == []


@pytest.mark.parametrize("lang,text,spans", [
    ("fr", "Environ 220 obusiers automoteurs de 170 mm ont été livrés.",
     ["Environ 220 obusiers", "170 mm"]),
    ("fr", "200 morts et 300 blessés.", ["200 morts", "300 blessés"]),
    ("en", "12 dead and 30 injured.", ["12 dead", "30 injured"]),
    ("fr", "Le 26 février 2024, 3 000 soldats.", ["3 000 soldats"]),
    ("en", "On March 3, 2022, 500 troops.", ["500 troops"]),
    ("de", "Am 26. Februar 2024 kamen 3.000 Soldaten.", ["3.000 Soldaten"]),
    ("fr", "Il a 3 enfants et 2 chiens.", ["3 enfants", "2 chiens"]),
    ("de", "Zwei Leopard-2 Panzer.", ["Zwei Leopard-2 Panzer"]),
    ("en", "Two F-16 jets.", ["Two F-16 jets"]),
])
def test_several(lang, text, spans):
    assert [q.span.text for q in quantities(text, lang)] == spans


def test_howitzers_and_their_calibre():
    a, b = quantities("Environ 220 obusiers automoteurs de 170 mm ont été livrés.", "fr")
    check(a, dict(value=220, qualifier="about", measure="weapons", unit=None))
    check(b, dict(value=170, qualifier="exact", measure="calibre", unit="mm"))


def test_ids_are_sequential():
    qs = quantities("3 soldats, 4 chars et 5 drones.", "fr")
    assert [q.id for q in qs] == ["q1", "q2", "q3"]


@pytest.mark.parametrize("lang", ["ru", "uk", "es", None, "xx"])
def test_languages_without_data_get_digit_numbers(lang):
    qs = quantities("Около 3\u00a0000 и 12 % и 5 km", lang)
    assert [q.value for q in qs] == [3000, 12, 5]
    assert qs[1].unit == "%" and qs[2].unit == "km"


def test_empty_text():
    assert quantities("", "fr") == []


def test_uses_lemmas_when_the_doc_has_them():
    class Tok:
        def __init__(self, text, lemma):
            self.text, self.lemma_ = text, lemma

    class FakeDoc:
        def char_span(self, start, end, alignment_mode="strict"):
            return [Tok("soldats", "soldat")]

    text = "3 000 soldats"
    doc = Document(id="t", raw=text, text=text, lang="fr")
    doc.nlp_doc = FakeDoc()
    assert STAGE(doc).quantities[0].item == "soldat"


def test_ignores_a_blank_pipeline_without_lemmas():
    spacy = pytest.importorskip("spacy")
    text = "Au moins 3 000 soldats supplémentaires."
    doc = Document(id="t", raw=text, text=text, lang="fr")
    doc.nlp_doc = spacy.blank("fr")(text)
    assert STAGE(doc).quantities[0].item == "soldats"


def test_long_text_is_fast():
    # linear, not quadratic: ~0.5 s on a quiet 2-core machine; the bound leaves room for a busy one
    text = ("Environ 3 000 soldats et plus de 1,5 million de dollars, des milliers de drones. " * 300
            + "9" * 5000 + " 1.1.1.1" * 500 + " trois" * 1000 + " 3 000" * 1000)
    t0 = time.perf_counter()
    assert len(quantities(text, "fr")) > 900
    assert time.perf_counter() - t0 < 60


# ---- properties ---------------------------------------------------------------------------------

_WORDS = {code: set(lexicon(code).words) | set(lexicon(code).multipliers) | set(lexicon(code).approximate)
          for code in ("fr", "en", "de")}
_ALL_WORDS = set().union(*_WORDS.values())
_TOKENS = sorted(_ALL_WORDS) + [
    "3", "000", "1,5", "3.000", "3\u00a0000", "2 000", "-", "à", "et", "and", "und", "entre", "between",
    "zwischen", "au moins", "at least", "plus de", "environ", "rund", "des milliers", "thousands",
    "Hunderte", "soldats", "troops", "Soldaten", "tués ou blessés", "mm", "km", "%", "$", "€",
    "d'euros", "dollars", "Euro", "février", "March", "14h30", "2022", "F-16", "3e", "21st", "3.",
    "bn", "Mrd.", ",", ".", " ", "\u202f", "(", "supplémentaires", "more", "weitere", "1999", "0",
]


def _significant(value: float) -> str:
    digits = "".join(str(d) for d in Decimal(repr(value)).normalize().as_tuple().digits)
    return digits.lstrip("0").rstrip("0") or "0"


_EXPONENT = re.compile(r"\d\s*(?:\^|[eE][-+]?\d|[x×]\s*10\s*\^)")


def _value_is_written(q, lang) -> bool:
    text = q.span.text.lower()
    words = set(re.findall(r"[^\W\d_]+", text))
    if words & _WORDS.get(lang, _ALL_WORDS):
        return True
    if _EXPONENT.search(text):
        return True  # "1.3x10^6", "2^3": the value is computed from the digits written, not one of them
    digits = "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())  # "٣" and "൦" too
    if not digits:
        return False
    it = iter(digits)
    return all(ch in it for ch in _significant(q.value))  # a subsequence of the span's digits


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join),
       st.sampled_from(["fr", "en", "de", "ru", None]))
def test_values_are_always_written_in_their_span(text, lang):
    for q in quantities(text, lang):
        if q.value is not None:
            assert _value_is_written(q, lang), (text, q)
        for bound in (q.low, q.high):
            assert bound is None or bound >= 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["fr", "en", "de", "uk", None]))
def test_arbitrary_text_never_crashes(text, lang):
    for q in quantities(text, lang):
        if q.value is not None:
            assert _value_is_written(q, lang), (text, q)


# ---- through the pipeline -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def extractor():
    import dateline

    return dateline.Extractor(Options(stages=DEFAULT_STAGES + (NAME,), use_models=False))


@pytest.mark.parametrize("lang,text,first", [
    ("fr", "La Russie a envoyé au moins 3 000 soldats supplémentaires près de la frontière.",
     dict(value=3000, qualifier="at_least", measure="troops", increment=True)),
    ("en", "Officials said at least 12 people were killed in the strike on Monday.",
     dict(value=12, qualifier="at_least", measure="killed")),
    ("de", "Nach Angaben der Behörden wurden mindestens zwölf Menschen verletzt.",
     dict(value=12, qualifier="at_least", measure="injured")),
])
def test_end_to_end(extractor, lang, text, first):
    doc = extractor.extract(text) if lang == "fr" else extractor.pipeline.with_options(lang=lang)(
        Document(id="t", raw=text))
    assert NAME in doc.stages
    assert doc.quantities, doc.problems
    check(doc.quantities[0], first)
    out = doc.to_dict()
    for q in out["quantities"]:
        assert out["document"]["text"][q["span"]["start"]:q["span"]["end"]] == q["span"]["text"]


# ---- a count that borrows its noun: partitives, asides, coordination, shares, ages ----

@pytest.mark.parametrize("lang, text, measure, item", [
    pytest.param("fr", "Les miliciens ont rasé cinq des onze églises du quartier.", "other", "églises", id="fr"),
    pytest.param("fr", "Le rappel de 1 200 des 4 800 soldats déployés est prévu.", "troops", "soldats", id="fr-troops"),
    pytest.param("en", "Rebels burned four of the twelve warehouses near the port.", "other", "warehouses", id="en"),
    pytest.param("de", "Die Miliz zerstörte drei der neun Brücken der Stadt.", "other", "brücken", id="de"),
])
def test_a_part_counts_the_noun_of_its_whole(lang, text, measure, item):
    part = quantities(text, lang)[0]
    assert (part.measure, part.item) == (measure, item)


@pytest.mark.parametrize("lang, text", [
    pytest.param("fr", "Six personnes, dont trois policiers, ont été blessées à Nantes.", id="fr"),
    pytest.param("en", "Eight more, including two firefighters, were injured in the blast.", id="en"),
    pytest.param("de", "Fünf Menschen, darunter zwei Kinder, wurden verletzt.", id="de"),
])
def test_an_aside_does_not_hide_the_verb_of_the_count(lang, text):
    first = quantities(text, lang)[0]
    assert first.measure == "injured"


@pytest.mark.parametrize("lang, text, values", [
    pytest.param("en", "The toll rose to 212 injured in Chile and about 30 in Peru.", [212, 30], id="en"),
    pytest.param("fr", "On compte 45 morts au Pérou et 12 en Bolivie.", [45, 12], id="fr"),
])
def test_a_coordinated_count_shares_the_left_out_noun(lang, text, values):
    qs = quantities(text, lang)
    assert [q.value for q in qs] == values
    assert qs[1].measure == qs[0].measure != "other"


@pytest.mark.parametrize("text", [
    pytest.param("On compte 45 morts au Pérou. Et 12 en Bolivie.", id="sentence-between"),
    pytest.param("On compte 45 morts au Pérou après les pluies torrentielles de la semaine et 12 en Bolivie.",
                 id="too-far"),
])
def test_a_count_far_from_the_noun_does_not_borrow_it(text):
    qs = quantities(text, "fr")
    assert [q.measure for q in qs] == ["killed", "other"]


@pytest.mark.parametrize("lang, text, item", [
    pytest.param("fr", "Selon la commission, 87 % des écoles ont rouvert.", "écoles", id="fr"),
    pytest.param("en", "Nearly 60% of the homes lost power.", "homes", id="en"),
    pytest.param("en", "Prices rose 4% in May.", None, id="en-no-share"),
])
def test_a_percentage_is_a_share_of_the_noun_after_it(lang, text, item):
    q = only(text, lang)
    assert (q.unit, q.item) == ("%", item)


@pytest.mark.parametrize("lang, text", [
    pytest.param("en", "A 67-year-old man and three others were wounded.", id="en"),
    pytest.param("de", "Ein 67-Jähriger und drei weitere wurden verletzt.", id="de"),
])
def test_an_age_is_not_a_count(lang, text):
    age = quantities(text, lang)[0]
    assert (age.value, age.unit, age.measure) == (67, "year", "duration")


@pytest.mark.parametrize("text, measure", [
    pytest.param("L'ONG a dénoncé l'exécution, mardi, par les miliciens, de 14 hommes.", "killed", id="two-asides"),
    pytest.param("Le ministère a confirmé la mort, dimanche, de 12 civils.", "killed", id="one-aside"),
    pytest.param("Un témoin a décrit l’exécution, à l’aube, de 9 hommes.", "killed", id="curly-apostrophe"),
    pytest.param("Le rapport, publié lundi, de 40 pages est sévère.", "other", id="no-state-noun"),
])
def test_a_state_noun_reaches_its_count_past_an_aside(text, measure):
    assert only(text, "fr").measure == measure


@pytest.mark.parametrize("lang, text", [
    pytest.param("en", "Nine passengers were hospitalised after the crash.", id="en"),
    pytest.param("fr", "Sept personnes ont été hospitalisées après la collision.", id="fr"),
    pytest.param("de", "Drei Menschen wurden ins Krankenhaus gebracht.", id="de"),
])
def test_people_taken_to_hospital_are_injured(lang, text):
    assert quantities(text, lang)[0].measure == "injured"
