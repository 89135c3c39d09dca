"""Events, attribution, modality and claims on short reports written for these tests (fr, en, de).

Each case runs the real extractor and checks one rule of `dateline.events` (its docstring): the
event type and roles, who says so, how surely, and the claim a figure becomes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.config import Options
from dateline.document import Document
from dateline.ingest import from_text

PUB = dt.date(2025, 6, 12)


@pytest.fixture(scope="module")
def run(extractor):
    def go(text: str, lang: str) -> Document:
        return extractor.pipeline(from_text(text, Options(lang=lang, published=PUB)))

    return go


def name_of(doc: Document, ref: str | None) -> str | None:
    """An entity id as its canonical name; an attribution id as its source's name or words."""
    for e in doc.entities:
        if e.id == ref:
            return e.name
    for a in doc.attributions:
        if a.id == ref:
            return name_of(doc, a.source) if a.source else (a.source_text.text if a.source_text else None)
    return ref


def claim(doc: Document, measure: str):
    found = [c for c in doc.claims if c.measure == measure]
    assert found, [(c.measure, c.value) for c in doc.claims]
    return found[0]


def events(doc: Document, type_: str):
    return [e for e in doc.events if e.type == type_]


# ---- events: type, mode, roles ----

@pytest.mark.parametrize("lang, text, type_, mode, actor, location", [
    pytest.param("fr", "Dans la nuit, la Russie a lancé une attaque de drones contre la ville d'Odessa.",
                 "ASSAULT", "aerial", "Russia", "Odesa", id="fr-drone-attack"),
    pytest.param("en", "Israel launched airstrikes on Gaza on Tuesday.", "ASSAULT", "aerial", "Israel",
                 "Gaza City", id="en-airstrikes"),
    pytest.param("de", "Russland griff in der Nacht die Stadt Charkiw mit Drohnen an. Der Drohnenangriff traf "
                 "ein Wohnhaus in Charkiw.", "ASSAULT", "aerial", None, "Kharkiv", id="de-drone-attack"),
])
def test_event_type_mode_and_roles(run, lang, text, type_, mode, actor, location):
    doc = run(text, lang)
    found = events(doc, type_)
    assert any(e.mode == mode for e in found), [(e.type, e.mode, e.trigger.text) for e in doc.events]
    if actor:
        assert any(name_of(doc, e.actor) == actor for e in found)
    assert any(name_of(doc, e.location) == location for e in found)


@pytest.mark.parametrize("lang, text, actor, recipient, location", [
    pytest.param("fr", "Le chef de la diplomatie de Vladimir Poutine, Sergueï Lavrov, a rencontré à Ankara "
                 "Recep Tayyip Erdoğan.", "Sergey Lavrov", "Recep Tayyip Erdoğan", "Ankara",
                 id="fr-apposition-and-object"),
    pytest.param("en", "Trump's secretary of state, Marco Rubio, met Sergei Lavrov in Riyadh on Tuesday.",
                 "Marco Rubio", "Sergey Lavrov", "Riyadh", id="en-apposition-and-object"),
    pytest.param("fr", "Après des négociations en Turquie lundi, les deux délégations se sont séparées.",
                 None, None, "Turkey", id="fr-talks-in-a-country"),
    pytest.param("de", "Kanzler Olaf Scholz besuchte Kiew am Montag.", "Olaf Scholz", None, "Kyiv",
                 id="de-visit-object"),
])
def test_meetings_and_visits(run, lang, text, actor, recipient, location):
    """The person in apposition to the subject meets; the one met and the place visited need no preposition."""
    doc = run(text, lang)
    found = events(doc, "CONSULT")
    assert found, [(e.type, e.trigger.text) for e in doc.events]
    e = found[0]
    assert (name_of(doc, e.actor) if actor else actor, name_of(doc, e.recipient), name_of(doc, e.location)) == (
        actor, recipient, location)


def test_troops_sent_abroad_are_military_aid_to_that_state(run):
    doc = run("La Corée du Nord a envoyé 3 000 soldats supplémentaires en Russie.", "fr")
    aid = events(doc, "AID")
    assert aid and aid[0].mode == "military"
    assert (name_of(doc, aid[0].actor), name_of(doc, aid[0].recipient)) == ("North Korea", "Russia")
    c = claim(doc, "troops")
    assert (c.value, c.qualifier, name_of(doc, c.subject), c.event) == (3000, "exact", "North Korea", aid[0].id)


