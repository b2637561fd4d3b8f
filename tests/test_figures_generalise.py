"""Figures read the same way in all nine languages: each rule of issue 11, family 1, as a table of sentences
written for these tests (real figures, our own words), one row per language where the wording occurs.

A row is (language, text, expected), where expected maps "role.category" to the value the report must give,
or to None where it must give none (a rounding, a figure of the day before that is no total, ...).
"""
import re

import pytest

from casualty_cli import parse_text

# 1. A qualifier before a figure that names every digit keeps it exact; before a round figure it is a rounding.
QUALIFIERS = [
    ("en", "Since the start of the invasion Russia has lost up to 1,612 tanks, the General Staff said.",
     {"totals.tanks": 1612}),
    ("en", "Since the invasion began Russia has lost at least 231 aircraft, according to the General Staff.",
     {"totals.aircraft": 231}),
    ("en", "Russia's losses since the start of the war stand at about 61,330 personnel.", {"totals.personnel": 61330}),
    ("en", "Russia has lost more than 53,000 soldiers since the start of the war.", {"totals.personnel": None}),
    ("en", "Over the past day Russia lost over 370 soldiers, the General Staff said.", {"daily.personnel": None}),
    ("de", "Seit Kriegsbeginn hat Russland nach Angaben des Generalstabs rund 240.010 Soldaten verloren.",
     {"totals.personnel": 240010}),
    ("de", "Seit Kriegsbeginn hat Russland mehr als 88.300 Soldaten verloren.", {"totals.personnel": None}),
    ("uk", "З початку повномасштабного вторгнення росія втратила близько 1 150 320 військових.",
     {"totals.personnel": 1150320}),
    ("uk", "З початку вторгнення росія втратила понад 747 тисяч військових.", {"totals.personnel": None}),
    ("ru", "С начала вторжения Россия потеряла около 1 150 320 военных, сообщил Генштаб.",
     {"totals.personnel": 1150320}),
    ("ru", "С начала вторжения Россия потеряла более 12 000 военных.", {"totals.personnel": None}),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu près de 1 016 720 soldats, selon l'état-major.",
     {"totals.personnel": 1016720}),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu plus de 108 000 soldats.", {"totals.personnel": None}),
    ("es", "Desde el inicio de la invasión Rusia ha perdido cerca de 36.210 soldados, según el Estado Mayor.",
     {"totals.personnel": 36210}),
    ("es", "En las últimas 24 horas Rusia perdió más de 230 soldados.", {"daily.personnel": None}),
    ("it", "Dall'inizio della guerra la Russia ha perso circa 44.910 soldati, secondo lo Stato maggiore.",
     {"totals.personnel": 44910}),
    ("it", "Nelle ultime 24 ore la Russia ha perso più di 200 soldati.", {"daily.personnel": None}),
    ("pl", "Od początku inwazji Rosja straciła około 657 940 żołnierzy, podał Sztab Generalny.",
     {"totals.personnel": 657940}),
    ("pl", "Od początku inwazji Rosja straciła ponad 600 000 żołnierzy.", {"totals.personnel": None}),
    ("tr", "Savaşın başından bu yana Rus ordusu yaklaşık 1.016.720 asker kaybetti.", {"totals.personnel": 1016720}),
    ("tr", "Savaşın başından bu yana Rus ordusu 800 binden fazla asker kaybetti.", {"totals.personnel": None}),
]

