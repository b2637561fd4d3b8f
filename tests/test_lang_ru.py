"""Russian: retellings of the General Staff's report, numbers, dates, directions and other parties' claims.

Every sentence here is written for the test (figures from the PetroIvaniuk series where a date is named).
"""
from datetime import date

import pytest

from casualty_cli.extract import parse_text
from casualty_cli.extract.language import detect

LIST_2022 = """Общие боевые потери противника с 24.02 по 21.08 ориентировочно составили:
личного состава - ликвидировано около 45200 (+300),
танков ‒ 1912 (+5),
ББМ ‒ 4224 (+12),
артиллерийских систем – 1028 (+10),
РСЗО - 266,
средств ПВО - 141,
самолетов – 234,
вертолетов – 197,
БПЛА оперативно-тактического уровня - 806 (+3),
крылатых ракет - 190,
кораблей/катеров - 15,
автомобильной техники и автоцистерн - 3143 (+6),
специальной техники - 99 (+2).
Наибольшие потери противник понес на Донецком и Николаевском направлениях."""

NEWS_2025 = """Генштаб ВСУ обновил данные о потерях России в войне.
По данным Генштаба, по состоянию на 15 октября 2025 года общие потери противника составляют около 1 126 220 человек, из них 1 070 — за минувшие сутки.
Также уничтожены 11 259 (+3) танков, 23 347 (+2) боевых бронированных машин, 33 671 (+43) артиллерийских систем и 70 021 (+389) беспилотников оперативно-тактического уровня."""


def test_official_list_retold_in_russian():
    r = parse_text(LIST_2022)
    assert r.language == "ru"
    assert r.totals["personnel"] == 45200 and r.daily["personnel"] == 300
    assert r.totals["afv"] == 4224 and r.totals["mlrs"] == 266 and r.totals["air_defense"] == 141
    assert r.totals["vehicles"] == 3143 and r.totals["ships"] == 15 and r.totals["cruise_missiles"] == 190
    assert len(r.totals) == 13
    assert r.daily == {"personnel": 300, "tanks": 5, "afv": 12, "artillery": 10, "uav": 3, "vehicles": 6,
                       "special_equipment": 2}
    assert r.as_of == date(2022, 8, 21)
    assert r.directions == ["Donetsk", "Mykolaiv"]


def test_news_prose_2025():
    r = parse_text(NEWS_2025, published="2025-10-15")
    assert r.totals["personnel"] == 1126220 and r.daily["personnel"] == 1070
    assert r.totals["tanks"] == 11259 and r.daily["tanks"] == 3
    assert r.totals["uav"] == 70021 and r.daily["uav"] == 389
    assert r.as_of == date(2025, 10, 15)


def test_thousands_with_remainder():
    text = "Всего с начала вторжения Россия потеряла 646 тыс. 400 военных."
    assert parse_text(text, published="2024-09-25").totals == {"personnel": 646400}


@pytest.mark.parametrize("text, role, category, value", [
    ("За сутки ВСУ уничтожили 1 030 российских военных.", "daily", "personnel", 1030),
    ("Генштаб: за сутки уничтожено еще двадцать пять танков.", "daily", "tanks", 25),
    ("С начала войны уничтожено 28 кораблей/катеров и одна подводная лодка.", "totals", "submarines", 1),
    ("С начала войны уничтожено 1.099.530 военных, сообщает Генштаб ВСУ.", "totals", "personnel", 1099530),
    ("Общие потери личного состава составили 1 миллион 209 880 человек.", "totals", "personnel", 1209880),
])
def test_prose_and_number_formats(text, role, category, value):
    r = parse_text(text, published="2025-12-30")
    assert getattr(r, role).get(category) == value, r.to_dict()


def test_rounded_figures_are_not_report_figures():
    text = "Потери России превысили 400 тысяч человек, сообщил Генштаб ВСУ."
    assert parse_text(text, published="2024-02-27").totals == {}


@pytest.mark.parametrize("text, published, expected", [
    ("По состоянию на 6 октября 2022 года потери противника составили 62 500 человек.", None, date(2022, 10, 6)),
    ("Общие боевые потери противника с 24.02.22 по 06.10.22 ориентировочно составили: танков ‒ 2449 (+14).",
     None, date(2022, 10, 6)),
    ("В среду Генштаб сообщил, что за сутки уничтожено 16 танков.", "2024-05-11", date(2024, 5, 8)),
    ("Об этом стало известно в среду, 2 марта. По данным Генштаба ВСУ на утро среды потери личного состава "
     "составили 5840 человек.", None, date(2022, 3, 2)),
])
def test_dates(text, published, expected):
    assert parse_text(text, published=published).as_of == expected


