"""The report's date (as_of), rule by rule and language by language, on sentences the team wrote.

The rules are those of the field notes in the output contract: the date of the report, not of the losses; the
year of a date from the text, then the publication, then the magnitude of the figures; weekdays and "today"
against the publication; days of the war; never the date of another event.
"""
from datetime import date

import pytest

from casualty_cli import parse_text
from casualty_cli.extract.dates import Published


def as_of(text, published=None, language=None):
    return parse_text(text, published=published, language=language).as_of


# --- The day of the losses is not the report's: the report that gives them is the next morning's -----------------

LOSS_DAY = [
    ("en", "Over the past 24 hours, October 26, Russia lost 1,020 soldiers. Since the invasion began, Russia has "
           "lost 301,120 troops in total."),
    ("uk", "За минулу добу, 26 жовтня, росіяни втратили 1020 військових. Загалом з початку вторгнення Росія втратила "
           "301 120 військових."),
    ("ru", "За минувшие сутки, 26 октября, россияне потеряли 1020 военных. Всего с начала вторжения Россия потеряла "
           "301 120 военных."),
    ("de", "In den vergangenen 24 Stunden, 26. Oktober, verlor Russland 1.020 Soldaten. Seit Beginn der Invasion hat "
           "Russland insgesamt 301.120 Soldaten verloren."),
    ("fr", "Au cours des dernières 24 heures, le 26 octobre, la Russie a perdu 1 020 soldats. Depuis le début de "
           "l'invasion, la Russie a perdu au total 301 120 soldats."),
    ("es", "En las últimas 24 horas, el 26 de octubre, Rusia perdió 1.020 soldados. Desde el inicio de la invasión, "
           "Rusia ha perdido en total 301.120 soldados."),
    ("it", "Nelle ultime 24 ore, il 26 ottobre, la Russia ha perso 1.020 soldati. Dall'inizio dell'invasione la "
           "Russia ha perso in totale 301.120 soldati."),
    ("pl", "W ciągu ostatniej doby, 26 października, Rosja straciła 1020 żołnierzy. Od początku inwazji Rosja "
           "straciła łącznie 301 120 żołnierzy."),
    ("tr", "Son 24 saatte, 26 Ekim, Rusya 1.020 asker kaybetti. İşgalin başından bu yana Rusya toplam 301.120 asker "
           "kaybetti."),
]


@pytest.mark.parametrize("language, text", LOSS_DAY, ids=[code for code, _ in LOSS_DAY])
def test_a_date_named_as_the_past_day_means_the_next_mornings_report(language, text):
    assert as_of(text, "2023-10-28", language) == date(2023, 10, 27)


@pytest.mark.parametrize("text, published, expected", [
    ("On March 3 alone, Russia lost 1,340 soldiers, bringing its total since the invasion to 431,770.",
     "2024-03-05", date(2024, 3, 4)),
    # 2023-03-03 is a Friday: Wednesday is 2023-03-01, and its losses are in Thursday's report.
    ("On Wednesday, 720 Russian soldiers were killed, bringing the total since the invasion to 152,160.",
     "2023-03-03", date(2023, 3, 2)),
])
def test_losses_told_as_events_of_a_day_mean_the_next_mornings_report(text, published, expected):
    assert as_of(text, published) == expected


@pytest.mark.parametrize("language, text", [
    ("en", "As of October 27, Russia has lost 301,120 troops since the invasion, the General Staff said."),
    ("en", "The General Staff reported on October 27 that Russia has lost 301,120 troops since the invasion."),
    ("uk", "Станом на 27 жовтня загальні бойові втрати противника склали 301 120 осіб."),
    ("uk", "Загальні бойові втрати противника з 24.02.22 по 27.10.23 орієнтовно становлять 301 120 (+1020) осіб."),
    ("de", "Der Generalstab meldete am 27. Oktober, Russland habe seit Beginn der Invasion 301.120 Soldaten verloren."),
])
def test_a_date_that_dates_the_report_stays(language, text):
    assert as_of(text, "2023-10-28", language) == date(2023, 10, 27)


# --- Weekdays and "today" against the publication date ----------------------------------------------------------

WEEKDAY = [
    ("en", "Ukraine's General Staff said on Tuesday that Russia has lost 154,830 troops since the invasion."),
    ("en", "Kyiv claimed Tuesday that Russia has lost 154,830 soldiers since the start of the invasion."),
    ("de", "Die ukrainischen Streitkräfte erklärten am Dienstag, Russland habe seit Beginn der Invasion 154.830 "
           "Soldaten verloren."),
    ("uk", "Генштаб ЗСУ у вівторок повідомив, що з початку вторгнення Росія втратила 154 830 військових."),
]


@pytest.mark.parametrize("language, text", WEEKDAY)
def test_a_weekday_is_the_most_recent_one_on_or_before_publication(language, text):
    assert as_of(text, "2023-03-09", language) == date(2023, 3, 7)   # a Thursday; the Tuesday before it
    assert as_of(text, "2023-03-07", language) == date(2023, 3, 7)   # a Tuesday itself


def test_a_weekday_without_a_publication_date_is_not_guessed():
    assert as_of(WEEKDAY[0][1]) is None


@pytest.mark.parametrize("text, published, expected", [
    ("Over the past day Russia lost 970 soldiers; since the invasion it has lost 1,016,720 in total, the General "
     "Staff said.", "2025-06-27", date(2025, 6, 27)),
    ("Russia has lost 1,016,720 troops to date, according to Kyiv.", "2025-06-27", date(2025, 6, 27)),
    ("Over the past day Russia lost 970 soldiers; since the invasion it has lost 1,016,720 in total, the General "
     "Staff said.", "2025-06", None),        # a month only: which day of it is not known
    ("Russia has lost 1,016,720 troops since the invasion, the General Staff said.", "2025-06-27", None),
])
def test_with_no_date_only_words_of_today_lean_on_the_publication(text, published, expected):
    assert as_of(text, published) == expected