def test_one_sentence_may_hold_several_events(run):
    doc = run("The president met his Turkish counterpart in Ankara, and Russia shelled Kharkiv.", "en")
    assert {"CONSULT", "ASSAULT"} <= {e.type for e in doc.events}



def test_a_word_of_a_name_is_no_trigger(run):
    """"Support" in "Rapid Support Forces" names the group; only the attack is an event."""
    doc = run("Fighters of the Rapid Support Forces attacked a camp near El Fasher on Friday.", "en")
    assert [e.type for e in doc.events] == ["ASSAULT"]


# ---- attribution ----

@pytest.mark.parametrize("lang, text, source", [
    pytest.param("fr", "Selon l'agence Reuters, 30 personnes ont été tuées à Gaza.", "Reuters", id="fr-selon"),
    pytest.param("en", "At least 12 people were injured in Odesa, Ukraine's military said.",
                 "Armed Forces of Ukraine", id="en-said-after"),
    pytest.param("de", "Laut dpa wurden in Charkiw mindestens neun Menschen verletzt.", "Deutsche Presse-Agentur",
                 id="de-laut"),
])
def test_attribution_source_is_an_entity(run, lang, text, source):
    doc = run(text, lang)
    assert doc.attributions, doc.entities
    assert name_of(doc, doc.attributions[0].source) == source


def test_a_named_source_after_its_description(run):
    doc = run("Le missile a été testé avec succès, selon l'agence de presse officielle, Xinhua, mardi.", "fr")
    a = doc.attributions[0]
    assert name_of(doc, a.source) == "Xinhua News Agency" and "agence de presse" in a.source_text.text


@pytest.mark.parametrize("lang, text, source", [
    pytest.param("en", "Three people died in the blaze, Amnesty International wrote on Twitter on Sunday.",
                 "Amnesty International", id="en-on-Twitter"),
    pytest.param("fr", "L'armée ukrainienne a annoncé sur Telegram que 40 drones avaient été abattus.",
                 "Armed Forces of Ukraine", id="fr-sur-Telegram"),
])
def test_a_platform_is_where_it_was_said_not_who(run, lang, text, source):
    doc = run(text, lang)
    assert doc.attributions, doc.entities
    assert all(name_of(doc, a.source) not in ("Twitter", "Telegram") for a in doc.attributions if a.source)
    if source:
        assert name_of(doc, doc.attributions[0].source) == source


def test_a_source_that_is_no_entity_is_described(run):
    doc = run("Selon un responsable militaire, 200 soldats ont été déployés près de la frontière.", "fr")
    a = doc.attributions[0]
    assert a.source is None and "responsable" in a.source_text.text


def test_a_direct_quote_keeps_its_speaker(run):
    doc = run('"We will never give up our land," Zelensky said on Monday.', "en")
    quoted = [a for a in doc.attributions if a.quote is not None]
    assert quoted and "never give up our land" in quoted[0].quote.text
    assert name_of(doc, quoted[0].source) == "Volodymyr Zelensky"


def test_a_quote_closing_a_paragraph_stays_with_its_speaker(run):
    """The quote ends its paragraph; the next paragraph's speaker must not take it."""
    text = ('La ministre ukrainienne Olha Stefanichyna a réagi avec ces mots : "Nous ne plierons jamais."\n\n'
            "Le président français Emmanuel Macron a déclaré que l'aide continuerait.")
    doc = run(text, "fr")
    quoted = [a for a in doc.attributions if a.quote is not None]
    assert [q.quote.text for q in quoted] == ["Nous ne plierons jamais."]
    assert quoted[0].cue.text == "a réagi"


@pytest.mark.parametrize("lang, text, speaker", [
    pytest.param("fr", "Le président américain Donald Trump a déclaré que les discussions avançaient.", "Donald Trump",
                 id="fr-person-not-the-adjective"),
    pytest.param("en", "Russian Foreign Minister Sergei Lavrov said the talks would resume.", "Sergey Lavrov",
                 id="en-person-not-the-adjective"),
    pytest.param("fr", "L'armée sud-coréenne a indiqué que 300 soldats avaient été tués.", "Republic of Korea Armed Forces",
                 id="fr-institution-description"),
])
def test_the_speaker_is_the_person_named_in_the_subject(run, lang, text, speaker):
    doc = run(text, lang)
    assert name_of(doc, doc.attributions[0].source) == speaker


