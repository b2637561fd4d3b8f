"""Ukrainian: the General Staff's own posts across the years, news retellings, numbers, dates, directions.

Every sentence here is written for the test (figures from the PetroIvaniuk series where a date is named).
"""
from datetime import date

import pytest

from casualty_cli.extract import parse_text
from casualty_cli.extract.language import detect

POST_2022_APRIL = """❗️Загальні бойові втрати противника з 24.02 по 30.04 орієнтовно склали:
• особового складу - ліквідовано близько 23200 (+200),
• танків ‒ 1008 (+22),
• бойових броньованих машин ‒ 2445 (+27),
• артилерійських систем – 436 (+1),
• РСЗВ - 151,
• засоби ППО - 77 (+4),
• літаків – 190 (+1),
• гелікоптерів – 155,
• автомобільної техніки - 1701 (+6),
• кораблі /катери - 8,
• цистерн з ПММ - 76,
• БПЛА оперативно-тактичного рівня - 232 (+3),
• спеціальна техніка - 32 (+1),
• пускові установки ОТРК/ТРК - 4.
Найбільших втрат противник зазнав на Ізюмському напрямку.
Дані уточнюються."""

POST_2022_AUGUST = """🔥 Загальні бойові втрати противника з 24.02 по 21.08 орієнтовно склали:
особового складу - ліквідовано близько 45200 (+300),
танків ‒ 1912 (+5),
бойових броньованих машин ‒ 4224 (+12),
артилерійських систем – 1028 (+10),
РСЗВ - 266,
засоби ППО - 141,
літаків – 234,
гелікоптерів – 197,
БПЛА оперативно-тактичного рівня - 806 (+3),
крилаті ракети - 190,
кораблі /катери - 15,
автомобільної техніки та автоцистерн - 3143 (+6),
спеціальна техніка - 99 (+2).
Найбільших втрат противник зазнав на Донецькому та Миколаївському напрямках.
Генштаб"""

POST_2024_BILINGUAL = """Загальні бойові втрати противника з 24.02.22 по 20.02.24 орієнтовно склали / The total combat losses of the enemy from 24.02.22 to 20.02.24 were approximately:
особового складу / personnel ‒ близько/about 404950 (+1230) осіб / persons,
танків / tanks ‒ 6503 (+5),
бойових броньованих машин / APV ‒ 12268 (+36),
артилерійських систем / artillery systems – 9773 (+40),
РСЗВ / MLRS – 988 (+2),
засоби ППО / Anti-aircraft warfare systems ‒ 675 (+1),
літаків / aircraft – 338 (+2),
гелікоптерів / helicopters – 325 (+0),
БПЛА оперативно-тактичного рівня / UAV operational-tactical level – 7521 (+61),
крилаті ракети / cruise missiles ‒ 1902 (+4),
кораблі /катери / warships / boats ‒ 25 (+0),
підводні човни / submarines — 1 (0),
автомобільної техніки та автоцистерн / vehicles and fuel tanks – 12805 (+38),
спеціальна техніка / special equipment ‒ 1551 (+6)
Дані уточнюються / Data are being updated"""

POST_2025 = """Загальні бойові втрати противника з 24.02.22 по 15.10.25 орієнтовно склали:
особового складу – близько 1 126 220 (+1 070) осіб;
танків – 11 259 (+3) од;
бойових броньованих машин – 23 347 (+2) од;
артилерійських систем – 33 671 (+43) од;
РСЗВ – 1 520 од;
засоби ППО – 1 227 (+2) од;
літаків – 427 од;
гелікоптерів – 346 од;
БпЛА оперативно-тактичного рівня – 70 021 (+389) од;
крилаті ракети – 3 859 од;
кораблі / катери – 28 од;
підводні човни – 1 од;
автомобільна техніка та автоцистерни – 64 329 (+141) од;
спеціальна техніка – 3 977 од."""

