"""The number reader: digits with each language's grouping, number words, multipliers."""

from __future__ import annotations

import pytest

from dateline.normalize.numbers import find_numbers, lexicon, parse_number, read_digits

FR = [
    ("0", 0), ("7", 7), ("42", 42), ("3 000", 3000), ("3\u00a0000", 3000), ("3\u202f000", 3000),
    ("11 000", 11000), ("1 234 567", 1234567), ("3.000", 3000), ("1,5", 1.5), ("2,75", 2.75),
    ("12 500,5", 12500.5), ("1.5", 1.5), ("un million", 1e6), ("1,5 million", 1.5e6),
    ("2 millions", 2e6), ("5 milliards", 5e9), ("1,2 milliard", 1.2e9), ("3 billions", 3e12),
    ("trois", 3), ("neuf", 9), ("dix", 10), ("onze", 11), ("seize", 16), ("dix-sept", 17),
    ("vingt", 20), ("vingt et un", 21), ("vingt-deux", 22), ("trente-cinq", 35),
    ("quarante et un", 41), ("cinquante", 50), ("soixante", 60), ("soixante-dix", 70),
    ("soixante et onze", 71), ("soixante-dix-sept", 77), ("quatre-vingts", 80),
    ("quatre-vingt-un", 81), ("quatre-vingt-dix", 90), ("quatre-vingt-dix-neuf", 99),
    ("cent", 100), ("cent un", 101), ("deux cents", 200), ("deux cent trois", 203),
    ("mille", 1000), ("trois mille", 3000), ("mille deux cents", 1200),
    ("deux mille vingt-quatre", 2024), ("deux cent mille", 200000), ("trois millions", 3e6),
    ("un milliard", 1e9), ("deux milliards", 2e9), ("une centaine", 100), ("une vingtaine", 20),
    ("une trentaine", 30), ("une dizaine", 10), ("un millier", 1000), ("deux douzaines", 24),
    ("septante", 70), ("nonante", 90), ("1 000 000", 1e6), ("22 mille", 22000),
    ("vingt-et-un", 21), ("trois cent mille", 300000), ("1,1 million", 1.1e6),
]
EN = [
    ("7", 7), ("3,000", 3000), ("1,000,000", 1e6), ("1,000.5", 1000.5), ("0.75", 0.75),
    ("12.5", 12.5), ("1.5 million", 1.5e6), ("2 billion", 2e9), ("1.5bn", 1.5e9), ("3 trillion", 3e12),
    ("100k", 1e5), ("one", 1), ("two", 2), ("nine", 9), ("ten", 10), ("twelve", 12),
    ("thirteen", 13), ("nineteen", 19), ("twenty", 20), ("twenty-one", 21), ("twenty three", 23),
    ("forty-five", 45), ("ninety-nine", 99), ("a hundred", 100), ("one hundred", 100),
    ("one hundred and six", 106), ("two hundred and fifty", 250), ("a thousand", 1000),
    ("three thousand", 3000), ("two thousand and twenty", 2020), ("a million", 1e6),
    ("two million", 2e6), ("a dozen", 12), ("two dozen", 24), ("three dozens", 36),
    ("fifteen thousand", 15000), ("five hundred thousand", 500000),
    ("one million two hundred thousand", 1.2e6), ("seventy", 70), ("eighty-eight", 88),
    ("1,100,000", 1.1e6), ("2.5 million", 2.5e6), ("300", 300),
]
DE = [
    ("7", 7), ("3.000", 3000), ("1.000.000", 1e6), ("2.000,352", 2000.352), ("4,800", 4.8),
    ("1,5", 1.5), ("3\u00a0000", 3000), ("1,5 Millionen", 1.5e6), ("2 Mrd.", 2e9),
    ("3 Milliarden", 3e9), ("1,2 Mio.", 1.2e6), ("zwölf", 12), ("eins", 1), ("zwei", 2),
    ("drei", 3), ("neun", 9), ("zehn", 10), ("elf", 11), ("sechzehn", 16), ("siebzehn", 17),
    ("zwanzig", 20), ("einundzwanzig", 21), ("zweiundvierzig", 42), ("dreißig", 30),
    ("neunundneunzig", 99), ("hundert", 100), ("einhundert", 100), ("zweihundert", 200),
    ("dreihundertzweiundvierzig", 342), ("tausend", 1000), ("dreitausend", 3000),
    ("zweitausendvierundzwanzig", 2024), ("dreitausendzweihundert", 3200), ("eine Million", 1e6),
    ("zwei Millionen", 2e6), ("eine Milliarde", 1e9), ("ein Dutzend", 12), ("zwei Dutzend", 24),
    ("zweieinhalb", 2.5), ("eineinhalb Millionen", 1.5e6), ("dreieinhalb", 3.5),
    ("zehntausend", 10000), ("hunderttausend", 100000),
]


