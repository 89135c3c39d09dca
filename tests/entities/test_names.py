"""Spelling-independent names (`dateline.kb.names`): fold, key, to_latin and the skeleton.

A skeleton pair is (name, the convention it is written in) on each side: `None` for Cyrillic (read
by `lang/{ru,uk}/script.yaml`) and "en" for the English press convention (nothing to decode).
Cases marked xfail(strict=True) are romanisations the skeleton does not merge yet; linking still
finds those names where the knowledge base lists the spelling, but not otherwise.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from dateline.entities import FUZZY
from dateline.kb import names
from dateline.kb.names import fold, key, skeleton, skeletons, to_latin


@pytest.mark.parametrize("text, folded", [
    ("Kyïv", "kyiv"),
    ("KYIV", "kyiv"),
    ("Élysée", "elysee"),
    ("Erdoğan", "erdogan"),
    ("Sergueï Choïgou", "serguei choigou"),
    ("Straße", "strasse"),
    ("Russia’s", "russia's"),       # typographic apostrophes unified
    ("Kim Jong‘un", "kim jong'un"),
    ("Dnipropetrovs`k", "dnipropetrovs'k"),
    ("Зеленський", "зеленськии"),   # fold drops й's breve; the skeleton reads й before folding
    ("ЁЛКА", "елка"),
])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong-un", ("kim", "jong", "un")),
    ("l’Élysée", ("l", "elysee")),
    ("Saint-Pétersbourg", ("saint", "petersbourg")),
    ("J.D. Vance", ("j", "d", "vance")),
    ("Russia-1", ("russia", "1")),       # digits are words of their own ("Russia-1", "G7")
    ("Charles III", ("charles", "iii")),
    ("  Володимир   Зеленський ", ("володимир", "зеленськии")),
    ("", ()),
    ("— · —", ()),
])
def test_key(text, expected):
    assert key(text) == expected


def test_key_is_the_same_for_case_and_accent_variants():
    assert key("Sergueï Lavrov") == key("SERGUEI LAVROV") == key("sergueï  lavrov")


@pytest.mark.parametrize("word, latin", [
    ("шойгу", "shoygu"),      # Russian table (й -> y)
    ("харків", "kharkiv"),    # і is Ukrainian only: the Ukrainian table
    ("київ", "kyyiv"),
    ("щука", "shchuka"),
    ("объект", "obekt"),      # hard sign dropped
    ("kyiv", "kyiv"),         # Latin untouched
])
def test_to_latin(word, latin):
    assert to_latin(word) == latin


# ((name, convention), (name, convention)): one identity, one skeleton
SAME = [
    # people
    (("Volodymyr Zelensky", "en"), ("Wolodymyr Selenskyj", "de")),
    (("Volodymyr Zelenskyy", "en"), ("Володимир Зеленський", None)),
    (("Zelenskiy", "en"), ("Zelenski", "fr")),
    (("Sergei Shoigu", "en"), ("Sergej Schoigu", "de")),
    (("Sergei Shoigu", "en"), ("Sergueï Choïgou", "fr")),
    (("Shoigu", "en"), ("Шойгу", None)),
    (("Sergei Lavrov", "en"), ("Sergej Lawrow", "de")),
    (("Sergey Lavrov", "en"), ("Сергей Лавров", None)),
    (("Dmitry Peskov", "en"), ("Dmitri Peskow", "de")),
    (("Dmitry Peskov", "en"), ("Дмитрий Песков", None)),
    (("Alexei Navalny", "en"), ("Alexej Nawalny", "de")),
    (("Mikhail Mishustin", "en"), ("Michail Mischustin", "de")),
    (("Yevgeny Prigozhin", "en"), ("Jewgeni Prigoschin", "de")),
    (("Alexander Lukashenko", "en"), ("Alexander Lukaschenko", "de")),
    (("Lukashenko", "en"), ("Loukachenko", "fr")),
    (("Lukashenko", "en"), ("Лукашенко", None)),
    (("Andriy Yermak", "en"), ("Andrij Jermak", "de")),
    (("Maria Zakharova", "en"), ("Maria Sacharowa", "de")),
    (("Vladimir Putin", "en"), ("Wladimir Putin", "de")),
    (("Vladimir Putin", "en"), ("Владимир Путин", None)),
    (("Nikol Pashinyan", "en"), ("Nikol Paschinjan", "de")),
    (("Nikol Pashinyan", "en"), ("Nikol Pachinian", "fr")),
    (("Benjamin Netanyahu", "en"), ("Benjamin Netanjahu", "de")),
    (("Ali Khamenei", "en"), ("Ali Chamenei", "de")),
    (("Recep Tayyip Erdogan", "en"), ("Recep Tayyip Erdoğan", "de")),
    (("Kim Jong-un", "en"), ("Kim Jong Un", "en")),
    # places
    (("Kharkiv", "en"), ("Charkiw", "de")),
    (("Kharkiv", "en"), ("Харків", None)),
    (("Kharkiv", "en"), ("Járkiv", "es")),
    (("Kyiv", "en"), ("Kyjiw", "de")),
    (("Kyiv", "en"), ("Київ", None)),
    (("Kyiv", "en"), ("KYIV", "en")),
    (("Zaporizhzhia", "en"), ("Saporischschja", "de")),
    (("Zaporizhia", "en"), ("Zaporijia", "fr")),
    (("Chernihiv", "en"), ("Tschernihiw", "de")),
    (("Chernihiv", "en"), ("Tchernihiv", "fr")),
    (("Zhytomyr", "en"), ("Schytomyr", "de")),
    (("Zhytomyr", "en"), ("Jytomyr", "fr")),
    (("Kherson", "en"), ("Cherson", "de")),
    (("Mykolaiv", "en"), ("Mykolajiw", "de")),
    (("Pokrovsk", "en"), ("Pokrowsk", "de")),
    (("Avdiivka", "en"), ("Awdijiwka", "de")),
    (("Avdiivka", "en"), ("Avdiïvka", "fr")),
    (("Bakhmut", "en"), ("Bachmut", "de")),
    (("Bakhmut", "en"), ("Бахмут", None)),
    (("Donetsk", "en"), ("Донецьк", None)),
    (("Kramatorsk", "en"), ("Краматорськ", None)),
    (("Mariupol", "en"), ("Маріуполь", None)),
    (("Sumy", "en"), ("Soumy", "fr")),
    (("Kursk", "en"), ("Koursk", "fr")),
    (("Novorossiysk", "en"), ("Noworossijsk", "de")),
    (("Chernobyl", "en"), ("Tschernobyl", "de")),
    (("Pyongyang", "en"), ("Pjöngjang", "de")),
    (("Moskva", "en"), ("Москва", None)),
]


def _id(pair) -> str:
    (a, la), (b, lb) = pair
    return f"{a}|{b}({lb or 'cyr'})"


@pytest.mark.parametrize("pair", SAME, ids=_id)
def test_skeleton_equal_across_conventions(pair):
    (a, la), (b, lb) = pair
    assert skeleton(a, la) == skeleton(b, lb)


@pytest.mark.parametrize("pair", [
    pytest.param((("Vladimir Putin", "en"), ("Vladimir Poutine", "fr")), id="fr-Poutine"),
    pytest.param((("Mikhail Mishustin", "en"), ("Mikhaïl Michoustine", "fr")), id="fr-Michoustine"),
    pytest.param((("Evgeny Prigozhin", "en"), ("Evgueni Prigojine", "fr")), id="fr-Prigojine"),
])
@pytest.mark.xfail(strict=True, reason="French writes Russian -in as -ine (Poutine, Michoustine, Prigojine); the "
                                       "French decode table has no rule for it, so a one-word name ('Poutine' vs "
                                       "'putin': ratio 90.9 < FUZZY) is not even fuzzy-matched")
def test_skeleton_french_final_e(pair):
    (a, la), (b, lb) = pair
    assert skeleton(a, la) == skeleton(b, lb)


@pytest.mark.xfail(strict=True, reason="German writes ц as z (Zichanouskaja, Zoi); the German decode table maps "
                                       "z only through the general z/s merge, so 'Zich-' != 'Tsikh-'")
def test_skeleton_german_z_for_ts():
    assert skeleton("Sviatlana Tsikhanouskaya", "en") == skeleton("Swjatlana Zichanouskaja", "de")


@pytest.mark.xfail(strict=True, reason="initial Ye-/E- (Yevgeny/Evgeny, both English spellings in the KB) is "
                                       "not merged: 'ievgeni' != 'evgeni'")
def test_skeleton_initial_ye():
    assert skeleton("Yevgeny Prigozhin", "en") == skeleton("Evgeny Prigozhin", "en")


@pytest.mark.parametrize("a, b", [
    ("Kyiv", "Kirov"),
    ("Paris", "Perm"),
    ("Kharkiv", "Kherson"),
    ("Lviv", "Lida"),
    ("Sumy", "Sochi"),
    ("Odesa", "Omsk"),
    ("Putin", "Pushkin"),
    ("Lavrov", "Lvov"),
    ("Austria", "Australia"),
    ("Slovakia", "Slovenia"),
    ("Iran", "Iraq"),
    ("Niger", "Nigeria"),
    ("Donetsk", "Donbas"),
])
def test_skeleton_keeps_different_names_apart(a, b):
    conv = names.conventions()
    assert not skeletons(a, conv) & skeletons(b, conv), (skeletons(a, conv), skeletons(b, conv))


@pytest.mark.parametrize("a, b", [
    ("Kharkiv", "Kherson"),
    ("Pokrovsk", "Pskov"),
    ("Slovakia", "Slovenia"),
    ("Kramatorsk", "Krasnodar"),
])
def test_fuzzy_ratio_keeps_different_names_apart(a, b):
    assert fuzz.ratio(skeleton(a), skeleton(b)) < FUZZY


def test_skeletons_reads_every_convention():
    """A German spelling met in an English text: one of its readings is the English skeleton."""
    found = skeletons("Sergej Lawrow", names.conventions())
    assert skeleton("Sergei Lavrov") in found
    assert skeleton("Sergej Lawrow", "de") in found
    assert skeletons("", names.conventions()) == set()


def test_conventions_include_the_romanising_languages():
    conv = names.conventions()
    assert {"de", "fr"} <= set(conv)
    assert "en" not in conv  # the reference convention: nothing to decode


def test_cyrillic_ignores_the_convention():
    """A name in Cyrillic is read by the script table, whatever language the text is in."""
    assert skeleton("Шойгу", "de") == skeleton("Шойгу", "fr") == skeleton("Shoigu")
    assert skeleton("Зеленський", "de") == skeleton("Zelenskyy")


def test_skeleton_ignores_case_accents_and_apostrophes():
    assert skeleton("KHARKIV") == skeleton("Kharkiv") == skeleton("Khar'kiv")
    assert skeleton("Kyïv") == skeleton("Kyiv")
    assert skeleton("Dnipropetrovs’k") == skeleton("Dnipropetrovsk")


@pytest.mark.parametrize(("name", "spelt"), [
    ("Österreich", "Oesterreich"),
    ("München", "Muenchen"),
    ("Nürnberg", "Nuernberg"),
    ("Ägypten", "Aegypten"),
    ("Gerhard Schröder", "Gerhard Schroeder"),
    ("Berlin", None),
    ("Kraków", None),  # only the letters a language's orthography lists are written out
])
def test_spelt_out(name, spelt):
    assert names.spelt_out(name) == spelt


def test_stem_keys_reach_every_case_of_a_name():
    """An alias is indexed so that the stem of any of its cases finds it: Russian "Харьков" (whose
    "-ов" the cases keep), Ukrainian "Харків"/"Київ" (whose last vowel alternates in the cases), "Авдіївка" (whose
    к is ц before -і), two-word "Часів Яр"."""
    from dateline.kb import case_endings, consonant_alternations, stem_alternations, stem_key, stem_keys

    for lang, alias, cases in (("ru", "Харьков", ["Харькова", "Харькове", "Харьковом", "Харьков"]),
                               ("uk", "Харків", ["Харкова", "Харкові", "Харковом", "Харків"]),
                               ("uk", "Київ", ["Києва", "Києві", "Києвом", "Київ"]),
                               ("uk", "Авдіївка", ["Авдіївки", "Авдіївці", "Авдіївку", "Авдіївкою"]),
                               ("uk", "Часів Яр", ["Часового Яру", "Часовому Яру", "Часів Яр"])):
        endings = case_endings(lang)
        keys = stem_keys(names.key(alias), endings, stem_alternations(lang), consonant_alternations(lang))
        for form in cases:
            assert any(stem_key(names.key(form), endings, keep) in keys for keep in (3, 2)), (alias, form, keys)
    # a one-word stem shorter than four letters indexes nothing ("Мали" would match "мал-" words)
    assert all(len(k) >= 4 for k in stem_keys(["мали"], case_endings("ru")))