POST_2026 = """Втрати ворога за 27 липня 2026 року: знищено
військовослужбовці – 1 440 580 (+1 590)
танки – 12 225 (+8)
бойові броньовані машини – 25 032 (+13)
артилерійські системи – 46 831 (+37)
РСЗВ – 1 969 (+0)
засоби ППО – 1 519 (+1)
літаки – 439 (+0)
гелікоптери – 354 (+0)
БПЛА оперативно-тактичного рівня – 429 555 (+2 719)
крилаті ракети – 4 950 (+6)
кораблі/катери – 34 (+0)
підводні човни – 2 (+0)
автомобільна техніка та автоцистерни – 126 302 (+491)
спеціальна техніка – 4 472 (+7)
наземні робототехнічні комплекси – 2 038 (+7)"""

RUN_IN_2022 = ("Загальні бойові втрати противника від 24.02 до 20.08 орієнтовно становлять: особового складу — "
               "близько 44900 (+200) осіб ліквідовано, танків — 1907 (+3) од., бойових броньованих машин — 4212 (+7) "
               "од., артилерійських систем — 1018 (+8) од., РСЗВ — 266 (+0) од., засобів ППО — 141 (+0) од., "
               "літаків — 234 (+0) од., гелікоптерів — 197 (+0) од., БПЛА оперативно-тактичного рівня — 803 (+5) "
               "од., крилатих ракет — 190 (+0) од., кораблів/катерів — 15 (+0) од., автомобільної техніки та "
               "автоцистерн — 3137 (+4) од., спеціальної техніки — 97 (+1) од. Найбільших втрат противник зазнав "
               "на Краматорському та Донецькому напрямках.")


def test_post_april_2022_bullets_without_increments():
    r = parse_text(POST_2022_APRIL)
    assert r.language == "uk"
    assert r.totals["personnel"] == 23200 and r.daily["personnel"] == 200
    assert r.totals["tanks"] == 1008 and r.daily["tanks"] == 22
    assert r.totals["mlrs"] == 151 and "mlrs" not in r.daily
    assert r.totals["vehicles"] == 1701 and r.totals["fuel_tanks"] == 76
    assert r.totals["ships"] == 8 and r.totals["srbm"] == 4 and r.totals["special_equipment"] == 32
    assert r.as_of == date(2022, 4, 30)
    assert r.directions == ["Izium"]


def test_post_august_2022_two_directions():
    r = parse_text(POST_2022_AUGUST)
    assert r.totals["personnel"] == 45200 and r.totals["vehicles"] == 3143 and r.totals["cruise_missiles"] == 190
    assert r.daily == {"personnel": 300, "tanks": 5, "afv": 12, "artillery": 10, "uav": 3, "vehicles": 6,
                       "special_equipment": 2}
    assert r.as_of == date(2022, 8, 21)
    assert r.directions == ["Donetsk", "Mykolaiv"]


def test_bilingual_2024_lines():
    r = parse_text(POST_2024_BILINGUAL)
    assert r.totals["personnel"] == 404950 and r.daily["personnel"] == 1230
    assert r.totals["ships"] == 25 and r.totals["submarines"] == 1
    assert r.totals["uav"] == 7521 and r.daily["uav"] == 61
    assert r.totals["vehicles"] == 12805 and r.totals["special_equipment"] == 1551
    assert len(r.totals) == 14
    assert r.as_of == date(2024, 2, 20)


def test_2025_space_grouped_with_units():
    r = parse_text(POST_2025)
    assert r.totals["personnel"] == 1126220 and r.daily["personnel"] == 1070
    assert r.totals["uav"] == 70021 and r.daily["uav"] == 389
    assert r.totals["vehicles"] == 64329 and r.totals["mlrs"] == 1520
    assert r.as_of == date(2025, 10, 15)


