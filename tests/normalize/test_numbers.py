"""The number reader: digits with each language's grouping, number words, multipliers, signs and fractions."""

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
    ("treize lakh", 1.3e6), ("six crore et deux cents", 60000200), ("2,5 lakhs", 250000),
    ("deux lakh crore", 2e12), ("12,34,567.89", 1234567.89), ("1,00,000", 1e5),
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
    ("1,674.5", 1674.5), ("12,34,567.89", 1234567.89), ("1,00,000", 1e5), ("3 lakh crore", 3e12),
    ("two thousand million", 2e9), ("one hundred and one", 101),
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
    ("de", "Tausende"), ("en", "two three"), ("fr", "deux trois"), ("en", "no one"), ("en", "this one"),
    ("en", "that one"), ("en", "any one"), ("en", "each one"), ("fr", "3e"), ("en", "1e"),
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
    # digit groups joined by two commas or more that do not group thousands are a list
    ("en", "See pages 12,15,19 of the report.", [12, 15, 19]),
    ("en", "Seats 4,7,11,102 stayed empty.", [4, 7, 11, 102]),
    ("en", "The dry years 2019,2020,2021 hit farmers.", [2019, 2020, 2021]),
    ("en", "Rows 8,10,12.5 were flagged.", [8, 10, 12.5]),
    ("fr", "Les articles 3,7,12 sont abrogés.", [3, 7, 12]),
    ("de", "Die Werte 12,34,567 stehen in der Liste.", [12, 34, 567]),
    ("en", "A fine of 1,000,000 and 2,500 more.", [1e6, 2500]),
    ("en", "The Minsk budget rose to 1,5 billion dollars.", [1.5e9]),
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
    ("de", "1.234,5", 1234.5, 7), ("en", "1,5", 1.5, 3), ("en", "3 000", 3000, 5),
    ("en", "3 200", 3, 1), ("en", "1 414 021", 1414021, 9), ("en", "3\u00a0200", 3200, 5),
    ("en", "12,34,567.89", 1234567.89, 12), ("fr", "1,00,000", 100000, 8),
    ("fr", "12,34,567.89", 1234567.89, 12),
    ("en", "1,23,45,678", 12345678, 11), ("fr", "12,5", 12.5, 4), ("de", "12,34,567", 12.34, 5),
])
def test_read_digits(code, s, value, length):
    assert read_digits(s, lexicon(code)) == (pytest.approx(value), length)


def test_language_without_numbers_data_reads_digits():
    assert parse_number("3 000", lexicon("uk")) == 3000
    assert parse_number("1,5", lexicon("uk")) == 1.5
    assert parse_number("три", lexicon("uk")) is None
    assert parse_number("3 000", lexicon(None)) == 3000


def test_scaling_has_no_binary_noise():
    assert parse_number("1,1 million", lexicon("fr")) == 1100000.0
    assert parse_number("0,3 milliard", lexicon("fr")) == 300000000.0


# ---- signs, fractions, suffixes, mixed forms ------------------------------------------------------

def values(code: str, text: str) -> list[float]:
    return [m.value for m in find_numbers(text, lexicon(code))]


