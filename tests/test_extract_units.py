"""Tables of sentences the team wrote: numbers, dates, categories, roles, directions and claims."""
import re
from datetime import date
from pathlib import Path

import pytest

from casualty_cli import parse_text
from casualty_cli.extract.dates import Published, YearContext, find_dates, resolve
from casualty_cli.extract.lexicon import (_GAP, EXCLUSIVE, _unread_keys, available_languages, load, raw_lexicon,
                                          split_words)
from casualty_cli.extract.numbers import _FIRST_DIGIT, find_numbers, glued_units

EN = load("en")


def values(text):
    hits = EN.scan(text)
    return [(n.value, n.round_form) for n in find_numbers(text, hits)]


@pytest.mark.parametrize("text, expected", [
    ("61,330", [(61330, False)]),
    ("61 330", [(61330, False)]),
    ("61\u00a0330", [(61330, False)]),
    ("61\u2009330", [(61330, False)]),
    ("43.200", [(43200, False)]),
    ("1 170 790", [(1170790, False)]),
    ("1.1 million", [(1100000, True)]),
    ("20 thousand", [(20000, True)]),
    ("five tanks", [(5, False)]),
    ("twenty-six", [(26, False)]),
    ("403720(+1290)", [(403720, False), (1290, False)]),
    ("the 221st day", []),
    ("12345678901234567890", []),
])
def test_numbers(text, expected):
    assert values(text) == expected


def first_date(text, published=None):
    hits = EN.scan(text)
    ctx = YearContext(published=Published.from_value(published), first_year=False, text_year=None)
    mentions = [m for m in find_dates(text, hits) if m.kind != "month"]
    return resolve(mentions[-1], ctx) if mentions else None


@pytest.mark.parametrize("text, published, expected", [
    ("from 24.02 to 27.09", None, date(2022, 9, 27)),
    ("from 24.02 to 15.01", None, date(2023, 1, 15)),
    ("from 24.02.22 to 06.10.22", None, date(2022, 10, 6)),
    ("as of Oct. 6", "2022-10-07", date(2022, 10, 6)),
    ("November 21, 2024", None, date(2024, 11, 21)),
    ("21 November 2024", None, date(2024, 11, 21)),
    ("on Thursday", "2022-10-06", date(2022, 10, 6)),      # a Thursday itself
    ("on Wednesday", "2022-12-23", date(2022, 12, 21)),    # the most recent Wednesday before a Friday
    ("on Thursday", None, None),                           # never a guess from nothing
    ("reported on Dec. 30", "2024-01-02", date(2023, 12, 30)),
    ("Tuesday, August 8", None, None),                     # 2023 or 2028: the calendar alone cannot tell
])
def test_dates(text, published, expected):
    assert first_date(text, published) == expected


@pytest.mark.parametrize("sentence, category", [
    ("Russia has lost 9,182 tanks in the war.", "tanks"),
    ("Russia has lost 18,523 troop-carrying armored fighting vehicles in the war.", "afv"),
    ("Russia has lost 994 air defense systems in the war.", "air_defense"),
    ("Russia has lost 28,160 vehicles and fuel tanks in the war.", "vehicles"),
    ("Russia has lost 1,244 multiple launch rocket systems in the war.", "mlrs"),
    ("Russia has lost 369 airplanes in the war.", "aircraft"),
    ("Russia has lost 18,187 drones in the war.", "uav"),
    ("Russia has lost 28 ships and boats in the war.", "ships"),
    ("Russia has lost 3,148 cruise missiles in the war.", "cruise_missiles"),
    ("Russia has lost 3,697 units of special equipment in the war.", "special_equipment"),
    ("Russia has lost 1,371 ground robotic systems in the war.", "ground_robots"),
])
def test_number_first_categories(sentence, category):
    report = parse_text(sentence, published="2024-11-03")
    assert list(report.totals) == [category]


@pytest.mark.parametrize("line, category, total, daily", [
    ("personnel ‒ about 61330 (+330) persons were liquidated,", "personnel", 61330, 330),
    ("APV ‒ 5064 (+26),", "afv", 5064, 26),
    ("warships / boats ‒ 15 (+0),", "ships", 15, 0),
    ("vehicles and fuel tanks – 3854 (+13),", "vehicles", 3854, 13),
    ("Anti-aircraft warfare systems - 177 (+1),", "air_defense", 177, 1),
    ("UAV operational-tactical level ‒ 1047 (+15),", "uav", 1047, 15),
    ("особового складу / personnel ‒ близько / about 64950 (+1230) осіб / persons,", "personnel", 64950, 1230),
])
def test_official_list_lines(line, category, total, daily):
    report = parse_text("The total combat losses of the enemy from 24.02 to 06.10 were approximately:\n" + line,
                        language="en")
    assert report.totals[category] == total
    assert report.daily[category] == daily