def test_2026_nominative_labels_and_ground_robots():
    r = parse_text(POST_2026)
    assert r.totals["personnel"] == 1440580 and r.daily["personnel"] == 1590
    assert r.totals["uav"] == 429555 and r.daily["uav"] == 2719
    assert r.totals["ground_robots"] == 2038 and r.daily["ground_robots"] == 7
    assert r.totals["submarines"] == 2
    assert r.as_of == date(2026, 7, 27)


def test_run_in_paragraph_with_od_units():
    r = parse_text(RUN_IN_2022)
    assert r.totals["personnel"] == 44900 and r.daily["personnel"] == 200
    assert r.totals["special_equipment"] == 97 and r.daily["helicopters"] == 0
    assert len(r.totals) == 13 and len(r.daily) == 13
    assert r.as_of == date(2022, 8, 20)
    assert r.directions == ["Kramatorsk", "Donetsk"]


@pytest.mark.parametrize("text, role, category, value", [
    ("Станом на ранок загальні втрати окупантів сягнули 646 тис. 400 осіб.", "totals", "personnel", 646400),
    ("За добу ліквідовано ще 1 тис. 250 окупантів.", "daily", "personnel", 1250),
    ("Генштаб: з початку вторгнення ворог втратив 8 тис. 815 (+15) одиниць танків.", "totals", "tanks", 8815),
    ("Генштаб: з початку вторгнення ворог втратив 8 тис. 815 (+15) одиниць танків.", "daily", "tanks", 15),
    ("Сили оборони знищили 12 226 (+1 190) безпілотників.", "daily", "uav", 1190),
    ("Сили оборони знищили 12 226 (+1 190) безпілотників.", "totals", "uav", 12226),
    ("З початку війни знищено 28 кораблів/катерів та один підводний човен.", "totals", "submarines", 1),
    ("З початку війни знищено 28 кораблів/катерів та один підводний човен.", "totals", "ships", 28),
    ("Генштаб повідомив, що минулої доби ворог втратив 1 090 осіб та 45 артилерійських систем.",
     "daily", "artillery", 45),
    ("Генштаб повідомив, що минулої доби ворог втратив 1 090 осіб та 45 артилерійських систем.",
     "daily", "personnel", 1090),
    ("За добу окупанти втратили двадцять п'ять танків, повідомляє Генштаб.", "daily", "tanks", 25),
])
def test_news_prose_and_number_formats(text, role, category, value):
    r = parse_text(text, published="2024-09-25")
    assert getattr(r, role).get(category) == value, r.to_dict()


def test_million_with_remainder():
    text = "Загальні втрати ворога становлять 1 мільйон 209 880 військовослужбовців."
    assert parse_text(text, published="2025-12-30").totals == {"personnel": 1209880}


def test_daily_then_total_in_one_sentence():
    text = ("За добу Сили оборони ліквідували 1 100 окупантів, загальні втрати ворога становлять уже "
            "646 400 осіб.")
    r = parse_text(text, published="2024-09-25")
    assert r.daily["personnel"] == 1100
    assert r.totals["personnel"] == 646400


def test_rounded_lead_is_not_a_figure():
    text = ("Втрати росіян перевищили 400 тисяч осіб. Генштаб ЗСУ повідомив, що загальні втрати "
            "окупантів становлять 412 400 осіб.")
    r = parse_text(text, published="2024-02-27")
    assert r.totals == {"personnel": 412400}


def test_strikes_and_attacks_are_no_losses():
    text = ("Загальні бойові втрати противника з 24.02.22 по 03.04.23 орієнтовно склали: танків — 3619 (+1) од. "
            "Минулої доби противник завдав 5 ракетних та 32 авіаційних удари, здійснив 50 обстрілів з "
            "реактивних систем залпового вогню.")
    r = parse_text(text)
    assert r.totals == {"tanks": 3619} and r.daily == {"tanks": 1}
    assert r.as_of == date(2023, 4, 3)


