"""Figures that are not the report's: a sector's or a group's, a place's, a period's, an average, a record day,
another war's, and model names. Each case is a report sentence of the General Staff (the day's loss of 1,180
soldiers) and beside it a sentence that counts something else with words that look like the report's: only the
report's figure may come out. Texts are written for these tests, in each of the nine languages.
"""
from __future__ import annotations

import pytest

from casualty_cli.extract import parse_text

# The General Staff's day: 1,180 soldiers over the past day.
REPORT = {
    "en": "Russia lost 1,180 soldiers over the past day, Ukraine's General Staff said.",
    "uk": "За минулу добу росія втратила 1180 військових, повідомив Генеральний штаб ЗСУ.",
    "ru": "За минувшие сутки Россия потеряла 1180 военных, сообщил Генштаб ВСУ.",
    "de": "Russland hat in den vergangenen 24 Stunden 1180 Soldaten verloren, teilte der ukrainische Generalstab mit.",
    "fr": "La Russie a perdu 1 180 soldats au cours des dernières 24 heures, selon l'état-major ukrainien.",
    "es": "Rusia perdió 1.180 soldados en las últimas 24 horas, según el Estado Mayor ucraniano.",
    "it": "La Russia ha perso 1.180 soldati nelle ultime 24 ore, secondo lo Stato maggiore ucraino.",
    "pl": "Rosja straciła w ciągu ostatniej doby 1180 żołnierzy, podał Sztab Generalny Ukrainy.",
    "tr": "Ukrayna Genelkurmay Başkanlığı'na göre Rusya son 24 saatte 1180 asker kaybetti.",
}

# One operational group's or sector's day, told with the report's own daily words.
GROUP = {
    "en": "The Tavria operational-strategic group said its units killed 220 Russian troops in the past day.",
    "uk": "Оперативно-стратегічне угруповання військ «Таврія» за минулу добу знищило 220 окупантів.",
    "ru": "Оперативно-стратегическая группировка войск «Таврия» за сутки уничтожила 220 оккупантов.",
    "de": "Die operativ-strategische Gruppierung Tawrija tötete in den vergangenen 24 Stunden 220 russische Soldaten.",
    "fr": "Le groupement opérationnel Tavria a tué 220 soldats russes au cours des dernières 24 heures.",
    "es": "La agrupación operativa Tavria abatió a 220 soldados rusos en las últimas 24 horas.",
    "it": "Il raggruppamento operativo Tavria ha ucciso 220 soldati russi nelle ultime 24 ore.",
    "pl": "Zgrupowanie operacyjne Tawrija zabiło w ciągu ostatniej doby 220 rosyjskich żołnierzy.",
    "tr": "Tavriya operasyonel stratejik grubu son 24 saatte 220 Rus askerini öldürdü.",
}

# One front-line place's day.
PLACE = {
    "en": "Near Pokrovsk, Russian forces lost 400 soldiers in the past day, a brigade spokesman said.",
    "uk": "На Покровському напрямку за минулу добу ворог втратив 400 військових.",
    "ru": "На Покровском направлении за сутки противник потерял 400 военных.",
    "de": "Bei Pokrowsk verlor die russische Armee in den vergangenen 24 Stunden 400 Soldaten.",
    "fr": "Près de Pokrovsk, l'armée russe a perdu 400 soldats au cours des dernières 24 heures.",
    "es": "Cerca de Pokrovsk, el ejército ruso perdió 400 soldados en las últimas 24 horas.",
    "it": "Nei pressi di Pokrovsk l'esercito russo ha perso 400 soldati nelle ultime 24 ore.",
    "pl": "Pod Pokrowskiem armia rosyjska straciła w ciągu ostatniej doby 400 żołnierzy.",
    "tr": "Pokrovsk yakınlarında Rus ordusu son 24 saatte 400 asker kaybetti.",
}

# A month's sum, which without the report's total could pass for one.
MONTH = {
    "en": "In November, Russia lost 45,720 troops.",
    "uk": "У листопаді росія втратила 45 720 військових.",
    "ru": "В ноябре Россия потеряла 45 720 военных.",
    "de": "Im November verlor Russland 45.720 Soldaten.",
    "fr": "En novembre, la Russie a perdu 45 720 soldats.",
    "es": "En noviembre, Rusia perdió 45.720 soldados.",
    "it": "A novembre la Russia ha perso 45.720 soldati.",
    "pl": "W listopadzie Rosja straciła 45 720 żołnierzy.",
    "tr": "Kasım ayında Rusya 45.720 asker kaybetti.",
}