@pytest.mark.parametrize("sentence, role", [
    ("Russia lost 330 personnel in one day, the General Staff said.", "daily"),
    ("Russia lost 330 personnel over the past day, the General Staff said.", "daily"),
    ("Russia lost 330 personnel in the last 24 hours, the General Staff said.", "daily"),
    ("Ukraine recorded 330 combat losses among Russian personnel between Tuesday and Wednesday.", "daily"),
    ("Russia has lost 61,330 personnel since the start of the invasion, the General Staff said.", "totals"),
    ("In its previous report the General Staff said Russia had lost 61,000 personnel.", "previous"),
])
def test_roles_from_cues(sentence, role):
    report = parse_text(sentence, published="2022-10-06")
    assert getattr(report, role).get("personnel") is not None, report.to_dict()


@pytest.mark.parametrize("sentence", [
    "Russia's losses have exceeded 53,000 troops since the war began, the General Staff said.",
    "Russia has lost more than 400,000 soldiers since February 2022, Ukraine's military said.",
    "Russia has lost nearly 700,000 troops since the invasion, the General Staff said.",
    "Russia has lost about 1.1 million troops since the invasion, the General Staff said.",
])
def test_journalists_rounding_is_not_a_total(sentence):
    assert parse_text(sentence, published="2024-11-03").totals == {}


def test_the_general_staffs_own_about_is_exact():
    report = parse_text("Russia has lost about 61,330 troops since the invasion, the General Staff said.",
                        published="2022-10-06")
    assert report.totals == {"personnel": 61330}


def test_range_is_a_claim_with_low_and_value():
    text = "U.S. officials said Russia may have suffered between 70,000 and 80,000 casualties in the war."
    claim, = parse_text(text, published="2022-09-14").claims
    assert (claim.low, claim.value, claim.by, claim.side) == (70000, 80000, "US officials", "russia")


@pytest.mark.parametrize("sentence, expected", [
    ("The enemy suffered the greatest losses at the Kramatorsk, Avdiivka and Kryvyi Rih directions.",
     ["Kramatorsk", "Avdiivka", "Kryvyi Rih"]),
    ("Most of the losses were sustained in the direction of Donetsk and Kurakhove.", ["Donetsk", "Kurakhove"]),
    ("Most deaths came from Ukraine's Donetsk region, with the most significant losses near Bakhmut.", ["Bakhmut"]),
    ("Fighting continued near Bakhmut and Avdiivka.", []),
])
def test_directions(sentence, expected):
    assert parse_text(sentence).directions == expected


def test_sector_figures_are_not_the_reports():
    text = ("In the Tavria sector, the defence forces eliminated 420 Russian troops over the past day.\n\n"
            "According to the General Staff, Russia has lost 425,890 troops since February 24, 2022, "
            "including 910 over the past day.")
    report = parse_text(text, published="2024-03-12")
    assert report.totals == {"personnel": 425890}
    assert report.daily == {"personnel": 910}


def test_checks_tie_total_previous_and_daily():
    text = ("Russia has lost 61,330 troops since the invasion began, including 330 in one day, the General Staff "
            "said on Thursday. "
            "In its previous report the General Staff said Russia had lost 61,000 troops.")
    report = parse_text(text, published="2022-10-06")
    checks = {(c.check, c.category): c.ok for c in report.checks}
    assert checks[("daily == total - previous", "personnel")] is True
    assert report.previous_as_of == date(2022, 10, 5)


@pytest.mark.parametrize("sentence", [
    "Russia's losses rose to 404,950 troops on Tuesday, up from 403,720 the day before, the General Staff said.",
    "The General Staff said on Tuesday Russia had lost 404,950 personnel, compared with 403,720 a day earlier.",
])
def test_previous_total_quoted_beside_the_current_one(sentence):
    report = parse_text(sentence, published="2024-02-20")
    assert report.totals == {"personnel": 404950}
    assert report.previous == {"personnel": 403720}
    assert (report.as_of, report.previous_as_of) == (date(2024, 2, 20), date(2024, 2, 19))


def test_a_previous_report_named_after_a_figure_does_not_make_it_previous():
    report = parse_text("The General Staff said on Tuesday that Russia had lost 6,503 tanks, five more than in "
                        "the previous report.", published="2024-02-20")
    assert report.totals == {"tanks": 6503} and report.previous == {}


