"""Other parties' claims in the nine languages with a lexicon: who said it, whose losses, what, the range's lower
bound, the qualifier in English and the period a rate or a sum covers.

The sentences are the team's own; the figures are of the kind the news quotes.
"""
from __future__ import annotations

import pytest

from casualty_cli.extract import parse_text
from casualty_cli.render import claim_text


def only_claim(text: str, language: str):
    report = parse_text(text, language=language)
    assert len(report.claims) == 1, report.claims
    return report.claims[0]


# A Russian official counting Ukraine's losses: side ukraine, the qualifier in English.
RUSSIA_ON_UKRAINE = [
    ("en", "The Russian Defence Ministry said the Ukrainian army had lost more than 600 soldiers near Kupiansk."),
    ("ru", "Минобороны России заявило, что ВСУ потеряли более 2 300 военнослужащих под Авдеевкой."),
    ("uk", "Міноборони росії стверджує, що ЗСУ втратили понад 500 військових під Покровськом."),
    ("de", "Das russische Verteidigungsministerium erklärte, die ukrainische Armee habe mehr als 600 Soldaten verloren."),
    ("fr", "Le ministère russe de la Défense affirme que l'armée ukrainienne a perdu plus de 600 soldats."),
    ("es", "El Ministerio de Defensa ruso afirmó que el ejército ucraniano perdió más de 600 soldados."),
    ("it", "Il ministero della Difesa russo ha dichiarato che l'esercito ucraino ha perso più di 600 soldati."),
    ("pl", "Rosyjskie Ministerstwo Obrony poinformowało, że armia ukraińska straciła ponad 600 żołnierzy."),
    ("tr", "Rusya Savunma Bakanlığı, Ukrayna ordusunun 600'den fazla asker kaybettiğini açıkladı."),
]


@pytest.mark.parametrize("language,text", RUSSIA_ON_UKRAINE, ids=[lang for lang, _ in RUSSIA_ON_UKRAINE])
def test_russian_officials_counting_ukrainian_losses_are_side_ukraine(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.qualifier, claim.period) == ("Russian MoD", "ukraine", "more than", None)
    assert parse_text(text, language=language).totals == {}  # a claim is no report figure


# A rate: the figure is per day (or per week, month), by a well-known party, about Russia's losses.
RATES = [
    ("en", "Britain's defence intelligence estimated that Russia lost an average of 1,480 soldiers a day.",
     "UK MoD", 1480, None, "day"),
    ("ru", "Минобороны Великобритании считает, что Россия теряет около 1 300 военных в сутки.", "UK MoD", 1300, "about",
     "day"),
    ("uk", "Головнокомандувач Олександр Сирський заявив, що росіяни щодня втрачають понад 1 200 військових.",
     "Oleksandr Syrskyi", 1200, "more than", "day"),
    ("de", "Der britische Geheimdienst schätzt, dass Russland pro Tag etwa 1.100 Soldaten verliert.", "UK MoD", 1100,
     "about", "day"),
    ("fr", "Selon le renseignement britannique, la Russie perd en moyenne près de 1 500 soldats par jour.", "UK MoD",
     1500, "nearly", "day"),
    ("es", "Según la inteligencia británica, Rusia pierde unos 1.300 soldados al día.", "UK MoD", 1300, "about", "day"),
    ("it", "Secondo l'intelligence britannica, la Russia perde circa 1.200 soldati al giorno.", "UK MoD", 1200, "about",
     "day"),
    ("pl", "Według brytyjskiego wywiadu Rosja traci średnio około 1200 żołnierzy dziennie.", "UK MoD", 1200, "about",
     "day"),
    ("tr", "İngiliz istihbaratına göre Rusya günde yaklaşık 1.200 asker kaybediyor.", "UK MoD", 1200, "about", "day"),
]