@pytest.mark.parametrize("code,text,expected", [
    # signs: a glued hyphen or minus sign, or a sign word, makes the number negative
    ("en", "Overnight lows reached -12 in the capital.", [-12]),
    ("en", "Growth slowed to \u22120.4% in the third quarter.", [-0.4]),
    ("en", "Temperatures fell to minus 5 on Sunday.", [-5]),
    ("en", "The balance was negative one for the year.", [-1]),
    ("en", "The index moved (-3) points.", [-3]),
    ("fr", "Il faisait moins 7 degrés à l'aube.", [-7]),
    ("fr", "La croissance a atteint -1,8 % au printemps.", [-1.8]),
    ("fr", "Le solde est resté négatif un trimestre sur deux.", [-1, 2]),
    ("de", "In der Nacht wurden minus 15 Grad gemessen.", [-15]),
    ("de", "Das Wachstum lag bei \u22120,3 Prozent.", [-0.3]),
    # hyphens that are ranges, compounds or bullets are no minus sign
    ("en", "Some 1,000-3,000 people were evacuated.", [1000, 3000]),
    ("en", "Some 1,000 -3,000 people were evacuated.", [1000, 3000]),
    ("en", "The 2014-2015 season was cancelled.", [2014, 2015]),
    ("fr", "Entre 1 000 - 3 000 personnes ont fui.", [1000, 3000]),
    ("en", "- 5 soldiers were wounded, officials said.", [5]),
    ("en", "Ukraine received F-16 jets.", [16]),
    ("fr", "Au moins 3 000 soldats ont été déployés.", [3000]),
    ("fr", "Plus ou moins 300 manifestants étaient présents.", [300]),
    ("en", "The poll has a margin of plus or minus 3 points.", [3]),
])
def test_signs(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,span", [
    ("en", "Lows of -12 were recorded.", "-12"),
    ("en", "Lows of minus 12 were recorded.", "minus 12"),
    ("fr", "La température est descendue à moins 7 degrés.", "moins 7"),
])
def test_sign_is_in_the_span(code, text, span):
    (m,) = find_numbers(text, lexicon(code))
    assert text[m.start:m.end] == span and m.value < 0