def test_a_partys_qualified_figure_without_a_noun_is_a_claim():
    claim, = parse_text("The Russians themselves have reported fewer than 6000.", published="2022-12-23").claims
    assert (claim.by, claim.value, claim.qualifier, claim.side) == ("Russia (official)", 6000, "fewer than", "russia")


def test_a_partys_unqualified_bare_number_is_no_claim():
    assert parse_text("The Kremlin spokesman said on Monday that 12 delegations would attend.").claims == []


@pytest.mark.parametrize("text, expected", [
    ("5 0001", [(5, 0, 1)]),                   # a broken grouping is no number of its own
    ("x5 tanks", []),
    ("0.5", []),
    ("\u0663\u0664\u0665 tanks", [(345, 0, 3)]),  # digits of any script
    ("999,999,999,999", [(999999999999, 0, 15)]),
    ("1,234,567,890,123", []),                 # longer than any figure
    ("1 234 567 890 123", []),
    ("1 234 5678", [(1234, 0, 5)]),
])
def test_number_spans(text, expected):
    assert [(n.value, n.start, n.end) for n in find_numbers(text, EN.scan(text))] == expected


def test_masked_spans_hide_the_numbers_they_overlap():
    text = "24 hours: 5 tanks, 1.1 million"
    hits = EN.scan(text)
    assert [n.value for n in find_numbers(text, hits, [(0, 8)])] == [5, 1100000]
    assert [n.value for n in find_numbers(text, hits, [(0, 8), (10, 11)])] == [1100000]


def test_reaches_answer_as_overlaps_does():
    import random
    from bisect import bisect_left

    from casualty_cli.extract.numbers import Intervals

    rng = random.Random(1)
    for _ in range(2000):
        spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 200) for _ in range(rng.randint(0, 8)))]
        taken = Intervals(spans)
        reaches = taken.reaches()
        for start in range(0, 240, 3):
            for end in (start, start + 1, start + 7):
                assert taken.overlaps(start, end) == (reaches[bisect_left(taken.starts, end)] > start)


@pytest.mark.parametrize("text, totals, daily", [
    ("tanks ‒ 2449 (+14)", {"tanks": 2449}, {"tanks": 14}),
    ("tanks - 2449 ( + 14 )", {"tanks": 2449}, {"tanks": 14}),
    ("танки / tanks ‒ 3363 (+5)", {"tanks": 3363}, {"tanks": 5}),
    ("Russia has lost 2,449 tanks, and 15 Russian tanks over the past day.", {"tanks": 2449}, {"tanks": 15}),
    # A figure too small for a total is no day's loss by its size alone: the text names no day.
    ("Russia has lost 2,449 tanks and 15 Russian tanks.", {"tanks": 2449}, {}),
])
def test_list_lines_and_nouns(text, totals, daily):
    report = parse_text(text, published="2023-01-01", language="en")
    assert (report.totals, report.daily) == (totals, daily)


def test_the_first_digit_class_holds_every_decimal_digit_and_nothing_else():
    # numbers._FIRST_DIGIT lists code point ranges for speed; a Unicode update must not leave a digit outside.
    first_digit = re.compile(_FIRST_DIGIT)
    for code in range(0x110000):
        if not 0xD800 <= code < 0xE000:
            assert bool(first_digit.fullmatch(chr(code))) == chr(code).isdecimal(), hex(code)


def test_every_key_of_every_lexicon_file_is_read_and_a_stray_one_is_named():
    assert {code: _unread_keys(raw_lexicon(code)) for code in available_languages()} == \
        {code: [] for code in available_languages()}
    english = raw_lexicon("en")
    assert _unread_keys({**english, "dates": {**english["dates"], "yesterday": ["yesterday"]}, "misc": 1}) == \
        ["dates.yesterday", "misc"]


def _reference_scan(lexicon, text):
    """Every phrase of the lexicon in the text, found the plain way (a stack walk from every word), in the order
    Hits promises: by start, the longest first, and for exclusive sections no overlaps (the first kept)."""
    words, starts = split_words(text)
    found = {}
    for i in range(len(words)):
        stack = [(node, i) for node in lexicon.trie.root.children(words[i])]
        while stack:
            node, j = stack.pop()
            for section, value in node.out:
                found.setdefault(section, []).append((starts[i], starts[j] + len(words[j]), value))
            if j + 1 < len(words) and _GAP.fullmatch(text, starts[j] + len(words[j]), starts[j + 1]):
                stack.extend((child, j + 1) for child in node.children(words[j + 1]))
    ordered = {}
    for section, hits in found.items():
        hits.sort(key=lambda hit: (hit[0], -hit[1]))
        if section in EXCLUSIVE:
            kept = []
            for hit in hits:
                if not kept or hit[0] >= kept[-1][1]:
                    kept.append(hit)
            hits = kept
        ordered[section] = hits
    return ordered