@pytest.mark.parametrize("language,text,by,value,qualifier,period", RATES, ids=[r[0] for r in RATES])
def test_a_rate_says_its_period(language, text, by, value, qualifier, period):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.value, claim.qualifier, claim.period) == (by, "russia", value, qualifier, period)


# Sums over a month or a year.
SUMS = [
    ("en", "Mediazona has confirmed the deaths of 38,940 Russian soldiers in October.", 38940, "month"),
    ("ru", "По оценке Медиазоны, в 2024 году погибли около 45 тысяч российских военных.", 45000, "year"),
    ("uk", "За даними Медіазони, протягом тижня загинули 1 100 російських військових.", 1100, "week"),
    ("de", "Nach Angaben des britischen Verteidigungsministeriums verlor Russland im Oktober rund 41.000 Soldaten.",
     41000, "month"),
]


@pytest.mark.parametrize("language,text,value,period", SUMS, ids=[s[0] for s in SUMS])
def test_a_sum_over_a_month_or_a_year_is_no_running_total(language, text, value, period):
    claim = only_claim(text, language)
    assert (claim.value, claim.period) == (value, period)


# Ranges: the upper bound is the value, the lower one `low`, in the units of the upper one.
RANGES = [
    ("en", "According to the Pentagon, between 70,000 and 80,000 Russian troops have been killed or wounded."),
    ("ru", "Пентагон оценивает потери российской армии в 70-80 тысяч убитыми и ранеными."),
    ("uk", "За оцінками Пентагону, російська армія втратила 70–80 тисяч військових убитими й пораненими."),
    ("de", "Das Pentagon schätzt, dass zwischen 70.000 und 80.000 russische Soldaten getötet oder verwundet wurden."),
    ("fr", "Le Pentagone estime qu'entre 70 000 et 80 000 soldats russes ont été tués ou blessés."),
    ("es", "El Pentágono calcula que entre 70.000 y 80.000 soldados rusos han resultado muertos o heridos."),
    ("it", "Il Pentagono stima che tra 70.000 e 80.000 soldati russi siano stati uccisi o feriti."),
    ("pl", "Pentagon szacuje, że od 70 do 80 tys. rosyjskich żołnierzy zostało zabitych lub rannych."),
    ("tr", "Pentagon, 70 ile 80 bin arasında Rus askerinin öldüğünü ya da yaralandığını tahmin ediyor."),
]


@pytest.mark.parametrize("language,text", RANGES, ids=[lang for lang, _ in RANGES])
def test_a_range_gives_low_and_value(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.low, claim.value, claim.period) == ("Pentagon", "russia", 70000, 80000, None)


def test_a_range_written_with_a_dash_keeps_both_bounds():
    claim = only_claim("За оцінками Пентагону, російська армія втрачає 1200—1300 військових на добу.", "uk")
    assert (claim.low, claim.value, claim.period) == (1200, 1300, "day")


@pytest.mark.parametrize("language,text", [
    ("ru", "Минобороны РФ сообщило, что противник потерял до 800 военнослужащих и 14 танков."),
    ("en", "The Russian Defence Ministry said Ukrainian forces had lost up to 800 servicemen and 14 tanks."),
    ("uk", "У міноборони рф заявили, що ЗСУ втратили до 800 військових та 14 танків."),
])
def test_a_tank_count_is_no_casualty_claim(language, text):
    claim = only_claim(text, language)
    assert (claim.value, claim.side, claim.qualifier) == (800, "ukraine", "up to")


@pytest.mark.parametrize("language,text", [
    ("en", "Ukrainian troops killed 400 Russian soldiers near Bakhmut. This was reported by Serhii Cherevatyi, "
           "spokesman of the Eastern group."),
    ("ru", "Под Бахмутом оккупанты потеряли 400 военных. Об этом сообщил спикер Восточной группировки Сергей Череватый."),
])
def test_a_party_named_in_the_next_sentence_speaks_for_the_figure(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.value) == ("Serhii Cherevatyi", "russia", 400)