# 2. Lists where the number comes first: "10 233 танки (+8 за добу)", with or without the day's change.
NUMBER_FIRST = [
    ("uk", "Загальні втрати ворога з початку вторгнення:\n10 233 танки (+8 за добу);\n21 046 бойових броньованих "
           "машин (+12);\n1 310 РСЗВ.",
     {"totals.tanks": 10233, "daily.tanks": 8, "totals.afv": 21046, "daily.afv": 12, "totals.mlrs": 1310}),
    ("uk", "Втрати ворога з початку вторгнення:\n- танки — 10 233 (+8 за минулу добу);\n- артилерійські системи — "
           "8 950 (+12 за минулу добу).",
     {"totals.tanks": 10233, "daily.tanks": 8, "totals.artillery": 8950, "daily.artillery": 12}),
    ("ru", "Потери врага с начала вторжения:\n- танки — 10 233 (+8 за минувшие сутки);\n- РСЗО — 1310.",
     {"totals.tanks": 10233, "daily.tanks": 8, "totals.mlrs": 1310}),
    ("ru", "Общие потери врага с начала вторжения: 10 233 танка (+8 за сутки), 1310 РСЗО.",
     {"totals.tanks": 10233, "daily.tanks": 8, "totals.mlrs": 1310}),
    # a list takes its role from the line that introduces it
    ("uk", "За минулу добу ворог втратив:\n- 1 090 військових;\n- 4 танки;\n- 230 артилерійських систем.",
     {"daily.personnel": 1090, "daily.tanks": 4, "daily.artillery": 230, "totals.artillery": None}),
    ("en", "Over the past day, Russia lost:\n1,090 soldiers\n4 tanks\n230 artillery systems",
     {"daily.personnel": 1090, "daily.tanks": 4, "daily.artillery": 230, "totals.artillery": None}),
    ("en", "Russia's losses since the start of the war:\n9,615 tanks (+4)\n19,885 armoured vehicles (+11)\n"
           "21,313 artillery systems",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.afv": 19885, "daily.afv": 11, "totals.artillery": 21313}),
    ("en", "Russia's total losses since the start of the invasion:\ntanks: 9,615 (+4 over the past day)\n"
           "artillery systems: 21,313",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313}),
    ("de", "Die russischen Verluste seit Kriegsbeginn:\nPanzer: 9.615 (+4 am vergangenen Tag)\n"
           "Artilleriesysteme: 21.313 (+20)",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313, "daily.artillery": 20}),
    ("fr", "Pertes russes depuis le début de l'invasion : 9 615 chars (+4), 21 313 systèmes d'artillerie (+20).",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313, "daily.artillery": 20}),
    ("es", "Pérdidas rusas desde el inicio de la invasión: 9.615 tanques (+4), 21.313 sistemas de artillería (+20).",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313, "daily.artillery": 20}),
    ("it", "Perdite russe dall'inizio dell'invasione: 9.615 carri armati (+4), 21.313 sistemi di artiglieria (+20).",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313, "daily.artillery": 20}),
    ("pl", "Straty rosyjskie od początku inwazji: czołgi – 9615 (+4 w ciągu doby), systemy artyleryjskie – 21 313.",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313}),
    ("tr", "Savaşın başından bu yana Rus kayıpları: 9.615 tank (+4), 21.313 topçu sistemi (+20).",
     {"totals.tanks": 9615, "daily.tanks": 4, "totals.artillery": 21313, "daily.artillery": 20}),
]

# 3. Numbers partly in words: a round unit with the rest written out is exact; "1,1 млн" stays a rounding.
PARTLY_IN_WORDS = [
    ("uk", "З початку вторгнення росія втратила 1 мільйон 150 320 військових.", {"totals.personnel": 1150320}),
    ("uk", "З початку вторгнення росія втратила 1,1 млн військових.", {"totals.personnel": None}),
    ("ru", "С начала вторжения Россия потеряла 1 миллион 150 320 военных.", {"totals.personnel": 1150320}),
    ("ru", "С начала вторжения Россия потеряла 1 миллион 150 тысяч 320 военных.", {"totals.personnel": 1150320}),
    ("en", "Since the start of the invasion Russia has lost 1 million 150 thousand 320 soldiers.",
     {"totals.personnel": 1150320}),
    ("en", "Since the start of the invasion Russia has lost 1.1 million soldiers.", {"totals.personnel": None}),
    ("en", "Russia's losses since the start of the invasion have reached one million soldiers.",
     {"totals.personnel": None, "daily.personnel": None}),
    ("tr", "Savaşın başından bu yana Rus ordusu 1 milyon 340 bin 120 asker kaybetti.", {"totals.personnel": 1340120}),
    ("tr", "Savaşın başından bu yana Rus ordusu 1 milyon 340 asker kaybetti.", {"totals.personnel": 1000340}),
    ("pl", "Od początku inwazji Rosja straciła 1 mln 150 tys. 320 żołnierzy.", {"totals.personnel": 1150320}),
    ("de", "Seit Beginn der Invasion verlor Russland 1 Million 150.320 Soldaten.", {"totals.personnel": 1150320}),
    ("es", "Desde el inicio de la invasión Rusia ha perdido 1 millón 150.320 soldados.", {"totals.personnel": 1150320}),
    ("it", "Dall'inizio dell'invasione la Russia ha perso 1 milione 150.320 soldati.", {"totals.personnel": 1150320}),
    ("de", "Seit Beginn der Invasion verlor Russland 1,15 Millionen Soldaten.", {"totals.personnel": None}),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu plus d'un million de soldats.",
     {"totals.personnel": None, "daily.personnel": None}),
]