@pytest.mark.parametrize("text, published, expected", [
    ("Станом на 6 жовтня 2022 року Генштаб повідомив про 62 500 ліквідованих окупантів.", None,
     date(2022, 10, 6)),
    ("Станом на 6 жовтня Генштаб повідомив про 62 500 ліквідованих окупантів.", "2022-10-06", date(2022, 10, 6)),
    ("Загальні бойові втрати противника з 24.02.22 по 06.10.22 орієнтовно склали: танків ‒ 2449 (+14).", None,
     date(2022, 10, 6)),
    ("Генштаб у четвер повідомив, що за добу знищено 16 танків.", "2024-05-11", date(2024, 5, 9)),
    ("Станом на ранок четверга, 7 квітня, Росія втратила у війні 18 900 солдатів.", None, date(2022, 4, 7)),
])
def test_dates(text, published, expected):
    assert parse_text(text, published=published).as_of == expected


def test_attacks_on_directions_are_not_loss_directions():
    text = ("Загальні бойові втрати противника з 24.02.22 по 12.04.23 орієнтовно склали: танків — 3646 (+2) од. "
            "Минулої доби захисники відбили 72 атаки на Лиманському, Бахмутському та Мар'їнському напрямках.")
    assert parse_text(text).directions == []


@pytest.mark.parametrize("sentence, places", [
    ("Найбільших втрат противник зазнав на Бахмутському напрямку.", ["Bakhmut"]),
    ("Найбільші втрати противника (минулої доби) спостерігалися на Попаснянському напрямку.", ["Popasna"]),
    ("Найбільших втрат ворог зазнав на Слов'янському та Куп'янському напрямках.", ["Sloviansk", "Kupiansk"]),
    ("Найбільших втрат противник зазнав на Криворізькому та Запорізькому напрямках.",
     ["Kryvyi Rih", "Zaporizhzhia"]),
    ("Найбільших втрат противник зазнав на Сіверськодонецькому та Авдіївському напрямках.",
     ["Sievierodonetsk", "Avdiivka"]),
])
def test_directions(sentence, places):
    text = "Генштаб: з 24.02 по 01.09 знищено танків ‒ 1990 (+10). " + sentence
    assert parse_text(text).directions == places


def test_claims_of_other_parties_are_not_figures():
    text = ("Генштаб ЗСУ повідомив, що загальні втрати ворога становлять 180 050 осіб. "
            "Медіазона встановила імена 19 500 загиблих російських військових.")
    r = parse_text(text, published="2023-04-12")
    assert r.totals == {"personnel": 180050}
    assert [(c.by, c.value, c.what) for c in r.claims] == [("Mediazona", 19500, "deaths")]


@pytest.mark.parametrize("text", [
    "Генштаб ЗСУ оприлюднив нові дані про втрати російських окупантів за минулу добу.",
    "Російська армія продовжує втрачати на українській території техніку та особовий склад.",
])
def test_detection(text):
    assert detect(text) == "uk"


def test_language_override():
    text = "танків ‒ 2449 (+14)"
    assert parse_text(text, language="uk").totals == {"tanks": 2449}
    assert parse_text(text, language="uk").language == "uk"


def test_2026_page_with_nominative_labels_dated_in_its_heading():
    text = ("Бойові втрати ворога на 11 травня 2026 року:\n"
            "військовослужбовці ‒ близько 1 342 030 (+920) осіб\n"
            "танки ‒ 11 924 (+4)\n"
            "БПЛА оперативно-тактичного рівня ‒ 284 254 (+1 557)\n"
            "наземні робототехнічні комплекси ‒ 1 371 (+9)")
    r = parse_text(text)
    assert r.as_of == date(2026, 5, 11)
    assert r.totals == {"personnel": 1342030, "tanks": 11924, "uav": 284254, "ground_robots": 1371}
    assert r.daily == {"personnel": 920, "tanks": 4, "uav": 1557, "ground_robots": 9}