@pytest.mark.parametrize("language,text,side", [
    ("uk", "Зеленський заявив, що з початку війни загинули 46 000 наших військових.", "ukraine"),
    ("uk", "Зеленський заявив, що ворог втратив 350 000 військових убитими.", "russia"),
    ("ru", "Шойгу заявил, что противник потерял 20 000 военнослужащих.", "ukraine"),
    ("ru", "Шойгу заявил, что погибли 5 937 наших военнослужащих.", "russia"),
])
def test_our_and_the_enemy_are_the_speakers(language, text, side):
    assert only_claim(text, language).side == side


@pytest.mark.parametrize("language,text", [
    ("en", "The Pentagon said Russia had mobilised 300,000 reservists since September."),
    ("ru", "По данным Пентагона, в России мобилизовали 300 000 резервистов."),
    ("en", "Mediazona said that 14,000 civilians had died in the occupied areas."),
    ("de", "Laut dem Pentagon starben im Afghanistan-Krieg 15.000 sowjetische Soldaten."),
])
def test_troop_numbers_civilians_and_other_wars_are_no_claims(language, text):
    assert parse_text(text, language=language).claims == []


def test_the_general_staffs_own_rounded_figure_is_no_claim():
    report = parse_text("According to Ukraine's General Staff, Russia has lost more than 700,000 troops so far; "
                        "the Pentagon has not commented.", language="en")
    assert report.claims == []


def test_the_table_says_the_period_and_the_party():
    claim = only_claim("Britain's defence intelligence estimated that Russia lost an average of 1,480 soldiers a day.",
                       "en")
    line = claim_text(claim.to_dict())
    assert "1,480" in line and "a day on average" in line and line.endswith("(UK MoD)")


def test_a_claim_record_has_its_period_key_and_fits_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from casualty_cli.schema import RECORD_SCHEMA

    report = parse_text("Mediazona has confirmed the deaths of 38,940 Russian soldiers in October.", language="en")
    record = report.to_dict()
    assert record["claims"][0]["period"] == "month"
    jsonschema.validate(record, RECORD_SCHEMA)


def test_the_longest_qualifier_is_written():
    claim = only_claim("Moscow has acknowledged just under 6,000 deaths among its troops.", "en")
    assert (claim.by, claim.value, claim.qualifier) == ("Russia (official)", 6000, "just under")


def test_a_quotation_is_the_party_that_closes_it():
    text = ("«За рік втрати противника склали понад 400 000 особового складу. Це вбиті й поранені», – каже "
            "головнокомандувач ЗСУ Олександр Сирський.")
    claim = only_claim(text, "uk")
    assert (claim.by, claim.side, claim.value, claim.qualifier, claim.period) == (
        "Oleksandr Syrskyi", "russia", 400000, "more than", "year")


@pytest.mark.parametrize("language,text", [
    ("en", "Moscow claims to have killed 500 Ukrainian soldiers near Kharkiv."),
    ("de", "Nach russischen Angaben wurden 300 ukrainische Soldaten getötet."),
    ("fr", "Selon Moscou, 400 soldats ukrainiens ont été tués."),
    ("es", "Según Moscú, más de 500 soldados ucranianos murieron."),
    ("it", "Secondo Mosca, oltre 500 soldati ucraini sono stati uccisi."),
    ("pl", "Według Moskwy zginęło ponad 500 ukraińskich żołnierzy."),
])
def test_moscow_speaking_of_ukrainian_soldiers_is_a_claim_on_ukraines_side(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.side) == ("Russia (official)", "ukraine")
    assert parse_text(text, language=language).daily == {}