# 4. Categories in their inflections and synonyms; "vehicles and fuel tanks" in any wording is vehicles.
CATEGORIES = [
    ("uk", "За минулу добу ворог втратив 46 одиниць автомобільної техніки й автоцистерн.", {"daily.vehicles": 46}),
    ("uk", "Втрати з початку вторгнення: автомобільної техніки й автоцистерн — 15 785 (+68).",
     {"totals.vehicles": 15785, "daily.vehicles": 68, "totals.fuel_tanks": None}),
    ("ru", "Потери с начала вторжения: автомобильную технику и автоцистерны — 15 785 (+68); специальную технику — "
           "1926 (+8).",
     {"totals.vehicles": 15785, "daily.vehicles": 68, "totals.special_equipment": 1926}),
    ("ru", "За сутки уничтожены 68 единиц автомобильной техники и автоцистерн.", {"daily.vehicles": 68}),
    ("it", "Nelle ultime 24 ore le forze ucraine hanno distrutto 29 automobili e autocisterne.", {"daily.vehicles": 29}),
    ("it", "Dall'inizio della guerra sono stati distrutti 3.137 autoveicoli e serbatoi di carburante (+7).",
     {"totals.vehicles": 3137, "daily.vehicles": 7}),
    ("fr", "Depuis le début de l'invasion, 53 284 véhicules et camions-citernes (+89) ont été détruits.",
     {"totals.vehicles": 53284, "daily.vehicles": 89}),
    ("es", "Desde el inicio de la invasión se han destruido 2.629 vehículos y camiones cisterna.",
     {"totals.vehicles": 2629}),
    ("de", "Seit Kriegsbeginn wurden 4.423 Fahrzeuge und Tanklaster zerstört.", {"totals.vehicles": 4423}),
    ("pl", "Od początku inwazji zniszczono 15 785 pojazdów i cystern.", {"totals.vehicles": 15785}),
    ("tr", "Savaşın başından bu yana 15.785 araç ve yakıt tankeri imha edildi.", {"totals.vehicles": 15785}),
    ("en", "Since the start of the invasion Russia has lost 3,450 armoured combat machines.", {"totals.afv": 3450}),
    ("en", "The General Staff listed 1,240 RSZV and 984 air defense equipment destroyed since the start of the war.",
     {"totals.mlrs": 1240, "totals.air_defense": 984}),
    ("en", "Over the past day Ukrainian forces destroyed one anti-aircraft defence system and two rocket salvo "
           "systems.", {"daily.air_defense": 1, "daily.mlrs": 2}),
    ("uk", "За минулу добу ворог втратив 930 осіб особового складу, чотири танки та 11 БТР.",
     {"daily.afv": 11, "daily.personnel": 930, "daily.tanks": 4}),
    ("ru", "За минувшие сутки уничтожены 11 БТР и две единицы специальной техники.",
     {"daily.afv": 11, "daily.special_equipment": 2}),
    ("de", "Seit Kriegsbeginn wurden 163 Spezialausrüstungen zerstört.", {"totals.special_equipment": 163}),
    ("it", "Dall'inizio della guerra sono stati distrutti 266 razzi a lancio multiplo e 141 sistemi di guerra "
           "antiaerea.", {"totals.mlrs": 266, "totals.air_defense": 141}),
    ("pl", "Od początku inwazji Rosjanie stracili 9615 czołgów, a w ciągu doby cztery czołgi.",
     {"totals.tanks": 9615, "daily.tanks": 4}),
    # "tank losses": a word for people after a weapon's name counts the weapon.
    ("en", "Russia lost 22 tanks over the past day. This put the total number of tank losses at 3,504 and the "
           "number of armored vehicle losses at 6,810 since the start of the war.",
     {"totals.tanks": 3504, "totals.afv": 6810, "totals.personnel": None}),
    # numbers in words in their other cases
    ("uk", "За минулу добу ворог втратив 25 артилерійських систем, однієї крилатої ракети та шести безпілотників.",
     {"daily.cruise_missiles": 1, "daily.uav": 6}),
    ("ru", "За сутки противник лишился одной крылатой ракеты и шести беспилотников.",
     {"daily.cruise_missiles": 1, "daily.uav": 6}),
    # the day's change a long noun away from its figure
    ("fr", "Depuis le début de l'invasion, 53 284 unités d'équipements automobiles et de camions-citernes (+89) ont "
           "été détruites.", {"totals.vehicles": 53284, "daily.vehicles": 89}),
]

