"""German, French, Spanish, Italian, Polish and Turkish: sentences written for these tests, one table per concern."""
import json
from pathlib import Path

import pytest

from casualty_cli import parse_text
from casualty_cli.extract.language import detect

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# (language, text, published, role, category, value)
FIGURES = [
    # number formats: dot groups, space groups, "bin" and "tys." with the rest, decimal comma with a multiplier
    ("de", "Seit Beginn des Krieges verlor Russland 1.099.530 Soldaten.", None, "totals", "personnel", 1099530),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu 4 529 chars.", None, "totals", "tanks", 4529),
    ("es", "Desde el inicio de la guerra han sido destruidos 3.745 tanques.", None, "totals", "tanks", 3745),
    ("it", "Dall'inizio della guerra la Russia ha perso 8.001 carri armati.", None, "totals", "tanks", 8001),
    ("pl", "Od początku wojny Rosja straciła łącznie 657 940 żołnierzy.", None, "totals", "personnel", 657940),
    ("tr", "Rus ordusu toplam 24 bin 700 asker kaybetti.", None, "totals", "personnel", 24700),
    ("tr", "Rus ordusu toplam 19 bin 100 asker kaybetti.", None, "totals", "personnel", 19100),
    ("de", "Seit Beginn der Invasion hat Russland 1,1 Millionen Soldaten verloren.", None, "totals", "personnel", None),
    # the list format with the day's change between number and noun
    ("de", "Die Verluste seit Beginn des Krieges: 6.465 (+23) Panzer und 12.129 (+39) gepanzerte Kampffahrzeuge.",
     None, "daily", "afv", 39),
    ("de", "Die Verluste seit Beginn des Krieges: 6.465 (+23) Panzer und 1 (+0) U-Boote.", None, "totals",
     "submarines", 1),
    # daily cues
    ("de", "In den vergangenen 24 Stunden wurden 1.210 russische Soldaten getötet.", None, "daily", "personnel", 1210),
    ("fr", "Au cours des dernières 24 heures, 640 soldats russes ont été tués.", None, "daily", "personnel", 640),
    ("es", "En las últimas 24 horas han muerto 750 soldados rusos.", None, "daily", "personnel", 750),
    ("it", "Nelle ultime 24 ore sono stati uccisi 1.060 soldati russi.", None, "daily", "personnel", 1060),
    ("pl", "W ciągu ostatniej doby zginęło 1230 rosyjskich żołnierzy.", None, "daily", "personnel", 1230),
    ("tr", "Rus ordusu son 24 saatte 1670 askerini daha kaybetti.", None, "daily", "personnel", 1670),
    # small numbers in words
    ("de", "Am vergangenen Tag wurden fünf Panzer zerstört.", None, "daily", "tanks", 5),
    ("fr", "Au cours de la dernière journée, huit chars ont été détruits.", None, "daily", "tanks", 8),
    ("es", "En la última jornada las tropas rusas perdieron cinco tanques.", None, "daily", "tanks", 5),
    ("it", "Nelle ultime 24 ore sono stati distrutti quattordici carri armati.", None, "daily", "tanks", 14),
    ("pl", "W ciągu ostatniej doby zniszczono dziewięć czołgów.", None, "daily", "tanks", 9),
    ("tr", "Son 24 saatte Rus ordusunun dokuz tankı imha edildi.", None, "daily", "tanks", 9),
    # Polish totals in brackets after the day's figure
    ("pl", "W ciągu ostatniej doby Ukraińcy zniszczyli 17 czołgów wroga (w sumie 4965).", None, "totals", "tanks", 4965),
]

# Rounding words make a figure no total: (language, text)
ROUNDED = [
    ("de", "Seit Beginn des Krieges hat Russland mehr als 400.000 Soldaten verloren."),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu plus de 267 000 soldats."),
    ("es", "Desde el inicio de la guerra Rusia ha perdido más de 197.000 soldados."),
    ("it", "Dall'inizio della guerra la Russia ha perso oltre 531.000 soldati."),
    ("pl", "Od początku wojny Rosja straciła ponad 657 tys. żołnierzy."),
    ("tr", "Savaşın başından bu yana Rus ordusu 815 binden fazla asker kaybetti."),
    ("tr", "Savaşın başından bu yana Rus ordusu 815.000'den fazla asker kaybetti."),
]