# A party named in the case its language's grammar asks for ("według Mediazony", "по словам Зеленского"), and
# Zelensky in the languages that lacked him: the claim is credited to the canonical name.
PARTY_FORMS = [
    ("en", "According to Zelensky, Russia has lost more than 45,000 soldiers killed.", "Volodymyr Zelensky"),
    ("ru", "По словам Зеленского, Россия потеряла более 45 000 военных убитыми.", "Volodymyr Zelensky"),
    ("uk", "За словами Суровікіна, росія втратила понад 45 000 військових загиблими.", "Sergei Surovikin"),
    ("de", "Nach Selenskyjs Worten hat Russland mehr als 45.000 Soldaten verloren, die getötet wurden.",
     "Volodymyr Zelensky"),
    ("fr", "Selon Zelensky, la Russie a perdu plus de 45 000 soldats tués.", "Volodymyr Zelensky"),
    ("es", "Según Zelenski, Rusia ha perdido más de 45 000 soldados muertos.", "Volodymyr Zelensky"),
    ("it", "Secondo Zelensky, la Russia ha perso più di 45.000 soldati uccisi.", "Volodymyr Zelensky"),
    ("pl", "Według Mediazony Rosja straciła ponad 45 000 żołnierzy zabitych.", "Mediazona"),
    ("tr", "Zelenskiy'e göre Rusya 45 binden fazla asker kaybetti, askerler öldü.", "Volodymyr Zelensky"),
]


@pytest.mark.parametrize("language,text,by", PARTY_FORMS, ids=[lang for lang, _, _ in PARTY_FORMS])
def test_a_party_in_an_inflected_or_local_spelling_is_found(language, text, by):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.value, claim.qualifier) == (by, "russia", 45000, "more than")


# A breakdown written as label, dash, figure: each figure takes the label before it, not the next item's label
# after the comma.
BREAKDOWNS = [
    ("ru", "По данным Медиазоны, потери армии РФ такие: погибшие – 41 000, раненые – 87 000."),
    ("uk", "За даними Медіазони, втрати армії рф такі: загиблі – 41 000, поранені – 87 000."),
    ("en", "Mediazona put the Russian army's losses this way: dead - 41,000, wounded - 87,000."),
    ("pl", "Według Mediazony straty armii rosyjskiej to: zabici – 41 000, ranni – 87 000."),
]


@pytest.mark.parametrize("language,text", BREAKDOWNS, ids=[lang for lang, _ in BREAKDOWNS])
def test_each_figure_of_a_breakdown_counts_what_its_own_label_says(language, text):
    claims = parse_text(text, language=language).claims
    assert [(c.value, c.what) for c in claims] == [(41000, "deaths"), (87000, "wounded")]


# Past-tense verbs of dying before the figure: the claim counts deaths, not casualties.
DIED = [
    ("de", "Laut Mediazona starben im Krieg bisher 45.000 russische Soldaten."),
    ("es", "Según Mediazona, en la guerra murieron ya 45 000 soldados rusos."),
]


@pytest.mark.parametrize("language,text", DIED, ids=[lang for lang, _ in DIED])
def test_a_verb_of_dying_makes_the_claim_deaths(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.value, claim.what) == ("Mediazona", 45000, "deaths")


# An estimate of killed and wounded, its qualifier in English: "более чем в", the declined Ukrainian pair, and a
# Turkish loss noun in the genitive.
ESTIMATES = [
    ("ru", "В НАТО полагают, что потери России составляют более чем в 310 тысяч убитыми и ранеными."),
    ("uk", "У НАТО вважають, що втрати росії сягають понад 310 тисяч убитими та пораненими."),
    ("tr", "NATO, Rusya'nın kayıplarının 310 binden fazla olduğunu düşünüyor."),
    ("en", "A NATO official thinks Russia has lost more than 310,000 killed and wounded."),
]


@pytest.mark.parametrize("language,text", ESTIMATES, ids=[lang for lang, _ in ESTIMATES])
def test_an_estimate_of_killed_and_wounded_is_casualties_with_an_english_qualifier(language, text):
    claim = only_claim(text, language)
    assert (claim.by, claim.side, claim.value, claim.what, claim.qualifier, claim.period) == (
        "NATO", "russia", 310000, "casualties", "more than", None)