# ---- modality ----

@pytest.mark.parametrize("lang, text, measure, modality", [
    pytest.param("fr", "Environ 500 soldats auraient été tués lors de ces combats.", "killed", "alleged",
                 id="fr-conditionnel"),
    pytest.param("fr", "La Russie pourrait envoyer 2 000 soldats supplémentaires.", "troops", "possible",
                 id="fr-pourrait"),
    pytest.param("en", "The United States is expected to send 50 tanks to Ukraine.", "weapons", "expected",
                 id="en-expected"),
    pytest.param("en", "Reportedly, 40 soldiers were killed near Bakhmut.", "killed", "alleged",
                 id="en-reportedly"),
    pytest.param("fr", "Selon la police, 12 personnes ont été blessées à Lyon.", "injured", "reported",
                 id="fr-reported"),
    pytest.param("en", "Twelve people were injured in the blast in Lviv.", "injured", "asserted", id="en-asserted"),
    pytest.param("fr", "Pas moins de quinze personnes ont été blessées à Nantes.", "injured", "asserted",
                 id="fr-pas-moins-de-is-a-qualifier"),
    pytest.param("fr", "Aucun des 40 passagers n'a été blessé à Nantes.", "injured", "negated", id="fr-aucun"),
])
def test_claim_modality(run, lang, text, measure, modality):
    assert claim(run(text, lang), measure).modality == modality


def test_negation_before_a_trigger(run):
    doc = run("Russia did not attack Kyiv overnight, officials said.", "en")
    assert [e.modality for e in events(doc, "ASSAULT")] == ["negated"]


# ---- claims: subject, as-of, consistency ----

def test_casualties_are_the_place_where_they_fell(run):
    doc = run("Une attaque de missiles contre Kharkiv a fait au moins 9 blessés le 3 juin.", "fr")
    c = claim(doc, "injured")
    assert (c.value, c.qualifier, name_of(doc, c.subject), c.as_of) == (9, "at_least", "Kharkiv", "2025-06-03")


@pytest.mark.parametrize("lang, text, place", [
    pytest.param("en", "Reporters based in Dubai covered the funeral.\n\nA car bomb exploded on Tuesday in the port "
                 "town of Aden. At least five civilians died.", "Aden", id="en-earlier-sentence"),
    pytest.param("fr", "Des journalistes venus de Genève étaient présents.\n\nUn glissement de terrain a frappé un "
                 "village près de Trabzon. Sept personnes sont mortes.", "Trabzon", id="fr-earlier-sentence"),
])
def test_casualties_without_a_place_take_the_paragraphs_last_located_place(run, lang, text, place):
    doc = run(text, lang)
    c = claim(doc, "killed")
    assert name_of(doc, c.subject) == place


def test_a_country_adjective_places_casualties_when_no_place_is_named(run):
    doc = run("Reporters in Miami followed the story.\n\nCuban roads saw 750 deaths in 2018.", "en")
    assert name_of(doc, claim(doc, "killed").subject) == "Cuba"
    # after a location word the adjective describes an unnamed place in that country, not the country
    doc = run("Des journalistes de Genève suivaient l'affaire.\n\nCinq personnes ont été tuées dans la capitale "
              "britannique.", "fr")
    assert name_of(doc, claim(doc, "killed").subject) != "United Kingdom"


def test_parts_that_add_up_are_linked_to_the_total(run):
    doc = run("L'armée a perdu environ 1 000 hommes, tués ou blessés, dans la région de Koursk. "
              "Un député a précisé que 300 soldats ont été tués et 700 blessés.", "fr")
    total = claim(doc, "casualties")
    parts = {c.id: c for c in doc.claims}
    assert sorted(parts[p].measure for p in total.parts) == ["injured", "killed"]


def test_parts_that_do_not_add_up_are_a_problem(run):
    doc = run("Le bilan s'élève à environ 1 000 morts ou blessés. Selon un député, 300 soldats ont été tués "
              "et 200 blessés.", "fr")
    assert claim(doc, "casualties").parts == []
    assert any("does not match casualties" in p.message for p in doc.problems)