# (language, text, published, as_of)
DATES = [
    ("de", "Der Generalstab meldete am 16. Februar 2024 insgesamt 400.300 getötete Soldaten.", None, "2024-02-16"),
    ("fr", "L'état-major a annoncé le 8 septembre 2023 un total de 267 540 soldats russes tués.", None, "2023-09-08"),
    ("es", "El Estado Mayor informó el 12 de mayo de 2023 que en total han muerto 197.670 soldados rusos.", None,
     "2023-05-12"),
    ("it", "Lo Stato maggiore ha riferito il 21 giugno 2024 che in totale sono morti 531.980 soldati russi.", None,
     "2024-06-21"),
    ("pl", "Sztab Generalny poinformował 4 października 2024 r., że łącznie zginęło 657 940 żołnierzy.", None,
     "2024-10-04"),
    ("tr", "Genelkurmay, 24 Şubat-5 Mayıs dönemindeki kayıplara ilişkin açıklamada toplam 24 bin 700 asker "
           "kaybedildiğini duyurdu.", None, "2022-05-05"),
    # weekday resolution against the publication date
    ("fr", "Vendredi, l'état-major a déclaré que 640 soldats russes ont été tués au cours des dernières 24 heures.",
     "2023-09-09", "2023-09-08"),
    ("de", "Der Generalstab meldete am Freitag, dass in den vergangenen 24 Stunden 1.210 Soldaten getötet wurden.",
     "2024-02-18", "2024-02-16"),
]

DETECTION = [
    ("de", "Die ukrainischen Streitkräfte haben nach eigenen Angaben seit Beginn des Krieges viele Panzer zerstört."),
    ("fr", "Les forces armées ukrainiennes ont détruit des chars depuis le début de la guerre, selon l'état-major."),
    ("es", "Las Fuerzas Armadas de Ucrania han destruido tanques desde el inicio de la guerra, según el parte."),
    ("it", "Le forze armate ucraine hanno distrutto carri armati dall'inizio della guerra, secondo lo Stato maggiore."),
    ("pl", "Siły zbrojne Ukrainy zniszczyły od początku wojny wiele czołgów, jak podał sztab."),
    ("tr", "Ukrayna ordusu savaşın başından bu yana çok sayıda tankı imha ettiğini açıkladı."),
    ("en", "The Ukrainian military said Russia has lost many tanks since the start of the war."),
]


@pytest.mark.parametrize("lang,text,published,role,category,value", FIGURES)
def test_figures(lang, text, published, role, category, value):
    report = parse_text(text, published=published)
    assert report.language == lang
    if value is None:  # a figure in millions is a round figure, not the report's
        assert category not in report.totals
    else:
        assert getattr(report, role).get(category) == value


@pytest.mark.parametrize("lang,text", ROUNDED)
def test_rounding_words_make_no_total(lang, text):
    report = parse_text(text)
    assert report.language == lang
    assert "personnel" not in report.totals


@pytest.mark.parametrize("lang,text,published,as_of", DATES)
def test_dates(lang, text, published, as_of):
    report = parse_text(text, published=published)
    assert report.language == lang
    assert report.as_of is not None and report.as_of.isoformat() == as_of


@pytest.mark.parametrize("lang,text", DETECTION)
def test_detection(lang, text):
    assert detect(text) == lang


def test_language_override():
    assert parse_text("Rus ordusu toplam 24 bin 700 asker kaybetti.", language="de").language == "de"


def test_turkish_capital_dotted_i_and_apostrophe_suffix():
    report = parse_text("Açıklamaya göre toplam 22 bin 566 İHA imha edildi. En büyük kayıplar Bahmut'ta yaşandı.")
    assert report.totals.get("uav") == 22566
    assert report.directions == ["Bakhmut"]


def test_places_in_each_language_map_to_english_exonyms():
    cases = [
        ("de", "Die größten Verluste erlitt der Feind in Richtung Awdijiwka und Bachmut.", ["Avdiivka", "Bakhmut"]),
        ("fr", "Les plus lourdes pertes ont été subies dans les directions de Liman et Bakhmout.", ["Lyman", "Bakhmut"]),
        ("es", "Las mayores pérdidas se registraron en la dirección de Bajmut.", ["Bakhmut"]),
        ("pl", "Największe straty wróg poniósł w okolicach Pokrowska i Kurachowego.", ["Pokrovsk", "Kurakhove"]),
        ("tr", "Rus ordusu en büyük kayıpları Pokrovsk ve Kurahove yönlerinde verdi.", ["Pokrovsk", "Kurakhove"]),
    ]
    for lang, text, places in cases:
        report = parse_text(text)
        assert report.language == lang
        assert report.directions == places


def test_claim_of_the_russian_ministry_with_a_case_ending():
    report = parse_text("Rusya Savunma Bakanlığından 25 Mart'ta yapılan açıklamada 1351 Rus askerinin öldüğü duyurulmuştu.")
    assert [(c.by, c.value, c.what) for c in report.claims] == [("Russian MoD", 1351, "deaths")]


SAMPLE_FILES = sorted(p for p in SAMPLES.glob("news-*.txt")
                      if p.name.split("-")[1] in {"de", "fr", "es", "it", "pl", "tr"})


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_samples(path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text("utf-8"))
    report = parse_text(path.read_text("utf-8")).to_dict()
    for key, value in expected.items():
        assert report[key] == value, key


def test_every_sample_language_has_one_article():
    assert {p.name.split("-")[1] for p in SAMPLE_FILES} == {"de", "fr", "es", "it", "pl", "tr"}
