"""The times stage (issue 6): dates, clock times and durations with ISO 8601 values and spans.

Cases are written the way news reports write dates. Unless a case says otherwise the report was
published on Thursday 27 March 2025 (ISO week 2025-W13).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import lang as langdata
from dateline.config import Options
from dateline.document import Document
from dateline.normalize.times import NAME, make_times
from dateline.pipeline import Context

PUB = dt.date(2025, 3, 27)  # a Thursday


@pytest.fixture(scope="module")
def stage():
    return make_times(Context(Options()))


def run(stage, text: str, lang: str, published: dt.date | None = PUB) -> Document:
    return stage(Document(id="t", raw=text, text=text, lang=lang, published=published))


def find(doc: Document, surface: str):
    hits = [t for t in doc.times if t.span.text == surface]
    assert hits, f"{surface!r} not found; got {[(t.span.text, t.value) for t in doc.times]}"
    return hits[0]


def check(stage, lang, text, surface, value, grain, published=PUB):
    doc = run(stage, text, lang, published)
    t = find(doc, surface)
    assert (t.value, t.granularity) == (value, grain), (text, t)
    assert t.anchored is (value is not None)
    assert doc.text[t.span.start:t.span.end] == t.span.text
    assert t.stage == NAME


FR = [
    # weekdays: on or before the publication date; the day itself included
    ("Jeudi, le ministre a démenti.", "Jeudi", "2025-03-27", "day"),
    ("Le ministre a démenti jeudi.", "jeudi", "2025-03-27", "day"),
    ("Il a été arrêté mercredi à Lyon.", "mercredi", "2025-03-26", "day"),
    ("Les combats ont repris mardi.", "mardi", "2025-03-25", "day"),
    ("Le texte a été adopté lundi.", "lundi", "2025-03-24", "day"),
    ("Le rassemblement a eu lieu dimanche.", "dimanche", "2025-03-23", "day"),
    ("Samedi, des milliers de personnes ont défilé.", "Samedi", "2025-03-22", "day"),
    ("L'accord avait été signé vendredi.", "vendredi", "2025-03-21", "day"),
    ("Il était en mer mercredi.", "mercredi", "2025-03-26", "day"),
    # weekdays in a sentence about the future: on or after
    ("Le sommet aura lieu vendredi à Bruxelles.", "vendredi", "2025-03-28", "day"),
    ("Le président se rendra à Kyiv lundi.", "lundi", "2025-03-31", "day"),
    ("Le vote se tiendra dimanche.", "dimanche", "2025-03-30", "day"),
    ("Les négociations reprendront mardi.", "mardi", "2025-04-01", "day"),
    ("Le conseil doit se réunir samedi.", "samedi", "2025-03-29", "day"),
    ("La réunion sera organisée jeudi.", "jeudi", "2025-03-27", "day"),
    # modifiers
    ("Il a parlé jeudi dernier.", "jeudi dernier", "2025-03-20", "day"),
    ("Elle viendra jeudi prochain.", "jeudi prochain", "2025-04-03", "day"),
    ("La trêve a été rompue vendredi dernier.", "vendredi dernier", "2025-03-21", "day"),
    ("Le procès s'ouvre lundi prochain.", "lundi prochain", "2025-03-31", "day"),
    ("Le vote de mardi dernier a surpris.", "mardi dernier", "2025-03-25", "day"),
    # weekday and part of the day
    ("Les frappes ont eu lieu mardi soir.", "mardi soir", "2025-03-25TEV", "time"),
    ("Dimanche matin, la police a évacué le camp.", "Dimanche matin", "2025-03-23TMO", "time"),
    ("Il a été vu mercredi après-midi.", "mercredi après-midi", "2025-03-26TAF", "time"),
    ("Une explosion a retenti lundi dans la nuit.", "lundi dans la nuit", "2025-03-24TNI", "time"),
    # relative days
    ("Le ministre a démissionné hier.", "hier", "2025-03-26", "day"),
    ("Avant-hier, la ville a été bombardée.", "Avant-hier", "2025-03-25", "day"),
    ("Le verdict sera rendu demain.", "demain", "2025-03-28", "day"),
    ("Les résultats seront connus après-demain.", "après-demain", "2025-03-29", "day"),
    ("Aujourd'hui, la situation est calme.", "Aujourd'hui", "2025-03-27", "day"),
    ("Aujourd’hui, la situation est calme.", "Aujourd’hui", "2025-03-27", "day"),
    ("La ville a été bombardée hier soir.", "hier soir", "2025-03-26TEV", "time"),
    ("Il a été interpellé hier matin.", "hier matin", "2025-03-26TMO", "time"),
    ("Un incendie s'est déclaré hier en début d'après-midi.", "hier en début d'après-midi",
     "2025-03-26TAF", "time"),
    ("Le ministre s'exprimera ce soir.", "ce soir", "2025-03-27TEV", "time"),
    ("Ce matin, les écoles étaient fermées.", "Ce matin", "2025-03-27TMO", "time"),
    ("Des tirs ont été entendus cette nuit.", "cette nuit", "2025-03-27TNI", "time"),
    # weeks, months, years
    ("Cette semaine, le gouvernement a reculé.", "Cette semaine", "2025-W13", "week"),
    ("La semaine dernière, il a neigé.", "La semaine dernière", "2025-W12", "week"),
    ("Le texte a été voté la semaine passée.", "la semaine passée", "2025-W12", "week"),
    ("Il sera jugé la semaine prochaine.", "la semaine prochaine", "2025-W14", "week"),
    ("Les prix ont baissé ce mois-ci.", "ce mois-ci", "2025-03", "month"),
    ("Le mois dernier, le chômage a reculé.", "Le mois dernier", "2025-02", "month"),
    ("La loi entrera en vigueur le mois prochain.", "le mois prochain", "2025-04", "month"),
    ("Cette année, la récolte est bonne.", "Cette année", "2025", "year"),
    ("L'année dernière, la récolte était mauvaise.", "L'année dernière", "2024", "year"),
    ("Les exportations ont chuté l'an dernier.", "l'an dernier", "2024", "year"),
    ("Il a été élu l'an passé.", "l'an passé", "2024", "year"),
    ("Les élections auront lieu l'année prochaine.", "l'année prochaine", "2026", "year"),
    ("Le chantier commencera l'an prochain.", "l'an prochain", "2026", "year"),
    ("Au début de cette année, le conflit s'est durci.", "Au début de cette année", "2025", "year"),
    ("Il a été nommé au début de l'année.", "au début de l'année", "2025", "year"),
    ("Les prix ont flambé à la fin de l'année dernière.", "fin de l'année dernière", "2024", "year"),
    # months: the most recent such month not after the publication month
    ("L'usine est fermée depuis au moins novembre.", "novembre", "2024-11", "month"),
    ("Les pluies ont été abondantes en janvier et février.", "janvier et février", "2025-01/2025-02",
     "interval"),
    ("Le taux est resté stable de janvier à mars.", "janvier à mars", "2025-01/2025-03", "interval"),
    ("Les pertes de décembre et janvier ont pesé.", "décembre et janvier", "2024-12/2025-01",
     "interval"),
    ("Les chiffres arrêtés au 26 février sont connus.", "26 février", "2025-02-26", "day"),
    ("La grève a commencé en mai.", "mai", "2024-05", "month"),
    ("Le prix a augmenté en mars.", "mars", "2025-03", "month"),
    ("Il a été libéré mi-mars.", "mars", "2025-03", "month"),
    ("La crise a éclaté fin janvier.", "janvier", "2025-01", "month"),
    ("Le contrat a été signé en septembre.", "septembre", "2024-09", "month"),
    ("Il a quitté le pays en décembre.", "décembre", "2024-12", "month"),
    ("Les tarifs ont été relevés en février.", "février", "2025-02", "month"),
    ("Le festival a été annulé en août.", "août", "2024-08", "month"),
    ("Le traité sera ratifié en juin.", "juin", "2025-06", "month"),
    ("Le rapport sera publié en avril.", "avril", "2025-04", "month"),
    ("Il a été réélu en mars dernier.", "mars dernier", "2024-03", "month"),
    ("Il a été arrêté en janvier dernier.", "janvier dernier", "2025-01", "month"),
    ("La réforme sera présentée en juin prochain.", "juin prochain", "2025-06", "month"),
    ("La mission s'achèvera début octobre.", "octobre", "2025-10", "month"),
    ("Les ventes d'octobre 2024 ont déçu.", "octobre 2024", "2024-10", "month"),
    ("Il est arrivé en novembre 2019.", "novembre 2019", "2019-11", "month"),
    ("En octobre 98, le club a été relégué.", "octobre 98", "1998-10", "month"),
    # days
    ("Le 5 mai, la police a chargé.", "5 mai", "2024-05-05", "day"),
    ("Le 1er mars, la grève a commencé.", "1er mars", "2025-03-01", "day"),
    ("Le 12 mars 2024, l'armée est entrée dans la ville.", "12 mars 2024", "2024-03-12", "day"),
    ("Il a été condamné le 3 juin 2021.", "3 juin 2021", "2021-06-03", "day"),
    ("L'attaque du 14 juillet a fait 86 morts.", "14 juillet", "2024-07-14", "day"),
    ("La manifestation du 20 mars a rassemblé 5 000 personnes.", "20 mars", "2025-03-20", "day"),
    ("Le sommet se tiendra le 15 avril.", "15 avril", "2025-04-15", "day"),
    ("Le scrutin aura lieu le 30 mars.", "30 mars", "2025-03-30", "day"),
    ("Il a été arrêté le 6 mai dernier.", "6 mai dernier", "2024-05-06", "day"),
    ("Il sera libéré le 1er septembre prochain.", "1er septembre prochain", "2025-09-01", "day"),
    ("Rendez-vous samedi 29 mars à 14 h.", "samedi 29 mars", "2025-03-29", "day"),
    ("Le lundi 3 mars, la grève a été votée.", "lundi 3 mars", "2025-03-03", "day"),
    ("Le vendredi 28 mars 2025, la foule s'est rassemblée.", "vendredi 28 mars 2025", "2025-03-28", "day"),
    ("Le 10 novembre 93, sur l'A 10, un carambolage a eu lieu.", "10 novembre 93", "1993-11-10", "day"),
    ("Le décret du 26/02/2025 a été publié.", "26/02/2025", "2025-02-26", "day"),
    ("Le communiqué daté du 2025-02-26 dit le contraire.", "2025-02-26", "2025-02-26", "day"),
    ("La loi du 12 févr. 2024 a été abrogée.", "12 févr. 2024", "2024-02-12", "day"),
    ("Le 3 janv., les prix ont augmenté.", "3 janv.", "2025-01-03", "day"),
    # years
    ("Il est né en 1943 à Kinston.", "1943", "1943", "year"),
    ("Le système est en place depuis 1998.", "1998", "1998", "year"),
    ("Les élections européennes de 2004 : une étape.", "2004", "2004", "year"),
    ("Il a été élu en 2019 puis réélu.", "2019", "2019", "year"),
    ("Le chiffre a doublé entre 2015 et 2020.", "2015 et 2020", "2015/2020", "interval"),
    ("Il a dirigé le pays de 1999 à 2008.", "1999 à 2008", "1999/2008", "interval"),
    ("Le plan 2021-2027 a été adopté.", "2021-2027", "2021/2027", "interval"),
    ("Le bilan 2024, publié hier, est mauvais.", "2024", "2024", "year"),
    # ago
    ("Il y a trois ans, la ville a été reprise.", "Il y a trois ans", "2022", "year"),
    ("Le pont s'est effondré il y a deux semaines.", "il y a deux semaines", "2025-03-13", "day"),
    ("Il a été enlevé il y a dix jours.", "il y a dix jours", "2025-03-17", "day"),
    ("Il y a un mois, les prix ont flambé.", "Il y a un mois", "2025-02", "month"),
    ("La ville était reprise il y a 5 ans.", "il y a 5 ans", "2020", "year"),
    # durations
    ("Le blocus a duré 30 jours.", "30 jours", "P30D", "duration"),
    ("Il a été condamné à trois ans de prison.", "trois ans", "P3Y", "duration"),
    ("La guerre dure depuis trois ans.", "trois ans", "P3Y", "duration"),
    ("Le chantier prendra six mois.", "six mois", "P6M", "duration"),
    ("Les pourparlers ont duré deux semaines.", "deux semaines", "P2W", "duration"),
    ("La traque a duré 24 heures.", "24 heures", "PT24H", "duration"),
    ("Il a été détenu pendant près de 24 heures.", "près de 24 heures", "PT24H", "duration"),
    ("Les combats ont duré plusieurs jours.", "plusieurs jours", "PXD", "duration"),
    ("Il faudra quelques semaines.", "quelques semaines", "PXW", "duration"),
    ("Le pilote a devancé son rival de 30,4 secondes.", "30,4 secondes", "PT30.4S", "duration"),
    ("L'assaut a duré 45 minutes.", "45 minutes", "PT45M", "duration"),
    ("Il a purgé dix-huit mois de prison.", "dix-huit mois", "P18M", "duration"),
    ("Leur association durera plus de vingt ans.", "plus de vingt ans", "P20Y", "duration"),
    ("Une grève d'un an a paralysé le port.", "un an", "P1Y", "duration"),
    ("Il est resté 2 ans en prison.", "2 ans", "P2Y", "duration"),
    ("Le mandat dure sept ans.", "sept ans", "P7Y", "duration"),
    # clock times: on the last day named before them, else the publication date
    ("Le couvre-feu commence à 22 h.", "22 h", "2025-03-27T22:00", "time"),
    ("Hier, vers 22 h 30, un homme a été blessé.", "22 h 30", "2025-03-26T22:30", "time"),
    ("Le train est parti à 14h30.", "14h30", "2025-03-27T14:30", "time"),
    ("Vers 0 h 40, jeudi, deux voitures se sont heurtées.", "0 h 40", "2025-03-27T00:40", "time"),
    ("Mardi, à 8 h, la police est intervenue.", "8 h", "2025-03-25T08:00", "time"),
    ("Le 12 mars 2024 à 18:45, l'alerte a été donnée.", "18:45", "2024-03-12T18:45", "time"),
    # anchored on the last day named
    ("Le 12 mars 2024, il a été arrêté. Le lendemain, il a été libéré.", "Le lendemain",
     "2024-03-13", "day"),
    ("Le 12 mars 2024, il a été jugé. La veille, il avait parlé.", "La veille", "2024-03-11", "day"),
]

EN = [
    ("The minister resigned on Thursday.", "Thursday", "2025-03-27", "day"),
    ("Troops withdrew on Monday.", "Monday", "2025-03-24", "day"),
    ("On Tuesday, the court ruled against him.", "Tuesday", "2025-03-25", "day"),
    ("The ceasefire collapsed on Saturday.", "Saturday", "2025-03-22", "day"),
    ("He was arrested on Friday.", "Friday", "2025-03-21", "day"),
    ("The summit will take place on Friday.", "Friday", "2025-03-28", "day"),
    ("The vote is scheduled for Sunday.", "Sunday", "2025-03-30", "day"),
    ("Talks are due to resume on Tuesday.", "Tuesday", "2025-04-01", "day"),
    ("He spoke last Friday.", "last Friday", "2025-03-21", "day"),
    ("She arrives next Tuesday.", "next Tuesday", "2025-04-01", "day"),
    ("The vote is next Thursday.", "next Thursday", "2025-04-03", "day"),
    ("Shelling resumed on Wednesday night.", "Wednesday night", "2025-03-26TNI", "time"),
    ("Police cleared the camp on Sunday morning.", "Sunday morning", "2025-03-23TMO", "time"),
    ("The minister resigned yesterday.", "yesterday", "2025-03-26", "day"),
    ("The verdict is expected tomorrow.", "tomorrow", "2025-03-28", "day"),
    ("Today the city is calm.", "Today", "2025-03-27", "day"),
    ("The day before yesterday, a bomb exploded.", "The day before yesterday", "2025-03-25", "day"),
    ("He spoke this morning.", "this morning", "2025-03-27TMO", "time"),
    ("Sirens sounded last night.", "last night", "2025-03-26TNI", "time"),
    ("She will speak tonight.", "tonight", "2025-03-27TEV", "time"),
    ("Last week, prices fell.", "Last week", "2025-W12", "week"),
    ("This week, the government backed down.", "This week", "2025-W13", "week"),
    ("He will be sentenced next week.", "next week", "2025-W14", "week"),
    ("Unemployment fell last month.", "last month", "2025-02", "month"),
    ("This month, rents rose.", "This month", "2025-03", "month"),
    ("The law takes effect next month.", "next month", "2025-04", "month"),
    ("This year the harvest is good.", "This year", "2025", "year"),
    ("Exports fell last year.", "last year", "2024", "year"),
    ("Elections will be held next year.", "next year", "2026", "year"),
    ("Earlier this year, fighting intensified.", "Earlier this year", "2025", "year"),
    ("Rainfall was heavy in January and February.", "January and February", "2025-01/2025-02",
     "interval"),
    ("Rates held steady from January to March.", "January to March", "2025-01/2025-03", "interval"),
    ("Figures as of Feb. 26 show a decline.", "Feb. 26", "2025-02-26", "day"),
    ("The plant has been closed since November.", "November", "2024-11", "month"),
    ("The strike began in May.", "May", "2024-05", "month"),
    ("The treaty will be ratified in June.", "June", "2025-06", "month"),
    ("He was re-elected last March.", "last March", "2024-03", "month"),
    ("Prices rose in December 2024.", "December 2024", "2024-12", "month"),
    ("On March 3, 2024, troops entered the city.", "March 3, 2024", "2024-03-03", "day"),
    ("He was born on 26 February 1961.", "26 February 1961", "1961-02-26", "day"),
    ("The deal was signed on Jan. 15.", "Jan. 15", "2025-01-15", "day"),
    ("The election is on Nov. 4.", "Nov. 4", "2024-11-04", "day"),
    ("On Sept. 11, 2001, the towers fell.", "Sept. 11, 2001", "2001-09-11", "day"),
    ("The hearing on March 20th was postponed.", "March 20th", "2025-03-20", "day"),
    ("The decree of 3/26/2025 was published.", "3/26/2025", "2025-03-26", "day"),
    ("A statement dated 2025-02-26 said otherwise.", "2025-02-26", "2025-02-26", "day"),
    ("He was elected in 2019.", "2019", "2019", "year"),
    ("The system has been in place since 1998.", "1998", "1998", "year"),
    ("He led the country between 1999 and 2008.", "1999 and 2008", "1999/2008", "interval"),
    ("The city fell three years ago.", "three years ago", "2022", "year"),
    ("The bridge collapsed a week ago.", "a week ago", "2025-03-20", "day"),
    ("Six weeks ago, prices soared.", "Six weeks ago", "2025-02-13", "day"),
    ("The war has lasted three years.", "three years", "P3Y", "duration"),
    ("The blockade lasted 30 days.", "30 days", "P30D", "duration"),
    ("The talks lasted two months.", "two months", "P2M", "duration"),
    ("He was held for 24 hours.", "24 hours", "PT24H", "duration"),
    ("Fighting went on for several weeks.", "several weeks", "PXW", "duration"),
    ("The raid lasted nearly 45 minutes.", "nearly 45 minutes", "PT45M", "duration"),
    ("The curfew begins at 10 p.m.", "10 p.m.", "2025-03-27T22:00", "time"),
    ("The train left at 10:30 a.m.", "10:30 a.m.", "2025-03-27T10:30", "time"),
    ("Yesterday at 3 p.m. the alarm sounded.", "3 p.m.", "2025-03-26T15:00", "time"),
    ("The blast happened at 18:45.", "18:45", "2025-03-27T18:45", "time"),
    ("On March 3, 2024, he was arrested. The next day he was released.", "The next day",
     "2024-03-04", "day"),
]

DE = [
    ("Am Donnerstag trat der Minister zurück.", "Donnerstag", "2025-03-27", "day"),
    ("Die Polizei räumte das Lager am Montag.", "Montag", "2025-03-24", "day"),
    ("Am Samstag demonstrierten Tausende.", "Samstag", "2025-03-22", "day"),
    ("Die Wahl wird am Sonntag stattfinden.", "Sonntag", "2025-03-30", "day"),
    ("Der Gipfel soll am Freitag beginnen.", "Freitag", "2025-03-28", "day"),
    ("Er sprach letzten Freitag.", "letzten Freitag", "2025-03-21", "day"),
    ("Sie kommt nächsten Montag.", "nächsten Montag", "2025-03-31", "day"),
    ("Am vergangenen Dienstag wurde er festgenommen.", "vergangenen Dienstag", "2025-03-25", "day"),
    ("Die Angriffe begannen am Dienstagabend.", "Dienstagabend", "2025-03-25TEV", "time"),
    ("Am Sonntag Morgen wurde das Lager geräumt.", "Sonntag Morgen", "2025-03-23TMO", "time"),
    ("Der Minister trat gestern zurück.", "gestern", "2025-03-26", "day"),
    ("Vorgestern wurde die Stadt beschossen.", "Vorgestern", "2025-03-25", "day"),
    ("Das Urteil wird morgen erwartet.", "morgen", "2025-03-28", "day"),
    ("Heute ist die Lage ruhig.", "Heute", "2025-03-27", "day"),
    ("Übermorgen wird abgestimmt.", "Übermorgen", "2025-03-29", "day"),
    ("Die Stadt wurde gestern Abend beschossen.", "gestern Abend", "2025-03-26TEV", "time"),
    ("Er sprach heute Morgen.", "heute Morgen", "2025-03-27TMO", "time"),
    ("Letzte Woche fielen die Preise.", "Letzte Woche", "2025-W12", "week"),
    ("Vergangene Woche wurde das Gesetz verabschiedet.", "Vergangene Woche", "2025-W12", "week"),
    ("Das Gesetz wurde in der vergangenen Woche verabschiedet.", "in der vergangenen Woche",
     "2025-W12", "week"),
    ("Diese Woche lenkte die Regierung ein.", "Diese Woche", "2025-W13", "week"),
    ("Er wird nächste Woche verurteilt.", "nächste Woche", "2025-W14", "week"),
    ("Die Arbeitslosigkeit sank im vergangenen Monat.", "im vergangenen Monat", "2025-02", "month"),
    ("Das Gesetz tritt im nächsten Monat in Kraft.", "im nächsten Monat", "2025-04", "month"),
    ("Die Exporte brachen im vergangenen Jahr ein.", "im vergangenen Jahr", "2024", "year"),
    ("Letztes Jahr war die Ernte schlecht.", "Letztes Jahr", "2024", "year"),
    ("Nächstes Jahr wird gewählt.", "Nächstes Jahr", "2026", "year"),
    ("In diesem Jahr ist die Ernte gut.", "In diesem Jahr", "2025", "year"),
    ("Anfang des Jahres verschärften sich die Kämpfe.", "Anfang des Jahres", "2025", "year"),
    ("Ende des vergangenen Jahres stiegen die Preise.", "Ende des vergangenen Jahres", "2024", "year"),
    ("Es regnete viel im Januar und Februar.", "Januar und Februar", "2025-01/2025-02", "interval"),
    ("Die Zinsen blieben von Januar bis März stabil.", "Januar bis März", "2025-01/2025-03",
     "interval"),
    ("Das Werk ist seit November geschlossen.", "November", "2024-11", "month"),
    ("Der Streik begann im Mai.", "Mai", "2024-05", "month"),
    ("Er wurde Anfang März entlassen.", "März", "2025-03", "month"),
    ("Der Vertrag wird im Juni ratifiziert werden.", "Juni", "2025-06", "month"),
    ("Die Preise stiegen im Dezember 2024.", "Dezember 2024", "2024-12", "month"),
    ("Am 26. Februar wurde das Abkommen unterzeichnet.", "26. Februar", "2025-02-26", "day"),
    ("Am 3. März 2024 rückten Truppen ein.", "3. März 2024", "2024-03-03", "day"),
    ("Er wurde am 1. Mai festgenommen.", "1. Mai", "2024-05-01", "day"),
    ("Die Verordnung vom 26.02.2025 wurde veröffentlicht.", "26.02.2025", "2025-02-26", "day"),
    ("Die Sitzung am 15. Jan. war kurz.", "15. Jan.", "2025-01-15", "day"),
    ("Er wurde im Jahr 2019 gewählt.", "2019", "2019", "year"),
    ("Das System gibt es seit 1998.", "1998", "1998", "year"),
    ("Er regierte von 1999 bis 2008.", "1999 bis 2008", "1999/2008", "interval"),
    ("Vor drei Jahren fiel die Stadt.", "Vor drei Jahren", "2022", "year"),
    ("Die Brücke stürzte vor zwei Wochen ein.", "vor zwei Wochen", "2025-03-13", "day"),
    ("Der Krieg dauert drei Jahre.", "drei Jahre", "P3Y", "duration"),
    ("Die Blockade dauerte 30 Tage.", "30 Tage", "P30D", "duration"),
    ("Die Kämpfe dauerten mehrere Tage.", "mehrere Tage", "PXD", "duration"),
    ("Er wurde 24 Stunden festgehalten.", "24 Stunden", "PT24H", "duration"),
    ("Seit zwei Wochen wird verhandelt.", "zwei Wochen", "P2W", "duration"),
    ("Die Ausgangssperre beginnt um 22 Uhr.", "22 Uhr", "2025-03-27T22:00", "time"),
    ("Der Zug fuhr um 14.30 Uhr ab.", "14.30 Uhr", "2025-03-27T14:30", "time"),
    ("Gestern um 18:45 Uhr gab es Alarm.", "18:45 Uhr", "2025-03-26T18:45", "time"),
    ("Am 3. März 2024 wurde er festgenommen. Am nächsten Tag kam er frei.", "Am nächsten Tag",
     "2024-03-04", "day"),
]


@pytest.mark.parametrize("text,surface,value,grain", FR)
def test_french(stage, text, surface, value, grain):
    check(stage, "fr", text, surface, value, grain)


@pytest.mark.parametrize("text,surface,value,grain", EN)
def test_english(stage, text, surface, value, grain):
    check(stage, "en", text, surface, value, grain)


@pytest.mark.parametrize("text,surface,value,grain", DE)
def test_german(stage, text, surface, value, grain):
    check(stage, "de", text, surface, value, grain)


# Other publication dates: year ends, leap days, weeks that straddle two years.
OTHER_DATES = [
    ("fr", dt.date(2024, 12, 31), "Il a neigé en janvier.", "janvier", "2024-01", "month"),
    ("fr", dt.date(2024, 12, 31), "Le sommet se tiendra en janvier.", "janvier", "2025-01", "month"),
    ("fr", dt.date(2024, 12, 31), "Il viendra en janvier prochain.", "janvier prochain", "2025-01", "month"),
    ("fr", dt.date(2024, 12, 31), "Cette semaine, rien n'a bougé.", "Cette semaine", "2025-W01", "week"),
    ("fr", dt.date(2024, 12, 31), "La semaine dernière, il a plu.", "La semaine dernière", "2024-W52",
     "week"),
    ("fr", dt.date(2024, 12, 31), "Il a parlé hier.", "hier", "2024-12-30", "day"),
    ("fr", dt.date(2024, 12, 31), "Il parlera demain.", "demain", "2025-01-01", "day"),
    ("fr", dt.date(2024, 12, 31), "Le mois prochain sera décisif.", "Le mois prochain", "2025-01", "month"),
    ("fr", dt.date(2024, 12, 31), "L'an dernier a été chaud.", "L'an dernier", "2023", "year"),
    ("fr", dt.date(2024, 12, 31), "La loi du 2 janvier a été votée.", "2 janvier", "2024-01-02", "day"),
    ("fr", dt.date(2025, 1, 3), "Le décret du 21 décembre a été publié.", "21 décembre", "2024-12-21",
     "day"),
    ("fr", dt.date(2025, 1, 3), "La crise de décembre a pesé.", "décembre", "2024-12", "month"),
    ("fr", dt.date(2024, 3, 1), "Il a neigé hier.", "hier", "2024-02-29", "day"),
    ("fr", dt.date(2024, 3, 1), "Le texte du 29 février a été voté.", "29 février", "2024-02-29", "day"),
    ("fr", dt.date(2024, 3, 1), "Il y a un an, la ville est tombée.", "Il y a un an", "2023", "year"),
    ("fr", dt.date(1999, 5, 21), "Le club a gagné mardi.", "mardi", "1999-05-18", "day"),
    ("fr", dt.date(1999, 5, 21), "La réunion aura lieu le 30 juin.", "30 juin", "1999-06-30", "day"),
    ("fr", dt.date(1999, 5, 21), "Il a été condamné hier soir.", "hier soir", "1999-05-20TEV", "time"),
    ("en", dt.date(2024, 12, 31), "Prices rose in January.", "January", "2024-01", "month"),
    ("en", dt.date(2024, 12, 31), "The summit will be held in January.", "January", "2025-01", "month"),
    ("en", dt.date(2024, 12, 31), "This week nothing moved.", "This week", "2025-W01", "week"),
    ("en", dt.date(2021, 1, 3), "Last week was calm.", "Last week", "2020-W52", "week"),
    ("en", dt.date(2024, 3, 1), "It snowed yesterday.", "yesterday", "2024-02-29", "day"),
    ("de", dt.date(2024, 12, 31), "Im Januar schneite es.", "Januar", "2024-01", "month"),
    ("de", dt.date(2024, 12, 31), "Der Gipfel wird im Januar stattfinden.", "Januar", "2025-01", "month"),
    ("de", dt.date(2024, 3, 1), "Gestern schneite es.", "Gestern", "2024-02-29", "day"),
    ("de", dt.date(2025, 3, 30), "Am Donnerstag wurde gewählt.", "Donnerstag", "2025-03-27", "day"),
]


@pytest.mark.parametrize("lang,published,text,surface,value,grain", OTHER_DATES)
def test_other_publication_dates(stage, lang, published, text, surface, value, grain):
    check(stage, lang, text, surface, value, grain, published)


# Without a publication date: relative expressions stay unresolved; absolute ones still resolve.
UNANCHORED = [
    ("fr", "Le ministre a démissionné hier.", "hier", None, "day"),
    ("fr", "La semaine dernière, il a neigé.", "La semaine dernière", None, "week"),
    ("fr", "Il a parlé jeudi devant la presse.", "jeudi", None, "day"),
    ("fr", "La grève a commencé en mai.", "mai", None, "month"),
    ("fr", "L'année dernière, la récolte était mauvaise.", "L'année dernière", None, "year"),
    ("fr", "Les pluies ont été abondantes en janvier et février.", "janvier et février", None,
     "interval"),
    ("fr", "Il y a trois ans, la ville a été reprise.", "Il y a trois ans", None, "year"),
    ("fr", "Le couvre-feu commence à 22 h.", "22 h", None, "time"),
    ("fr", "Les chiffres arrêtés au 26 février sont connus.", "26 février", None, "day"),
    ("fr", "Selon lui, le 12 mars 2024, l'armée est entrée dans la ville.", "12 mars 2024",
     "2024-03-12", "day"),
    ("fr", "Selon lui, la guerre dure depuis trois ans.", "trois ans", "P3Y", "duration"),
    ("fr", "Selon lui, il est né en 1943.", "1943", "1943", "year"),
    ("en", "The minister resigned yesterday.", "yesterday", None, "day"),
    ("en", "He spoke on Thursday.", "Thursday", None, "day"),
    ("en", "Officials said that on March 3, 2024, troops entered.", "March 3, 2024", "2024-03-03", "day"),
    ("en", "Officials said the war has lasted three years.", "three years", "P3Y", "duration"),
    ("de", "Letzte Woche fielen die Preise.", "Letzte Woche", None, "week"),
    ("de", "Der Krieg dauert drei Jahre.", "drei Jahre", "P3Y", "duration"),
    ("de", "Laut Polizei rückten am 3. März 2024 Truppen ein.", "3. März 2024", "2024-03-03", "day"),
]


@pytest.mark.parametrize("lang,text,surface,value,grain", UNANCHORED)
def test_unanchored(stage, lang, text, surface, value, grain):
    doc = run(stage, text, lang, None)
    t = find(doc, surface)
    assert (t.value, t.granularity, t.anchored) == (value, grain, value is not None)
    assert doc.published is None and doc.published_source is None


# Things that look like dates but are not.
NOT_TIMES = [
    ("fr", "Le navire était en mer depuis longtemps."),
    ("fr", "Mars est la quatrième planète du système solaire."),
    ("fr", "Les sondes vers Mars coûtent cher."),
    ("fr", "Sept personnes ont été blessées."),
    ("fr", "Jean Dupont, 87 ans, a été renversé par une voiture."),
    ("fr", "Une fillette âgée de 6 ans a été retrouvée."),
    ("fr", "L'enfant avait 5 ans."),
    ("fr", "Le bilan s'élève à 1998 victimes."),
    ("fr", "Il a versé 2000 euros."),
    ("fr", "Il a versé de 2000 euros à 1500 euros."),
    ("fr", "Un homme de 45 ans a été interpellé."),
    ("fr", "Les lundis sont calmes au marché."),
    ("en", "Thousands march in the capital."),
    ("en", "The minister may resign."),
    ("en", "He is 87 years old."),
    ("en", "A second round of talks failed."),
    ("en", "The marchers sang."),
    ("en", "She met June and August at the station."),
    ("de", "Am Morgen war es kalt."),
    ("de", "Er ist 87 Jahre alt."),
    ("de", "Im Alter von 40 Jahren zog er um."),
]


@pytest.mark.parametrize("lang,text", NOT_TIMES)
def test_not_times(stage, lang, text):
    doc = run(stage, text, lang)
    assert doc.times == [], [(t.span.text, t.value) for t in doc.times]


DATELINES = [
    ("fr", "PARIS, 22 mai 2012 (AFP) - Le président a annoncé hier sa démission.", dt.date(2012, 5, 22),
     "hier", "2012-05-21"),
    ("fr", "22 mai 2012\n\nLe président a annoncé hier sa démission.", dt.date(2012, 5, 22),
     "hier", "2012-05-21"),
    ("en", "WASHINGTON, March 3, 2024 (Reuters) — The senator resigned yesterday.", dt.date(2024, 3, 3),
     "yesterday", "2024-03-02"),
    ("de", "BERLIN, 3. März 2024 (dpa) - Der Minister trat gestern zurück.", dt.date(2024, 3, 3),
     "gestern", "2024-03-02"),
]


@pytest.mark.parametrize("lang,text,published,surface,value", DATELINES)
def test_dateline_estimates_publication_date(stage, lang, text, published, surface, value):
    doc = run(stage, text, lang, None)
    assert (doc.published, doc.published_source) == (published, "estimated")
    assert find(doc, surface).value == value


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le 12 mars 2024, l'armée est entrée dans la ville. Hier, elle s'est retirée."),
    ("en", "On March 3, 2024, troops entered the city. Yesterday they left."),
    ("fr", "La guerre dure depuis 2022. Hier, un drone a frappé."),
    ("fr", "Attentat du 14 juillet 2016 : le procès s'ouvre. Hier, les familles sont arrivées."),
    ("fr", "Les victimes du 14 juillet 2016 - hier, une cérémonie a eu lieu."),
])
def test_a_date_in_the_first_sentence_is_not_a_dateline(stage, lang, text):
    doc = run(stage, text, lang, None)
    assert doc.published is None
    assert all(t.value is None for t in doc.times if t.span.text.lower() in ("hier", "yesterday"))


def test_given_publication_date_is_kept(stage):
    doc = run(stage, "PARIS, 22 mai 2012 (AFP) - Il a parlé hier.", "fr", PUB)
    assert doc.published == PUB and find(doc, "hier").value == "2025-03-26"


def test_unknown_language_gives_no_times(stage):
    assert run(stage, "Вчера, 12 марта 2024 года.", "ru").times == []
    assert run(stage, "hier", None).times == []


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_calendar_edges_do_not_crash(stage, published):
    text = "Hier, en janvier, jeudi, le 3 mars, la semaine dernière, il y a trois ans, à 22 h."
    doc = run(stage, text, "fr", published)
    assert all(doc.text[t.span.start:t.span.end] == t.span.text for t in doc.times)


def test_ids_and_order(stage):
    doc = run(stage, "Hier, puis le 5 mai 2024 et depuis trois ans.", "fr")
    assert [t.id for t in doc.times] == ["t1", "t2", "t3"]
    assert [t.span.start for t in doc.times] == sorted(t.span.start for t in doc.times)
    assert all(t.to_dict()["stage"] == NAME for t in doc.times)


def test_data_files_share_one_schema():
    keys = {code: set(langdata.load(code, "time")) for code in ("fr", "en", "de")}
    assert keys["fr"] == keys["en"] == keys["de"]
    assert set(langdata.SCHEMAS["time"]) <= keys["fr"]


def test_stage_is_registered():
    from dateline.pipeline import _REGISTRY

    spec = _REGISTRY[NAME]
    assert spec.reads == {"text", "lang"} and spec.adds == {"times"}


@pytest.mark.parametrize("text", [
    "1 " * 5_000, "en " * 5_000, "le 1er " * 3_000, "hier soir " * 2_000,
    "mai " * 5_000, "12 h " * 3_000, ("a" * 50_000), "janvier et " * 3_000,
])
def test_long_repetitive_text_is_fast(stage, text):
    t0 = time.perf_counter()
    doc = run(stage, text, "fr")
    assert time.perf_counter() - t0 < 10
    assert all(doc.text[t.span.start:t.span.end] == t.span.text for t in doc.times)


_PIECES = st.sampled_from([
    "hier", "jeudi", "mai", "en", "mars", "le", "1er", "26", "février", "2025", "il y a", "trois",
    "ans", "h", "22", "30", ",", ".", "\n", " ", "semaine", "dernière", "prochain", "Thursday",
    "last", "week", "ago", "May", "Feb.", "am", "Donnerstag", "letzte", "Woche", "Uhr", "vor",
    "Jahren", "’", "'", "-", "/", "31", "29", "00", "PARIS", "(AFP)", "—", "soir", "lendemain",
])
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join),
                  st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, lang=st.sampled_from(["fr", "en", "de"]),
       published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_never_crashes_and_spans_point_into_text(stage, text, lang, published):
    doc = run(stage, text, lang, published)
    for t in doc.times:
        assert doc.text[t.span.start:t.span.end] == t.span.text
        assert t.anchored is (t.value is not None)


# ---- TimeML references and recurrences (Options.time_references) ----

REFERENCES = [
    ("fr", "Le site est actuellement fermé au public.", "actuellement", "PRESENT_REF", "reference"),
    ("fr", "Autrefois, le village comptait trois écoles.", "Autrefois", "PAST_REF", "reference"),
    ("fr", "Les contrôles seront renforcés à l'avenir.", "à l'avenir", "FUTURE_REF", "reference"),
    ("fr", "Le marché se tient chaque année sur la place.", "chaque année", "P1Y", "duration"),
    ("fr", "Le bilan du premier semestre est attendu.", "semestre", "P6M", "duration"),
    ("en", "The bridge is currently closed to traffic.", "currently", "PRESENT_REF", "reference"),
    ("en", "Ferries leave every day from the harbour.", "every day", "P1D", "duration"),
    ("de", "Die Grenze ist derzeit geschlossen.", "derzeit", "PRESENT_REF", "reference"),
    ("de", "Der Bericht erscheint jährlich im Frühjahr.", "jährlich", "P1Y", "duration"),
]


@pytest.mark.parametrize("lang, text, surface, value, grain", REFERENCES)
def test_time_references_when_asked(lang, text, surface, value, grain):
    check(make_times(Context(Options(time_references=True))), lang, text, surface, value, grain)


@pytest.mark.parametrize("lang, text, surface, value, grain", REFERENCES)
def test_no_time_references_by_default(stage, lang, text, surface, value, grain):
    """A news timeline wants dates: references are TimeBank's convention, off unless asked for."""
    assert [t for t in run(stage, text, lang).times if t.span.text == surface] == []


@pytest.mark.parametrize("text, surface, value", [
    # a deadline ("jusqu'au" + a date) speaks of the future: the date comes after publication
    ("Le gouvernement a donné jusqu'au 30 juin aux syndicats pour répondre.", "30 juin", "2025-06-30"),
    ("L'opération se poursuit jusqu'en mai, a précisé la préfecture.", "mai", "2025-05"),
    # "jusqu'au" before a place is no deadline: a bare weekday stays in the past
    ("La tempête a frappé lundi soir et balayé la côte jusqu'au Finistère.", "lundi soir", "2025-03-24TEV"),
])
def test_deadline_speaks_of_the_future(stage, text, surface, value):
    assert find(run(stage, text, "fr"), surface).value == value