# A week's sum, from one date to another.
WEEK = {
    "en": "From November 3 to November 9, Russia lost 8,210 troops.",
    "uk": "З 3 по 9 листопада росія втратила 8210 військових.",
    "ru": "С 3 по 9 ноября Россия потеряла 8210 военных.",
    "de": "Seit dem 3. November verlor Russland 8210 Soldaten.",
    "fr": "Depuis le 3 novembre, la Russie a perdu 8 210 soldats.",
    "es": "Desde el 3 de noviembre, Rusia perdió 8.210 soldados.",
    "it": "Dal 3 novembre la Russia ha perso 8.210 soldati.",
    "pl": "Od 3 listopada Rosja straciła 8210 żołnierzy.",
    "tr": "3 Kasım'dan bu yana Rusya 8.210 asker kaybetti.",
}

# A year's sum.
YEAR = {
    "en": "In 2024, Russia lost 430,790 troops.",
    "uk": "У 2024 році росія втратила 430 790 військових.",
    "ru": "В 2024 году Россия потеряла 430 790 военных.",
    "de": "Im Jahr 2024 verlor Russland 430.790 Soldaten.",
    "fr": "En 2024, la Russie a perdu 430 790 soldats.",
    "es": "En 2024, Rusia perdió 430.790 soldados.",
    "it": "Nel 2024 la Russia ha perso 430.790 soldati.",
    "pl": "W 2024 roku Rosja straciła 430 790 żołnierzy.",
    "tr": "2024 yılında Rusya 430.790 asker kaybetti.",
}

# One brigade's day.
BRIGADE = {
    "en": "The 47th Mechanized Brigade said it destroyed 5 tanks and killed 60 soldiers over the past day.",
    "uk": "Окрема механізована бригада за минулу добу знищила 5 танків і 60 окупантів.",
    "ru": "Механизированная бригада за сутки уничтожила 5 танков и 60 оккупантов.",
    "de": "Die mechanisierte Brigade zerstörte in den vergangenen 24 Stunden 5 Panzer und tötete 60 Soldaten.",
    "fr": "La brigade mécanisée a détruit 5 chars et tué 60 soldats au cours des dernières 24 heures.",
    "es": "La brigada mecanizada destruyó 5 tanques y abatió a 60 soldados en las últimas 24 horas.",
    "it": "La brigata meccanizzata ha distrutto 5 carri armati e ucciso 60 soldati nelle ultime 24 ore.",
    "pl": "Brygada zmechanizowana zniszczyła w ciągu ostatniej doby 5 czołgów i zabiła 60 żołnierzy.",
    "tr": "Mekanize tugay son 24 saatte 5 tank imha etti ve 60 asker öldürdü.",
}

# Another war.
OTHER_WAR = {
    "en": "The Soviet Union lost 15,051 soldiers in Afghanistan.",
    "uk": "Радянський Союз втратив в Афганістані 15 051 військового.",
    "ru": "Советский Союз потерял в Афганистане 15 051 военного.",
    "de": "Die Sowjetunion verlor in Afghanistan 15.051 Soldaten.",
    "fr": "L'Union soviétique a perdu 15 051 soldats en Afghanistan.",
    "es": "La Unión Soviética perdió 15.051 soldados en Afganistán.",
    "it": "L'Unione Sovietica ha perso 15.051 soldati in Afghanistan.",
    "pl": "Związek Radziecki stracił w Afganistanie 15 051 żołnierzy.",
    "tr": "Sovyetler Birliği Afganistan'da 15.051 asker kaybetti.",
}

# "In this direction": a sector named before.
THIS_SECTOR = {
    "en": "In this direction the enemy lost 300 soldiers over the past day.",
    "uk": "На цьому напрямку за минулу добу ворог втратив 300 військових.",
    "ru": "На этом направлении за сутки противник потерял 300 военных.",
    "de": "In dieser Richtung verlor der Feind in den vergangenen 24 Stunden 300 Soldaten.",
    "fr": "Dans cette direction, l'ennemi a perdu 300 soldats au cours des dernières 24 heures.",
    "es": "En esta dirección el enemigo perdió 300 soldados en las últimas 24 horas.",
    "it": "In questa direzione il nemico ha perso 300 soldati nelle ultime 24 ore.",
    "pl": "Na tym kierunku wróg stracił w ciągu ostatniej doby 300 żołnierzy.",
    "tr": "Bu yönde düşman son 24 saatte 300 asker kaybetti.",
}