def test_directions_bakhmut():
    text = ("Общие боевые потери противника с 24.02.22 по 02.01.23 составили: танков ‒ 3033 (+4). "
            "Наибольшие потери противник понес на Бахмутском и Лиманском направлениях.")
    assert parse_text(text).directions == ["Bakhmut", "Lyman"]


def test_russian_ministry_claims_about_ukraine_are_not_figures():
    text = ("Минобороны РФ заявило об уничтожении 87 танков и 28 реактивных систем залпового огня. "
            "Сбито 7 самолетов и 9 беспилотников.\n"
            "По данным Генштаба ВСУ, потери противника составили 102 танка и 14 самолетов.")
    r = parse_text(text, published="2022-02-26")
    assert r.totals == {"tanks": 102, "aircraft": 14}
    assert r.daily == {}


def test_claims_with_anaphora():
    text = ("Минобороны России впервые сообщило о потерях.\n"
            "В ведомстве заявили, что 498 российских военных погибли.\n"
            "Также утверждается, что 1597 военнослужащих получили ранения.\n"
            "По данным Генштаба ВСУ, потери личного состава составили 5840 человек.")
    r = parse_text(text, published="2022-03-02")
    assert r.totals == {"personnel": 5840}
    assert [(c.by, c.value, c.what) for c in r.claims] == [
        ("Russian MoD", 498, "deaths"), ("Russian MoD", 1597, "wounded")]


def test_mediazona_claim():
    text = "Медиазона и Би-би-си установили имена 50 000 погибших российских военных."
    r = parse_text(text, published="2023-10-25")
    assert r.totals == {} and r.daily == {}
    assert [(c.by, c.value, c.what) for c in r.claims] == [("Mediazona", 50000, "deaths")]


@pytest.mark.parametrize("text", [
    "Генштаб ВСУ опубликовал новые данные о потерях российских войск за минувшие сутки.",
    "Это уже третий раз, когда потери противника растут так быстро.",
])
def test_detection(text):
    assert detect(text) == "ru"


def test_party_reporting_on_the_ukrainian_army_is_a_claim():
    text = ("Минобороны РФ заявило, что ВСУ за сутки потеряли до 1 500 военных. По данным Генштаба ВСУ, за сутки "
            "Россия потеряла 1 230 военных, а общие потери составили 404 950 человек.")
    r = parse_text(text, published="2024-02-20")
    assert r.daily == {"personnel": 1230} and r.totals == {"personnel": 404950}
    assert [(c.by, c.value, c.qualifier) for c in r.claims] == [("Russian MoD", 1500, "up to")]


@pytest.mark.parametrize("language, text", [
    ("ru", "Минобороны России рассказало об итогах недели. По данным ведомства, удары пришлись по складам ВСУ. "
           "ВСУ за сутки потеряли до 940 военнослужащих, 11 танков и 38 единиц автомобильной техники. "
           "Силами ПВО сбиты 64 беспилотника."),
    ("ru", "Министерство обороны России отчиталось о боях. Украинская сторона за сутки лишилась 1 210 "
           "военнослужащих и 9 танков. Кроме того, уничтожено 27 беспилотников."),
    ("uk", "Міністерство оборони Росії заявило про перебіг боїв. Українська сторона за добу втратила 830 "
           "військовослужбовців і 7 танків. Також збито 51 безпілотник."),
])
def test_a_russian_ministry_account_of_ukraines_losses_gives_no_report_figures(language, text):
    # The ministry speaks for the whole paragraph: Ukraine's forces named in its sentences are whose losses it
    # counts, not the General Staff taking the word.
    r = parse_text(text, published="2025-06-10", language=language)
    assert r.totals == {} and r.daily == {}
    assert {c.side for c in r.claims} <= {"ukraine"}


def test_the_general_staff_reporting_after_a_russian_account_still_gives_figures():
    text = ("Минобороны России заявило, что ВСУ за сутки потеряли до 1 300 военных. ВСУ сообщили, что за сутки "
            "Россия потеряла 1 180 военных и 12 танков.")
    r = parse_text(text, published="2025-06-10")
    assert r.daily == {"personnel": 1180, "tanks": 12}
    assert [(c.by, c.value, c.side) for c in r.claims] == [("Russian MoD", 1300, "ukraine")]