@pytest.mark.parametrize("text,value", FR)
def test_french(text, value):
    assert parse_number(text, lexicon("fr")) == pytest.approx(value)


@pytest.mark.parametrize("text,value", EN)
def test_english(text, value):
    assert parse_number(text, lexicon("en")) == pytest.approx(value)


@pytest.mark.parametrize("text,value", DE)
def test_german(text, value):
    assert parse_number(text, lexicon("de")) == pytest.approx(value)


@pytest.mark.parametrize("code,text", [
    ("fr", "un"), ("fr", "une"), ("fr", "millions"), ("fr", "soldats"), ("fr", "d'un"),
    ("en", "a"), ("en", "an"), ("en", "hundreds"), ("en", "troops"), ("en", "someone"),
    ("de", "ein"), ("de", "eine"), ("de", "Achtung"), ("de", "Elfenbein"), ("de", "Soldaten"),
    ("de", "Tausende"), ("en", "two three"), ("fr", "deux trois"),
])
def test_not_one_number(code, text):
    assert parse_number(text, lexicon(code)) is None


@pytest.mark.parametrize("code,text,values", [
    ("fr", "en 2022 300 soldats", [2022, 300]),
    ("fr", "3 000 et 4 000", [3000, 4000]),
    ("fr", "entre deux et trois", [2, 3]),
    ("en", "between two and three", [2, 3]),
    ("en", "3, 4 and 5", [3, 4, 5]),
    ("fr", "plus d'un million", [1e6]),
    ("de", "Zwischen 5 und 10", [5, 10]),
    ("en", "the 1.5 million and 2,000", [1.5e6, 2000]),
    ("fr", "trois soldats et neuf civils", [3, 9]),
    ("en", "two hundred three", [203]),
])
def test_several_numbers(code, text, values):
    assert [m.value for m in find_numbers(text, lexicon(code))] == pytest.approx(values)


@pytest.mark.parametrize("code,text,span", [
    ("fr", "au moins 3 000 soldats", "3 000"),
    ("fr", "1,5 million de dollars", "1,5 million"),
    ("en", "$1.5 billion in aid", "1.5 billion"),
    ("de", "rund 2 Mrd. Euro", "2 Mrd."),
    ("fr", "près de vingt et un morts", "vingt et un"),
    ("en", "some three thousand troops", "three thousand"),
])
def test_offsets_cover_the_number(code, text, span):
    (m,) = find_numbers(text, lexicon(code))
    assert text[m.start:m.end] == span


@pytest.mark.parametrize("code,s,value,length", [
    ("fr", "3 000", 3000, 5), ("fr", "2022 300", 2022, 4), ("en", "3,000", 3000, 5),
    ("de", "3,000", 3.0, 5), ("en", "192.168", 192.168, 7), ("fr", "1,5", 1.5, 3),
    ("de", "1.234,5", 1234.5, 7), ("en", "1,5", 1.5, 3), ("en", "3 000", 3, 1),
])
def test_read_digits(code, s, value, length):
    assert read_digits(s, lexicon(code)) == (pytest.approx(value), length)


def test_language_without_numbers_data_reads_digits():
    assert parse_number("3 000", lexicon("ru")) == 3000
    assert parse_number("1,5", lexicon("ru")) == 1.5
    assert parse_number("три", lexicon("ru")) is None
    assert parse_number("3 000", lexicon(None)) == 3000


def test_scaling_has_no_binary_noise():
    assert parse_number("1,1 million", lexicon("fr")) == 1100000.0
    assert parse_number("0,3 milliard", lexicon("fr")) == 300000000.0