LANGUAGES = sorted(REPORT)


def _figures(text: str, language: str) -> tuple[dict, dict]:
    report = parse_text(text, language=language)
    return report.daily, report.totals


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_alone_gives_its_day(language):
    # The ground the other cases stand on: the report sentence is read as the day's loss.
    assert _figures(REPORT[language], language) == ({"personnel": 1180}, {})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("other", [GROUP, BRIGADE, PLACE, THIS_SECTOR, MONTH, WEEK, YEAR, OTHER_WAR],
                         ids=["group", "brigade", "place", "this_sector", "month", "week", "year", "other_war"])
def test_figures_of_something_else_are_not_the_reports(language, other):
    for text in (REPORT[language] + "\n\n" + other[language], other[language] + "\n\n" + REPORT[language]):
        assert _figures(text, language) == ({"personnel": 1180}, {}), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sector_story_has_no_daily_figures(language):
    # Only the group's own day, however it is worded: nothing of the nationwide report.
    for other in (GROUP, PLACE):
        assert _figures(other[language], language) == ({}, {})


def test_a_group_paragraph_goes_on_until_the_general_staff_speaks():
    text = ("The Tavria group of forces reported on the day's fighting.\n\n"
            "Ukrainian defenders destroyed 12 tanks and 9 artillery systems in the past day.\n\n"
            "The Armed Forces of Ukraine continue to hold the line.\n\n"
            "The enemy also lost 310 soldiers over the past day.\n\n"
            "Across the entire front, Russia lost 1,180 soldiers over the past day, the General Staff said.")
    assert _figures(text, "en") == ({"personnel": 1180}, {})


def test_a_story_about_one_place_speaks_for_it_until_the_general_staff_does():
    text = ("Fierce fighting near Bakhmut\n\n"
            "Russian forces lost 210 soldiers and 3 tanks in the past day, the brigade said.\n\n"
            "Across the entire front, Russia lost 1,180 soldiers over the past day, the General Staff said.")
    assert _figures(text, "en") == ({"personnel": 1180}, {})


def test_a_list_after_a_week_counts_the_week():
    text = ("За тиждень з 3 по 9 листопада ворог втратив 8210 військових.\n"
            "Зокрема, знищено:\n- 62 танки;\n- 117 бойових броньованих машин;\n- 75 артилерійських систем.\n"
            "За минулу добу росія втратила 1180 військових та 4 танки, повідомив Генеральний штаб ЗСУ.")
    assert _figures(text, "uk") == ({"personnel": 1180, "tanks": 4}, {})


def test_lines_of_a_year_are_the_years():
    text = ("Russia lost 1,180 soldiers over the past day, the General Staff said.\n"
            "Russian losses by year:\n2023: 253,290 troops\n2024 (to December): 430,790 troops")
    assert _figures(text, "en") == ({"personnel": 1180}, {})


def test_a_period_in_the_report_sentence_leaves_the_total():
    # The sentence holds the report's total and, in a clause of its own, a month's part of it.
    text = ("According to the General Staff, Russia has lost 745,390 soldiers since the invasion, "
            "including 45,720 in November.")
    assert _figures(text, "en") == ({}, {"personnel": 745390})


def test_a_date_after_from_still_dates_the_report():
    # "від 3 грудня" dates the morning report: not the start of a period.
    text = "У зведенні Генерального штабу від 3 грудня повідомлялося, що за минулу добу ворог втратив 930 військових."
    assert _figures(text, "uk") == ({"personnel": 930}, {})


def test_the_direction_of_greatest_losses_is_the_reports_own():
    text = ("Russia lost 1,180 soldiers over the past day, most of them in the Pokrovsk direction, "
            "where the enemy suffered the greatest losses.")
    assert _figures(text, "en") == ({"personnel": 1180}, {})


@pytest.mark.parametrize("text, daily", [
    ("Russia took T-62 tanks out of storage after it lost 14 tanks over the past day.", {"tanks": 14}),
    ("Air defence shot down an Su-25, and 4 tanks were destroyed over the past day.", {"tanks": 4}),
])
def test_model_names_are_not_figures(text, daily):
    assert _figures(text, "en") == (daily, {})
