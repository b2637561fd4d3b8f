"""Directions of greatest losses: the official sentence, and news prose that says where most of a day's losses were.

Sentences written for these tests (real place names and plausible figures), in each of the nine languages.
"""
from __future__ import annotations

import pytest

from casualty_cli.extract import parse_text
from casualty_cli.extract.lexicon import gazetteer, load


@pytest.mark.parametrize("lang, text, places", [
    ("en", "Russia lost another 1,230 soldiers over the day, most of them in the Pokrovsk and Kurakhove directions.",
     ["Pokrovsk", "Kurakhove"]),
    ("en", "The invaders lost 540 troops; most of those losses came on the Bakhmut axis.", ["Bakhmut"]),
    ("de", "Die russische Armee verlor binnen eines Tages 680 Soldaten, die meisten davon in Richtung Pokrowsk.",
     ["Pokrovsk"]),
    ("fr", "L'armée russe a perdu 910 soldats en une journée, la plupart dans la direction de Koupiansk.",
     ["Kupiansk"]),
    ("es", "Rusia perdió 770 soldados en un día, la mayoría en la dirección de Bajmut y de Limán.",
     ["Bakhmut", "Lyman"]),
    ("it", "La Russia ha perso 830 soldati in un giorno, la maggior parte in direzione di Bakhmut.", ["Bakhmut"]),
    ("pl", "Rosjanie stracili w ciągu doby 1020 żołnierzy, najwięcej na kierunkach bachmuckim i łymańskim.",
     ["Bakhmut", "Lyman"]),
    ("tr", "Rus ordusu son bir günde 640 asker kaybetti, en çok Bahmut yönünde.", ["Bakhmut"]),
    ("uk", "За добу окупанти втратили 1150 осіб, найбільше — на Покровському та Курахівському напрямках.",
     ["Pokrovsk", "Kurakhove"]),
    ("ru", "За сутки оккупанты потеряли 1150 человек, больше всего — на Покровском направлении.", ["Pokrovsk"]),
])
def test_most_of_a_days_losses_in_named_directions(lang, text, places):
    assert parse_text(text, language=lang).directions == places


@pytest.mark.parametrize("text", [
    # "most" about something other than losses: no loss word in the sentence.
    "Most of the fighting took place in the Bakhmut and Lyman directions.",
    "Найбільше боїв відбулося на Покровському напрямку.",
    # Losses and "most", but the place is not named as a direction: a region, or a town with no direction word.
    "Russia lost 800 soldiers, most of them in the Donetsk region.",
    "Rosjanie stracili 900 żołnierzy, najwięcej pod Bachmutem, gdzie trwają walki o miasto.",
    # A direction word and losses, but nothing says most of them were there.
    "Russia lost 800 soldiers; Ukraine repelled 40 attacks in the Pokrovsk direction.",
])
def test_no_direction_without_most_losses_and_a_named_direction(text):
    assert parse_text(text).directions == []


@pytest.mark.parametrize("lang, text, places", [
    ("en", "Russian troops lost the most on the Lyman axis, the General Staff said.", ["Lyman"]),
    ("en", "Most of the enemy's losses came in the Toretsk and Pokrovsk directions.", ["Toretsk", "Pokrovsk"]),
    ("fr", "C'est sur l'axe de Koupiansk que les pertes ont été les plus lourdes.", ["Kupiansk"]),
    ("es", "La mayor cantidad de bajas rusas se produjo en la dirección de Kurájove.", ["Kurakhove"]),
])
def test_cues_of_news_prose(lang, text, places):
    assert parse_text(text, language=lang).directions == places


def test_most_names_only_the_places_after_it():
    text = "Near Kharkiv the front is quiet; Russia lost 700 troops, most of them in the Toretsk direction."
    assert parse_text(text).directions == ["Toretsk"]


def test_official_sentence_and_prose_together_in_text_order_each_once():
    text = ("The General Staff said Russia lost 1,100 troops, mostly in the Siversk and Kramatorsk sectors. "
            "The greatest losses were in the Kramatorsk and Bakhmut directions.")
    assert parse_text(text).directions == ["Siversk", "Kramatorsk", "Bakhmut"]


@pytest.mark.parametrize("text, place", [
    ("The enemy suffered the greatest losses in the Novopavlovsk direction.", "Novopavlivka"),
    ("The enemy suffered the greatest losses in the Slavyansk direction.", "Sloviansk"),
    ("The enemy suffered the greatest losses in the Krivoy Rog direction.", "Kryvyi Rih"),
    ("Die größten Verluste erlitt der Feind in Richtung Awdejewka.", "Avdiivka"),
    ("Las mayores pérdidas se registraron en la dirección de Krivói Rog.", "Kryvyi Rih"),
    ("Najwięcej strat wróg poniósł na kierunku zaporoskim.", "Zaporizhzhia"),
    ("Найбільших втрат противник зазнав на Сєвєродонецькому напрямку.", "Sievierodonetsk"),
    ("Найбільших втрат противник зазнав на Лисичанському напрямку.", "Lysychansk"),
    ("Наибольшие потери противник понес на Константиновском направлении.", "Kostiantynivka"),
])
def test_russian_style_transliterations_and_adjectives_map_to_the_exonym(text, place):
    assert parse_text(text).directions == [place]


def test_each_place_form_leads_to_its_own_exonym():
    """A form shared by two places, or swallowed by a longer form of another, would name the wrong direction."""
    for place, forms in gazetteer().items():
        for form in forms:
            hits = load("en").scan(form.rstrip("*")).all("place")
            assert [hit.value for hit in hits] == [place], form


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "it", "pl", "tr", "uk", "ru"])
def test_no_word_of_a_lexicon_is_taken_for_a_place(code):
    """Place forms are looked for in texts of every language: none may be a category or cue phrase of one."""
    raw = load(code).raw
    phrases = [phrase for phrases in raw.get("categories", {}).values() for phrase in phrases]
    phrases += [phrase for phrases in raw.get("cues", {}).values() if isinstance(phrases, list) for phrase in phrases]
    phrases += [phrase for phrases in raw.get("directions", {}).values() for phrase in phrases]
    text = " | ".join(phrase.replace("*", "") for phrase in phrases)
    assert [text[hit.start:hit.end] for hit in load(code).scan(text).all("place")] == []