# ---- where casualties fell; what a described source is called ----

@pytest.mark.parametrize("lang, text, place", [
    pytest.param("fr", "Des touristes de Genève étaient présents.\n\nTrois Espagnols ont été blessés à Lyon samedi.",
                 "Lyon", id="fr-nationality-vs-place"),
    pytest.param("en", "Officials in Ottawa spoke.\n\nTwo Canadians were killed in Lima on Friday.", "Lima",
                 id="en-nationality-vs-place"),
    pytest.param("en", "The storm left 300 injured in Chile and about 40 in Peru.", "Peru", id="en-nearest-place"),
    pytest.param("fr", "Le passage de la tempête sur la côte ouest des États-Unis a fait 12 morts.", "United States",
                 id="fr-place-inside-a-located-phrase"),
    pytest.param("en", "A bomb went off in the Black Sea port town of Ochamchire. Two people died.", "Ochamchire",
                 id="en-place-a-place-noun-names"),
])
def test_casualties_are_where_they_fell_not_whose(run, lang, text, place):
    doc = run(text, lang)
    c = [c for c in doc.claims if c.measure in ("killed", "injured")][-1]
    assert name_of(doc, c.subject) == place


@pytest.mark.parametrize("lang, text, source", [
    pytest.param("fr", "Deux hommes ont été arrêtés, selon un communiqué de la gendarmerie nationale.",
                 "la gendarmerie nationale", id="fr-statement-of"),
    pytest.param("fr", "Neuf personnes sont mortes, selon les informations des autorités.", "autorités", id="fr-des"),
    pytest.param("en", "Four people died, according to local firefighters.", "local firefighters", id="en-adjective-kept"),
    pytest.param("en", "Reports said at least 30 people died in the blast.", "Reports", id="en-reports"),
    pytest.param("de", "Zwei Menschen starben, laut einer Mitteilung der Polizei.", "der Polizei", id="de"),
])
def test_a_described_source_is_the_issuer_not_its_document(run, lang, text, source):
    doc = run(text, lang)
    (a,) = doc.attributions
    assert (a.source, a.source_text.text) == (None, source)


def test_a_place_named_since_the_last_figure_is_the_next_ones(run):
    doc = run("À Lyon, les pompiers ont reçu plus de 2 000 appels. À Villeurbanne, un incendie a éclaté. "
              "Plus de 40 maisons ont été détruites.", "fr")
    calls, houses = [c for c in doc.claims if c.measure == "other"]
    assert (name_of(doc, calls.subject), name_of(doc, houses.subject)) == ("Lyon", "Villeurbanne")


@pytest.mark.parametrize("lang, text, country, words", [
    pytest.param("en", "At least 25 people were injured, according to Chilean officials.", "Chile", "Chilean officials",
                 id="en"),
    pytest.param("fr", "Selon un député sud-coréen, 400 soldats ont été tués.", "South Korea", "un député sud-coréen",
                 id="fr"),
])
def test_a_source_noun_with_a_country_adjective_keeps_both(run, lang, text, country, words):
    doc = run(text, lang)
    (a,) = doc.attributions
    assert (name_of(doc, a.source), a.source_text.text) == (country, words)


@pytest.mark.parametrize("lang, text, n_assaults", [
    pytest.param("fr", "Des drones ont frappé Odessa lundi. Le maire a parlé après l'attaque.", 1, id="fr-back"),
    pytest.param("en", "Drones struck Odesa on Monday. The mayor spoke after the attack.", 1, id="en-back"),
    pytest.param("en", "After an attack on Odesa, drones struck Kherson.", 2, id="en-new-indefinite"),
])
def test_an_event_noun_after_a_definite_time_word_refers_back(run, lang, text, n_assaults):
    doc = run(text, lang)
    assert sum(e.type == "ASSAULT" for e in doc.events) == n_assaults, [(e.type, e.trigger.text) for e in doc.events]


def test_a_russian_report_gives_claims_with_their_source(run):
    doc = run("По данным МЧС, в результате пожара в Омске погибли 7 человек и более 20 получили ранения.", "ru")
    got = {(c.measure, c.value, c.modality) for c in doc.claims}
    assert {("killed", 7, "reported"), ("injured", 20, "reported")} <= got
    assert doc.attributions and doc.attributions[0].cue.text == "По данным"