# --- The year of a date that has none ---------------------------------------------------------------------------

def test_a_year_from_the_magnitude_of_the_totals():
    sentence = "On June 28 the General Staff reported that Russia has lost {} troops since the invasion."
    assert as_of(sentence.format("1,017,720")) == date(2025, 6, 28)
    assert as_of(sentence.format("35,250")) == date(2022, 6, 28)


def test_a_year_from_the_text_before_the_magnitude():
    text = (" date 2023-10 On Thursday, October 12, the General Staff said that Russia has lost 286,200 troops "
            "since the invasion.")
    assert as_of(text) == date(2023, 10, 12)
    text = ("In 2024 Russia lost 430,790 troops. In 2025, according to a June 12 report by the General Staff, its "
            "total since the invasion stands at 1,000,340.")
    assert as_of(text) == date(2025, 6, 12)


def test_the_invasions_month_gives_no_year():
    text = ("Dec. 23 -\nThe General Staff said this Monday that Russia has lost 776,090 troops since the invasion, "
            "which began in February 2022.")
    assert as_of(text) == date(2024, 12, 23)   # the dateline's year by the magnitude; Monday is that day


def test_the_first_years_range_format():
    assert as_of("Загальні бойові втрати противника з 24.02 по 27.09 орієнтовно становлять 57 750 осіб.",
                 language="uk") == date(2022, 9, 27)
    # With a publication date the range's end takes the year of the publication.
    assert as_of("Total combat losses of the enemy from 24.02 to 15.03 were about 425,670 personnel.",
                 "2025-03-16") == date(2025, 3, 15)


# --- Days of the war: 24 February 2022 is day 1 -----------------------------------------------------------------

WAR_DAY = [
    ("en", "On the 346th day of the war, the General Staff reported that Russia has lost 132,800 troops in total."),
    ("uk", "На 346-й день війни Генштаб повідомив, що загальні втрати противника становлять 132 800 осіб."),
    ("ru", "На 346-й день войны Генштаб сообщил, что общие потери противника составляют 132 800 человек."),
    ("de", "Am 346. Tag des Krieges meldete der Generalstab, Russland habe insgesamt 132.800 Soldaten verloren."),
    ("fr", "Au 346e jour de la guerre, l'état-major a indiqué que la Russie a perdu au total 132 800 soldats."),
    ("es", "En el 346º día de la guerra, el Estado Mayor informó que Rusia ha perdido en total 132.800 soldados."),
    ("it", "Al 346° giorno di guerra lo Stato maggiore ha comunicato che la Russia ha perso in totale 132.800 "
           "soldati."),
    ("pl", "W 346. dniu wojny Sztab Generalny poinformował, że Rosja straciła łącznie 132 800 żołnierzy."),
]


@pytest.mark.parametrize("language, text", WAR_DAY, ids=[code for code, _ in WAR_DAY])
def test_a_day_of_the_war(language, text):
    report = parse_text(text, language=language)
    assert report.as_of == date(2023, 2, 4)
    assert 346 not in report.totals.values()   # the day's number is no figure


def test_the_thousandth_day():
    assert as_of("On the 1,000th day of the war the General Staff said Russia has lost 719,190 troops in all."
                 ) == date(2024, 11, 19)


# --- Dates of other events are never the report's ---------------------------------------------------------------

def test_the_invasions_start_is_not_the_reports_date():
    assert as_of("Since February 24, Russia has lost 301,120 troops, the General Staff said.", "2023-10-28") is None
    assert as_of("Russia has lost 301,120 troops since 24 February 2022, the General Staff said.") is None


def test_an_anniversary_report_is_dated_in_its_own_year():
    text = "The General Staff reported on Feb. 24 that Russia has lost 862,000 troops since the invasion."
    assert as_of(text, "2025-02-25") == date(2025, 2, 24)


def test_a_claims_date_and_a_sectors_date_are_not_the_reports():
    text = ("Mediazona said on Sept. 25 it had confirmed 6,756 Russian deaths. "
            "Russia has lost 57,750 troops since the invasion, the General Staff said.")
    assert as_of(text, "2022-09-28") is None
    text = ("On October 3, on the Tavria axis, Russia lost 420 soldiers. "
            "Russia has lost 289,000 troops since the invasion, the General Staff said.")
    assert as_of(text, "2023-10-05") is None


def test_a_date_before_an_earlier_sentence_about_the_invasion_is_no_range():
    text = ("Russia invaded on February 24 and has since lost many troops. On Wednesday, 660 Russian troops were "
            "killed, bringing the total to 100,400.")
    assert as_of(text, "2022-12-23") == date(2022, 12, 22)   # Wednesday's losses: Thursday's report


# --- previous_as_of and since -------------------------------------------------------------------------------------

def test_the_previous_report_is_the_day_before():
    report = parse_text("As of October 27, Russia has lost 301,120 troops since February 24, the General Staff "
                        "said. A day earlier the tally stood at 300,100.", published="2023-10-28")
    assert report.as_of == date(2023, 10, 27)
    assert report.previous == {"personnel": 300100}
    assert report.previous_as_of == date(2023, 10, 26)
    assert report.since == date(2022, 2, 24)


def test_a_month_only_publication_reaches_to_the_months_end():
    assert Published.from_value("2024-02").latest == date(2024, 2, 29)
    assert Published.from_value("2024-02-10").latest == date(2024, 2, 10)