# 5. The figures of the day before are `previous`, never totals.
PREVIOUS = [
    ("en", "Since the start of the invasion Russia has lost 1,150,320 soldiers. A day earlier, the tally stood at "
           "1,149,480.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("de", "Seit Kriegsbeginn hat Russland 1.150.320 Soldaten verloren. Am Vortag waren es 1.149.480 Soldaten.",
     {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("ru", "С начала вторжения Россия потеряла 1 150 320 военных. Накануне Генштаб сообщал о 1 149 480 военных.",
     {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("uk", "З початку вторгнення росія втратила 1 150 320 військових. Напередодні Генштаб повідомляв про "
           "1 149 480 військових.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu 1 150 320 soldats. La veille, l'état-major faisait "
           "état de 1 149 480 soldats.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("es", "Desde el inicio de la invasión Rusia ha perdido 1.150.320 soldados. El día anterior, el Estado Mayor "
           "contabilizaba 1.149.480 soldados.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("it", "Dall'inizio dell'invasione la Russia ha perso 1.150.320 soldati. Il giorno prima lo Stato maggiore "
           "ne aveva contati 1.149.480.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("pl", "Od początku inwazji Rosja straciła 1 150 320 żołnierzy. Dzień wcześniej Sztab Generalny podawał "
           "1 149 480 żołnierzy.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    ("tr", "Savaşın başından bu yana Rus ordusu 1.150.320 asker kaybetti. Bir gün önce bu sayı 1.149.480 "
           "askerdi.", {"totals.personnel": 1150320, "previous.personnel": 1149480}),
    # "Am Vortag" with a figure of a day's size is the day's loss, beside the total.
    ("de", "Seit Kriegsbeginn hat Russland 1.150.320 Soldaten verloren. Am Vortag wurden 1.210 Soldaten getötet.",
     {"totals.personnel": 1150320, "daily.personnel": 1210, "previous.personnel": None}),
    # Alone, the figure of the day before is still no total.
    ("en", "A day earlier the General Staff had put Russia's losses at 1,149,480 soldiers.",
     {"totals.personnel": None, "previous.personnel": 1149480}),
    ("ru", "Накануне Генштаб ВСУ сообщал о потерях России в 1 149 480 военных.",
     {"totals.personnel": None, "previous.personnel": 1149480}),
]

# 6. A daily figure takes its role from the text ("(+N)", "over the past day", "more"), never from its size alone.
DAILY_ROLE = [
    ("en", "Russia lost 12 tanks and 31 drones near the village, the brigade said.",
     {"daily.tanks": None, "daily.uav": None}),
    ("de", "Der Konflikt eskaliert mit zwölf verlorenen Panzern und 31 abgeschossenen Drohnen.",
     {"daily.tanks": None, "daily.uav": None}),
    ("uk", "Від початку вторгнення росія втратила понад 747 тисяч військових. За вівторок ця цифра зросла на 1 670 "
           "окупантів.", {"daily.personnel": 1670, "totals.personnel": None}),
    ("en", "Russia's losses since the invasion passed 747,000. On Tuesday the figure rose by 1,670 soldiers.",
     {"daily.personnel": 1670, "totals.personnel": None}),
    ("en", "Over the past day Russia lost 1,180 soldiers. Ukrainian forces also destroyed 12 tanks and 31 drones.",
     {"daily.personnel": 1180, "daily.tanks": 12, "daily.uav": 31}),
    ("ru", "За минувшие сутки Россия потеряла 1180 военных. Также уничтожены 12 танков и 31 беспилотник.",
     {"daily.personnel": 1180, "daily.tanks": 12, "daily.uav": 31}),
    ("en", "Russian forces lost 1,040 soldiers over the past day. Since the start of the war Russia has lost "
           "200,560.", {"daily.personnel": 1040, "totals.personnel": 200560}),
    ("uk", "За добу росіяни втратили 830 військових. З початку вторгнення росія втратила близько 1 226 420.",
     {"daily.personnel": 830, "totals.personnel": 1226420}),
    ("en", "The destruction of four more tanks over the past day means that Russia has now lost 2,216.",
     {"daily.tanks": 4, "totals.tanks": 2216}),
    ("pl", "W ciągu minionej doby Rosja straciła 950 żołnierzy.\n\nW sobotę Rosja straciła także 13 czołgów.",
     {"daily.personnel": 950, "daily.tanks": 13}),
    ("en", "Over the past day Russia lost 630 soldiers, bringing the total to 290,680. Besides, Ukrainian forces "
           "destroyed an aircraft and a helicopter.", {"daily.aircraft": 1, "daily.helicopters": 1}),
]

# 7. Names of weapons and the like are no figures: "T-62 tanks", "Su-25 aircraft", "one of its worst days".
NOT_FIGURES = [
    ("en", "Over the past day Ukrainian forces shot down an Orlan-10 drone and destroyed seven T-72 tanks.",
     {"daily.uav": 1, "daily.tanks": 7}),
    ("en", "Over the past day Russia suffered one of its worst losses, the General Staff said.",
     {"daily.personnel": None}),
    ("ru", "За сутки сбиты два вертолета Ка-52 и один самолет Су-25.", {"daily.helicopters": 2, "daily.aircraft": 1}),
    ("de", "Die Verluste an Personal und Ausrüstung nähern sich vier wichtigen Marken.", {"daily.personnel": None}),
]


# 9. The day's figure beside the total, in one sentence: "another N" or "including N over the past day".
DAY_AND_TOTAL = [
    ("en", "Russia lost another 1,090 soldiers, bringing its losses since the start of the invasion "
           "to 1,150,320."),
    ("en", "Russia has lost 1,150,320 soldiers since the invasion began, including 1,090 over the past day."),
    ("de", "Russland verlor weitere 1.090 Soldaten; seit Beginn der Invasion sind es insgesamt 1.150.320."),
    ("de", "Seit Beginn der Invasion hat Russland 1.150.320 Soldaten verloren, davon 1.090 am vergangenen Tag."),
    ("fr", "La Russie a perdu 1 090 soldats supplémentaires, portant le total depuis le début de "
           "l'invasion à 1 150 320."),
    ("fr", "Depuis le début de l'invasion, la Russie a perdu 1 150 320 soldats, dont 1 090 au cours "
           "des dernières 24 heures."),
    ("es", "Rusia perdió otros 1.090 soldados, con lo que el total desde el inicio de la invasión "
           "asciende a 1.150.320."),
    ("es", "Desde el inicio de la invasión Rusia ha perdido 1.150.320 soldados, incluidos 1.090 en "
           "las últimas 24 horas."),
    ("it", "La Russia ha perso altri 1.090 soldati, portando il totale dall'inizio dell'invasione a 1.150.320."),
    ("it", "Dall'inizio dell'invasione la Russia ha perso 1.150.320 soldati, di cui 1.090 nelle ultime 24 ore."),
    ("pl", "Rosja straciła kolejnych 1090 żołnierzy, a łącznie od początku inwazji 1 150 320."),
    ("pl", "Od początku inwazji Rosja straciła 1 150 320 żołnierzy, w tym 1090 w ciągu ostatniej doby."),
    ("tr", "Rus ordusu 1.090 asker daha kaybetti; işgalin başından bu yana toplam kayıp 1.150.320 oldu."),
    ("tr", "İşgalin başından bu yana Rus ordusu 1.150.320 asker kaybetti, bunların 1.090'ı son 24 saatte."),
    ("uk", "Росія втратила ще 1 090 військових, а загалом з початку вторгнення — 1 150 320."),
    ("uk", "З початку вторгнення росія втратила 1 150 320 військових, з них 1 090 — за минулу добу."),
    ("ru", "Россия потеряла еще 1 090 военных, а всего с начала вторжения — 1 150 320."),
    ("ru", "С начала вторжения Россия потеряла 1 150 320 военных, из них 1 090 — за минувшие сутки."),
]

CASES = [*QUALIFIERS, *NUMBER_FIRST, *PARTLY_IN_WORDS, *CATEGORIES, *PREVIOUS, *DAILY_ROLE, *NOT_FIGURES]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_figures_generalise(lang, text, expected):
    report = parse_text(text)
    assert report.language == lang
    got = {f"{role}.{category}": getattr(report, role).get(category)
           for role, category in (key.split(".") for key in expected)}
    assert got == expected


def test_every_language_is_covered_by_each_family():
    for family in (QUALIFIERS, NUMBER_FIRST, PREVIOUS):
        assert {lang for lang, _, _ in family} >= {"en", "uk", "ru", "de", "fr", "es", "it", "pl", "tr"}


# 8. The report's list in each language, as a label list ("tanks – 11,300 (+4)"), a number-first list
# ("11,300 tanks (+4)") and one prose sentence: every category, whichever the form.
REPORT_LISTS = {
    "en": (
        "Russia's total combat losses since the start of the invasion:\n"
        "personnel – 1,150,320 (+1,090)\n"
        "tanks – 11,300 (+4)\n"
        "armoured fighting vehicles – 23,450 (+11)\n"
        "artillery systems – 34,600 (+20)\n"
        "MLRS – 1,560\n"
        "air defence systems – 1,230\n"
        "aircraft – 434\n"
        "helicopters – 347\n"
        "operational-tactical UAVs – 42,765 (+68)\n"
        "cruise missiles – 3,900\n"
        "warships / boats – 28\n"
        "submarines – 1\n"
        "vehicles and fuel tanks – 67,000 (+50)\n"
        "special equipment – 3,950 (+3)"),
    "de": (
        "Die Gesamtverluste Russlands seit Beginn der Invasion:\n"
        "Soldaten – 1.150.320 (+1.090)\n"
        "Panzer – 11.300 (+4)\n"
        "gepanzerte Kampffahrzeuge – 23.450 (+11)\n"
        "Artilleriesysteme – 34.600 (+20)\n"
        "Mehrfachraketenwerfer – 1.560\n"
        "Luftabwehrsysteme – 1.230\n"
        "Flugzeuge – 434\n"
        "Hubschrauber – 347\n"
        "Drohnen – 42.765 (+68)\n"
        "Marschflugkörper – 3.900\n"
        "Schiffe/Boote – 28\n"
        "U-Boote – 1\n"
        "Fahrzeuge und Treibstofftanks – 67.000 (+50)\n"
        "Spezialausrüstung – 3.950 (+3)"),
    "fr": (
        "Pertes totales de la Russie depuis le début de l'invasion :\n"
        "soldats – 1 150 320 (+1 090)\n"
        "chars – 11 300 (+4)\n"
        "véhicules blindés de combat – 23 450 (+11)\n"
        "systèmes d'artillerie – 34 600 (+20)\n"
        "lance-roquettes multiples – 1 560\n"
        "systèmes de défense aérienne – 1 230\n"
        "avions – 434\n"
        "hélicoptères – 347\n"
        "drones – 42 765 (+68)\n"
        "missiles de croisière – 3 900\n"
        "navires – 28\n"
        "sous-marins – 1\n"
        "véhicules et camions-citernes – 67 000 (+50)\n"
        "équipements spéciaux – 3 950 (+3)"),
    "es": (
        "Pérdidas totales de Rusia desde el inicio de la invasión:\n"
        "soldados – 1.150.320 (+1.090)\n"
        "tanques – 11.300 (+4)\n"
        "vehículos blindados de combate – 23.450 (+11)\n"
        "sistemas de artillería – 34.600 (+20)\n"
        "lanzacohetes múltiples – 1.560\n"
        "sistemas de defensa antiaérea – 1.230\n"
        "aviones – 434\n"
        "helicópteros – 347\n"
        "drones – 42.765 (+68)\n"
        "misiles de crucero – 3.900\n"
        "buques – 28\n"
        "submarinos – 1\n"
        "vehículos y camiones cisterna – 67.000 (+50)\n"
        "equipos especiales – 3.950 (+3)"),
    "it": (
        "Perdite totali della Russia dall'inizio dell'invasione:\n"
        "soldati – 1.150.320 (+1.090)\n"
        "carri armati – 11.300 (+4)\n"
        "veicoli corazzati da combattimento – 23.450 (+11)\n"
        "sistemi di artiglieria – 34.600 (+20)\n"
        "lanciarazzi multipli – 1.560\n"
        "sistemi di difesa aerea – 1.230\n"
        "aerei – 434\n"
        "elicotteri – 347\n"
        "droni – 42.765 (+68)\n"
        "missili da crociera – 3.900\n"
        "navi – 28\n"
        "sottomarini – 1\n"
        "veicoli e autocisterne – 67.000 (+50)\n"
        "equipaggiamenti speciali – 3.950 (+3)"),
    "pl": (
        "Łączne straty Rosji od początku inwazji:\n"
        "żołnierze – 1 150 320 (+1090)\n"
        "czołgi – 11 300 (+4)\n"
        "bojowe wozy opancerzone – 23 450 (+11)\n"
        "systemy artyleryjskie – 34 600 (+20)\n"
        "wyrzutnie rakietowe – 1560\n"
        "systemy obrony przeciwlotniczej – 1230\n"
        "samoloty – 434\n"
        "śmigłowce – 347\n"
        "drony – 42 765 (+68)\n"
        "pociski manewrujące – 3900\n"
        "okręty/kutry – 28\n"
        "okręty podwodne – 1\n"
        "pojazdy i cysterny – 67 000 (+50)\n"
        "sprzęt specjalny – 3950 (+3)"),
    "tr": (
        "Rusya'nın işgalin başından bu yana toplam kayıpları:\n"
        "asker – 1.150.320 (+1.090)\n"
        "tank – 11.300 (+4)\n"
        "zırhlı muharebe aracı – 23.450 (+11)\n"
        "topçu sistemi – 34.600 (+20)\n"
        "çok namlulu roketatar – 1.560\n"
        "hava savunma sistemi – 1.230\n"
        "uçak – 434\n"
        "helikopter – 347\n"
        "İHA – 42.765 (+68)\n"
        "seyir füzesi – 3.900\n"
        "gemi/tekne – 28\n"
        "denizaltı – 1\n"
        "araç ve yakıt tankeri – 67.000 (+50)\n"
        "özel ekipman – 3.950 (+3)"),
    "uk": (
        "Загальні бойові втрати противника з 24.02.22 орієнтовно склали:\n"
        "особового складу – 1 150 320 (+1 090)\n"
        "танків – 11 300 (+4)\n"
        "бойових броньованих машин – 23 450 (+11)\n"
        "артилерійських систем – 34 600 (+20)\n"
        "РСЗВ – 1 560\n"
        "засобів ППО – 1 230\n"
        "літаків – 434\n"
        "гелікоптерів – 347\n"
        "БпЛА оперативно-тактичного рівня – 42 765 (+68)\n"
        "крилатих ракет – 3 900\n"
        "кораблів / катерів – 28\n"
        "підводних човнів – 1\n"
        "автомобільної техніки та автоцистерн – 67 000 (+50)\n"
        "спеціальної техніки – 3 950 (+3)"),
    "ru": (
        "Общие боевые потери противника с 24.02.22 ориентировочно составили:\n"
        "личного состава – 1 150 320 (+1 090)\n"
        "танков – 11 300 (+4)\n"
        "боевых бронированных машин – 23 450 (+11)\n"
        "артиллерийских систем – 34 600 (+20)\n"
        "РСЗО – 1 560\n"
        "средств ПВО – 1 230\n"
        "самолетов – 434\n"
        "вертолетов – 347\n"
        "БПЛА оперативно-тактического уровня – 42 765 (+68)\n"
        "крылатых ракет – 3 900\n"
        "кораблей / катеров – 28\n"
        "подводных лодок – 1\n"
        "автомобильной техники и автоцистерн – 67 000 (+50)\n"
        "специальной техники – 3 950 (+3)"),
}
REPORT_TOTALS = dict(personnel=1150320, tanks=11300, afv=23450, artillery=34600, mlrs=1560, air_defense=1230,
                     aircraft=434, helicopters=347, uav=42765, cruise_missiles=3900, ships=28, submarines=1,
                     vehicles=67000, special_equipment=3950)

_LINE = re.compile(r"^(.*?) – (\S+(?: \d{3})*)( \(.*\))?$")


def _forms(text):
    intro, *lines = text.split("\n")
    yield "label", text
    yield "number-first", intro + "\n" + "\n".join(
        _LINE.sub(lambda m: f"{m.group(2)} {m.group(1)}{m.group(3) or ''}", line) for line in lines)
    yield "prose", intro + " " + ", ".join(_LINE.sub(lambda m: f"{m.group(2)} {m.group(1)}", line) for line in lines) + "."


@pytest.mark.parametrize("lang", sorted(REPORT_LISTS))
def test_the_report_list_in_every_form(lang):
    for form, text in _forms(REPORT_LISTS[lang]):
        report = parse_text(text, published="2025-06-01")
        assert report.language == lang, form
        assert report.totals == REPORT_TOTALS, form
        if form != "prose":  # the day's changes of the list lines
            assert (report.daily.get("tanks"), report.daily.get("uav")) == (4, 68), form


@pytest.mark.parametrize("lang,text", DAY_AND_TOTAL, ids=[f"{c[0]}-{i}" for i, c in enumerate(DAY_AND_TOTAL)])
def test_the_days_figure_beside_the_total(lang, text):
    report = parse_text(text, published="2025-06-01")
    assert report.language == lang
    assert (report.daily.get("personnel"), report.totals.get("personnel")) == (1090, 1150320)


# A sentence naming Ukraine's soldiers is about Ukraine's losses and gives no figure of the report, unless they are
# the ones destroying: then the figures are the report's. Any word of losing, a Russian subject, or Ukraine's
# soldiers being counted keeps the sentence out.
UKRAINE_DESTROYING = [
    ("en", "Since the full-scale invasion began, Ukrainian troops have destroyed 10,140 Russian tanks and 21,030 "
           "armoured combat vehicles."),
    ("uk", "З початку повномасштабного вторгнення бійці української армії знищили 10 140 танків та 21 030 бойових "
           "броньованих машин."),
    ("ru", "С начала полномасштабного вторжения бойцы украинской армии уничтожили 10 140 танков и 21 030 боевых "
           "бронированных машин."),
    ("de", "Seit Beginn der Invasion haben ukrainische Soldaten 10.140 russische Panzer und 21.030 gepanzerte "
           "Fahrzeuge zerstört."),
    ("fr", "Depuis le début de l'invasion, les soldats ukrainiens ont détruit 10 140 chars et 21 030 véhicules "
           "blindés russes."),
    ("es", "Desde el inicio de la invasión, los soldados ucranianos han destruido 10.140 tanques y 21.030 vehículos "
           "blindados rusos."),
    ("it", "Dall'inizio dell'invasione i soldati ucraini hanno distrutto 10.140 carri armati e 21.030 veicoli "
           "corazzati russi."),
    ("pl", "Od początku inwazji ukraińscy żołnierze zniszczyli 10 140 rosyjskich czołgów i 21 030 bojowych wozów "
           "opancerzonych."),
    ("tr", "İşgalin başından bu yana Ukraynalı askerler 10.140 Rus tankını ve 21.030 zırhlı muharebe aracını imha "
           "etti."),
]
UKRAINE_LOSING = [
    ("en", "Since the full-scale invasion began, Ukrainian troops have lost 10,140 tanks and 21,030 armoured combat "
           "vehicles."),
    ("en", "Since the invasion began, Ukrainian troops destroyed a bridge but lost 10,140 tanks and 21,030 armoured "
           "combat vehicles."),
    ("en", "Since the invasion began, Russian forces say they destroyed 10,140 tanks of Ukrainian troops and "
           "destroyed 21,030 armoured combat vehicles."),
    ("uk", "З початку вторгнення втрати ЗСУ становлять 10 140 танків, знищено 21 030 бойових броньованих машин."),
    ("ru", "С начала вторжения уничтожено до 10 140 украинских военных, уничтожены 21 030 боевых бронированных "
           "машин."),
    ("de", "Seit Beginn der Invasion haben ukrainische Soldaten 10.140 Panzer verloren, 21.030 gepanzerte Fahrzeuge "
           "wurden zerstört."),
]


@pytest.mark.parametrize("lang, text", UKRAINE_DESTROYING)
def test_ukraines_forces_destroying_give_the_reports_figures(lang, text):
    assert parse_text(text, language=lang).totals == {"tanks": 10140, "afv": 21030}


@pytest.mark.parametrize("lang, text", UKRAINE_LOSING)
def test_ukraines_own_losses_give_no_figures(lang, text):
    assert parse_text(text, language=lang).totals == {}