def _phrases_with_a_shorter_one_of_their_section(node, words=(), sections=frozenset()):
    """Phrases of plain words that begin with a shorter phrase of the same section: two hits from one start."""
    for section, _ in node.out:
        if section in sections:
            yield " ".join(words)
    below = sections | {section for section, _ in node.out}
    for word, child in node.next.items():
        yield from _phrases_with_a_shorter_one_of_their_section(child, (*words, word), below)


@pytest.mark.parametrize("code", available_languages())
def test_the_phrase_scan_finds_what_a_plain_walk_finds_in_the_promised_order(code):
    lexicon = load(code)
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))]
    texts.append("The General Staff of the Armed Forces of Ukraine said the General Staff reported: tanks, tank "
                 "destroyers, armoured combat vehicles, танків, танками, бойових броньованих машин.")
    texts.append(". ".join(_phrases_with_a_shorter_one_of_their_section(lexicon.trie.root)))
    for text in texts:
        scanned = {section: [tuple(hit) for hit in hits] for section, hits in lexicon.scan(text).by_section.items()}
        assert scanned == _reference_scan(lexicon, text)


@pytest.mark.parametrize("code", available_languages())
def test_a_lexicons_head_holds_its_top_level_keys(code):
    """Detection reads only the head of each data file (the keys before its first table): the head must hold
    what the whole file gives at its top level, and no table."""
    from casualty_cli.extract.lexicon import lexicon_head

    whole = raw_lexicon(code)
    assert lexicon_head(code) == {key: value for key, value in whole.items() if not isinstance(value, dict)}
    assert lexicon_head(code)["detect"]


def _numbers_of(text, code):
    """The numbers as parse_text reads them, units written together with their number included."""
    lexicon = load(code)
    split = split_words(text)
    return [(n.value, n.round_form, text[n.start:n.end])
            for n in find_numbers(text, lexicon.scan(text, split), [], glued_units(split, lexicon.scan))]


@pytest.mark.parametrize("code, glued, apart", [
    ("it", "quasi 427mila militari", "quasi 427 mila militari"),
    ("it", "oltre 1,2mln di proiettili", "oltre 1,2 mln di proiettili"),
    ("ru", "около 10тыс. солдат", "около 10 тыс. солдат"),
    ("ru", "уже 646тыс. 400 военных", "уже 646 тыс. 400 военных"),
    ("ru", "более 5млн снарядов", "более 5 млн снарядов"),
    ("uk", "майже 12тис. 350 військових", "майже 12 тис. 350 військових"),
    ("pl", "ponad 300tys. żołnierzy", "ponad 300 tys. żołnierzy"),
    ("tr", "yaklaşık 20bin asker", "yaklaşık 20 bin asker"),
])
def test_a_unit_written_together_with_its_number_multiplies_it(code, glued, apart):
    # Same value, same roundness (a rest after the unit makes the figure exact), and the unit is part of the span.
    (value, round_form, span), = _numbers_of(glued, code)
    assert [(value, round_form)] == [(n[0], n[1]) for n in _numbers_of(apart, code)]
    assert not span[-1].isdigit() or " " in span  # "427mila", or "646тыс. 400" with its rest


@pytest.mark.parametrize("code, text", [
    ("en", "the 10th day, 155mm shells, every 24h"),
    ("ru", "за 24ч, калибр 152мм"),
    ("it", "la squadra 3milano"),  # letters that start with a unit ("mila") but go on are no unit
])
def test_other_words_after_digits_are_not_units(code, text):
    assert all(not n[1] and n[0] < 1000 for n in _numbers_of(text, code))


@pytest.mark.parametrize("code, glued, apart", [
    ("ru", "Всего с начала вторжения Россия потеряла 646тыс. 400 военных.",
     "Всего с начала вторжения Россия потеряла 646 тыс. 400 военных."),
    ("uk", "Загалом з початку вторгнення росія втратила 646тис. 400 військових.",
     "Загалом з початку вторгнення росія втратила 646 тис. 400 військових."),
])
def test_a_total_written_with_a_glued_unit_is_the_same_total(code, glued, apart):
    assert parse_text(glued, language=code).totals == parse_text(apart, language=code).totals != {}