@pytest.mark.parametrize("code,text,expected", [
    # fraction words after a numerator, halves, fractions of multipliers
    ("en", "Nearly two thirds of the ballots were counted.", [2 / 3]),
    ("en", "A third of the budget goes to defence.", [1 / 3]),
    ("en", "One fifth of the fleet was grounded.", [0.2]),
    ("en", "Three quarters of the stock was sold.", [0.75]),
    ("en", "Only a tenth of the aid arrived.", [0.1]),
    ("en", "Rainfall rose by fifteen hundredths of an inch.", [0.15]),
    ("en", "The talks lasted four and a half days.", [4.5]),
    ("en", "Some two and a half million voters stayed home.", [2.5e6]),
    ("en", "Lines of three million and a half were reported.", [3.5e6]),
    ("en", "Half a million people lost power.", [5e5]),
    ("en", "The airline ordered half a dozen jets.", [6]),
    ("en", "Officials counted a quarter billion visitors.", [2.5e8]),
    ("en", "Three quarters of a million homes were flooded.", [7.5e5]),
    ("en", "More than half of the wells ran dry.", [0.5]),
    ("en", "The strike lasted an hour and a half.", [0.5]),
    ("en", "Its value rose to forty two and a third.", [42 + 1 / 3]),
    ("en", "The vote needed a two-thirds majority.", [2 / 3]),
    ("en", "The land covers one thirty-fifth of the island.", [1 / 35]),
    ("en", "The ratio is one over four in the new index.", [0.25]),
    ("fr", "Un quart des habitants a voté.", [0.25]),
    ("fr", "Deux tiers des députés ont approuvé le texte.", [2 / 3]),
    ("fr", "Trois quarts des écoles sont fermées.", [0.75]),
    ("fr", "Un cinquième des sièges est vacant.", [0.2]),
    ("fr", "La ville compte un million et demi d'habitants.", [1.5e6]),
    ("fr", "Trois millions et demi de touristes sont attendus.", [3.5e6]),
    ("fr", "Un demi-million de personnes ont manifesté.", [5e5]),
    ("fr", "Une demi-douzaine de blindés ont été détruits.", [6]),
    ("fr", "Sept et un quart de litres ont été versés.", [7.25]),
    ("fr", "Trois sur quatre ont répondu.", [0.75]),
    ("de", "Ein Drittel der Stimmen ging an die Opposition.", [1 / 3]),
    ("de", "Zwei Drittel der Befragten stimmten zu.", [2 / 3]),
    ("de", "Drei Viertel der Schulen blieben geschlossen.", [0.75]),
    ("de", "Eine halbe Million Menschen demonstrierten.", [5e5]),
    ("de", "Sie kauften ein halbes Dutzend Panzer.", [6]),
    ("de", "Es dauerte anderthalb Jahre.", [1.5]),
    ("de", "Es dauerte eineinhalb Jahre.", [1.5]),
    ("de", "Es dauerte einundhalb Jahre.", [1.5]),
    ("de", "Es wurden drei halbe Portionen ausgegeben.", [1.5]),
    ("de", "Die Kosten stiegen um sechs und zwei Drittel Millionen.", [6e6 + 2e6 / 3]),
])
def test_fractions(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,expected", [
    # ordinals, names and nouns are no fractions
    ("en", "On the third day of talks, nothing moved.", []),
    ("en", "She won a third term in office.", []),
    ("en", "Growth was strongest in the second half of 2024.", [2024]),
    ("en", "Profits fell in a quarter earlier marked by strikes.", []),
    ("en", "The twenty-fifth anniversary passed quietly.", []),
    ("en", "Crowds gathered on a fourth of July evening.", []),
    ("en", "The half back scored twice.", []),
    ("en", "The twenty third round of talks began.", [20]),
    ("en", "The party lost twelve over three days of counting.", [12, 3]),
    ("en", "Sales rose 5 over 2023.", [5, 2023]),
    ("fr", "Le cinquième jour de grève a commencé.", []),
    ("fr", "Il brigue un cinquième mandat.", []),
    ("fr", "La demi-finale aura lieu mardi.", []),
    ("fr", "Il a purgé deux ans et demi de prison.", [2]),
    ("fr", "120 000 sur 150 000 habitants ont voté.", [120000, 150000]),
    ("fr", "Un sondé sur trois a répondu.", [3]),
    ("de", "Die halbe Stadt war ohne Strom.", []),
    ("de", "Das Treffen beginnt um halb acht.", [8]),
    ("de", "Im Achtelfinale schied das Team aus.", []),
])
def test_not_fractions(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,expected", [
    # digit fractions and symbols
    ("en", "About 3/4 of the villages were reached.", [0.75]),
    ("en", "The convoy drove 2 1/4 miles.", [2.25]),
    ("en", "The index fell -4/5 of a point.", [-0.8]),
    ("en", "A 1½ hour delay hit flights, ½ of them long-haul.", [1.5, 0.5]),
    ("fr", "Le taux a atteint ⅔ du plafond.", [2 / 3]),
    # a large multiplier after a digit fraction scales it
    ("en", "Some 2½ million people fled the floods.", [2.5e6]),
    ("en", "The hub handles 1 1/2 million passengers.", [1.5e6]),
    ("de", "Die Stadt zählt 2½ Millionen Einwohner.", [2.5e6]),
    ("fr", "Le chantier a coûté 3 1/2 milliards d'euros.", [3.5e9]),
    ("en", "The talks lasted 2½ hours.", [2.5]),
    # a fraction sign is a number alone, never a piece of a word
    ("de", "Die Zeichen ¼¼ und ½¾ stehen in der Tabelle.", []),
    # dates, slash chains and names are no fractions
    ("en", "The blast on 3/4/2025 killed two.", [3, 4, 2025, 2]),
    ("en", "A 24/7 hotline was opened.", [24, 7]),
    ("en", "Memorials for 9/11 were held.", [9, 11]),
    ("en", "Odds stood at 50/50.", [50, 50]),
])
def test_digit_fractions(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,expected", [
    # multipliers glued to or right after digits
    ("en", "The startup raised $10M last year.", [1e7]),
    ("en", "The club was fined £2.5m on Friday.", [2.5e6]),
    ("en", "The firm is valued at 1.2b euros.", [1.2e9]),
    ("en", "A target of US$ 1MM was set.", [1e6]),
    ("en", "Exports reached 10 bln dollars.", [1e10]),
    ("en", "Debt stood at 3 tln yen.", [3e12]),
    ("en", "The flat cost 2mil kronor.", [2e6]),
    ("en", "The march drew 10k people.", [1e4]),
    ("en", "The fund holds 6 crore rupees.", [6e7]),
    ("fr", "Le projet coûte 10 M€.", [1e7]),
    ("fr", "Une prime de 2,33k euros.", [2330]),
    ("fr", "Un budget de 3 Md€ a été voté.", [3e9]),
    ("de", "Ein Gewinn von 5 Tsd. Euro.", [5000]),
    # units and labels are no multipliers
    ("en", "A 29km road and a 5m wall.", [29, 5]),
    ("en", "Each bottle holds 180ml.", [180]),
    ("en", "The plant produces 10MW.", [10]),
    ("en", "Article 5b was invoked.", [5]),
    ("en", "A 10G network was tested.", [10]),
])
def test_multiplier_suffixes(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,expected", [
    # digits and number words in one number
    ("en", "The budget lists 4 thousand 3 hundred and 21 posts.", [4321]),
    ("en", "Some 3 hundred and one vehicles passed.", [301]),
    ("en", "Some 3 hundred and 21 vehicles passed.", [321]),
    ("en", "They counted 6 crore and two hundred votes.", [60000200]),
    ("en", "The 4000 soldiers and 3 hundred tanks.", [4000, 300]),
    ("en", "A $5 million grant and two staff members.", [5e6, 2]),
    ("fr", "Il a reçu 4 mille 3 cents et 21 voix.", [4321]),
    ("fr", "Le village compte 3 cent un habitants.", [301]),
    ("de", "Zwei Millionen dreihundertneunundneunzigtausendfuenfhundert Stimmen.", [2399500]),
    ("de", "Hier kamen ein dutzend Leute zusammen.", [12]),
    # number words join across spaces only, not across punctuation
    ("en", "Of the two hundred. Three were injured.", [200, 3]),
    ("en", "They voted twenty, three abstained.", [20, 3]),
    ("en", "A three-four split on the court.", []),
])
def test_mixed_digits_and_words(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,expected", [
    # spaces grouping thousands
    ("en", "About 40 000 troops took part.", [40000]),
    ("en", "The census counted 1 414 021 100 people.", [1414021100]),
    ("en", "A budget of 1\u202f234\u202f567.89 was approved.", [1234567.89]),
    ("en", "A budget of 3\u00a0200 was approved.", [3200]),
    ("en", "On March 3 200 soldiers arrived.", [3, 200]),
    ("en", "In 2022 300 000 people left.", [2022, 300000]),
    # decimal words and leading decimal marks
    ("en", "The rate is three hundred point zero seven.", [300.07]),
    ("en", "Inflation was nought point five.", [0.5]),
    ("en", "At one point, talks stalled.", [1]),
    ("en", "He carried a .45 pistol.", [0.45]),
    ("fr", "Le taux est de deux virgule cinq.", [2.5]),
    ("fr", "Le taux est de trois cent virgule quarante six.", [300.46]),
    ("fr", "Un écart de ,23 point.", [0.23]),
    ("de", "Die Quote lag bei vier Komma sieben Prozent.", [4.7]),
    ("de", "Die Quote lag bei ,8 Prozent.", [0.8]),
])
def test_grouping_and_decimals(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


def test_fractions_are_marked():
    found = find_numbers("two thirds of 3,000 troops and 1½ days", lexicon("en"))
    assert [m.fraction for m in found] == [True, False, True]


def test_score_alone_is_no_number():
    assert values("en", "The score was 3-2.") == [3, 2]
    assert values("fr", "La deuxième quinzaine d'août.") == []


@pytest.mark.parametrize("code,text,expected", [
    # scientific notation: one number, with its sign
    ("en", "The probe covered 1e10 kilometres.", [1e10]),
    ("en", "The model output was -127.32e13 joules.", [-1.2732e15]),
    ("en", "Reserves were logged as 12.32e+14 barrels.", [1.232e15]),
    ("en", "The coefficient fell to -12e-1 overnight.", [-1.2]),
    ("en", "The export listed 2.5E6 rows.", [2.5e6]),
    ("fr", "La valeur mesurée est de -127,32e13 unités.", [-1.2732e15]),
    ("fr", "Le capteur a relevé 4,5e-3 volt.", [0.0045]),
    ("de", "Der Messwert lag bei 3,2e5 Teilchen.", [3.2e5]),
    # powers; two signs cancel
    ("en", "Compound growth of 1.1^23 over the period.", [1.1**23]),
    ("en", "A factor of -1.1^+23 was logged.", [-(1.1**23)]),
    ("en", "The log shows -1.1^--23 twice.", [-(1.1**23)]),
    ("en", "The rate was -2500^-1 per trial.", [-0.0004]),
    ("fr", "Le rapport vaut 2,5^-1 au total.", [0.4]),
    ("fr", "Le rapport vaut -2,5^-1 au total.", [-0.4]),
    ("de", "Es gibt 2^10 Kombinationen.", [1024]),
    # times ten to the power
    ("en", "The cell count was 1.3x10^6 per millilitre.", [1.3e6]),
    ("en", "A concentration of 6.23x10^-4 mol was found.", [6.23e-4]),
    ("en", "Roughly 6.23\u00d710^-4 of the sample decayed.", [6.23e-4]),
    ("fr", "Une densité de 6,23 × 10^-4 a été relevée.", [6.23e-4]),
    ("de", "Eine Dichte von 6,23 × 10^-4 wurde gemessen.", [6.23e-4]),
    # ordinals, hex, labels and numbers a float cannot hold stay as they were
    ("fr", "Le 3e régiment a quitté la ville.", [3]),
    ("fr", "Il a terminé 3e de la course, le 2e jour.", [3, 2]),
    ("fr", "Au XXe siècle, tout a changé.", []),
    ("en", "The hash 0x1e10 was logged.", [0]),
    ("en", "Batch 5e5b failed its checks.", [5]),
    ("en", "A reading of 1e999 overflowed, then 2 more.", [2]),
    ("en", "An underflow at 1e-999 was ignored.", []),
    ("en", "Dividing by 0^-1 is undefined.", []),
    ("en", "The score 2^3.5 was odd.", [2, 3.5]),
])
def test_exponents(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("code,text,span", [
    ("en", "The sample held -6.23x10^-4 mol.", "-6.23x10^-4"),
    ("fr", "Une densité de 6,23 × 10^-4 a été relevée.", "6,23 × 10^-4"),
    ("en", "Its mass is 1.5e6 tonnes.", "1.5e6"),
    ("en", "Seats 4,7,11 stayed empty.", "4"),
])
def test_exponent_span(code, text, span):
    m = find_numbers(text, lexicon(code))[0]
    assert text[m.start:m.end] == span


@pytest.mark.parametrize("code,text,expected", [
    # English "one" as a pronoun is no count
    ("en", "Which one do you prefer?", []),
    ("en", "She picked this one over the rest.", []),
    ("en", "This one does not open.", []),
    ("en", "I would rather take that one.", []),
    ("en", "He is the one who signed the order.", []),
    ("en", "No one was hurt in the blast.", []),
    ("en", "Every one of the ministers resigned.", []),
    ("en", "Any one of them could win.", []),
    ("en", "Each one carried a rifle.", []),
    ("en", "Someone fired at the convoy.", []),
    # ... but a count where a noun, "of" or a larger number follows
    ("en", "One soldier was killed.", [1]),
    ("en", "One of the soldiers was killed.", [1]),
    ("en", "Police said that one soldier was killed.", [1]),
    ("en", "Police said that one was killed and two were hurt.", [1, 2]),
    ("en", "The one soldier left guarded the gate.", [1]),
    ("en", "The fund lost one million dollars.", [1e6]),
    ("en", "No one hundred days went so badly.", [100]),
    ("en", "The decree has one hundred and one articles.", [101]),
    ("fr", "L'un des soldats a été blessé.", []),
    ("fr", "Un soldat sur trois a été blessé.", [3]),
])
def test_pronoun_one(code, text, expected):
    assert values(code, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, value", [
    pytest.param("три", 3, id="nominative"),
    pytest.param("двести пятьдесят тысяч", 250000, id="compound"),
    pytest.param("трёх", 3, id="genitive"),
])
def test_russian_number_words(text, value):
    assert parse_number(text, lexicon("ru")) == value
