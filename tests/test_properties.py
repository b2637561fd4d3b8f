"""Properties that hold for any text: parse_text never raises, evidence always holds its figure,
and the same input always gives the same output."""
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casualty_cli import parse_text

WORDS = ["Russia", "lost", "tanks", "troops", "personnel", "in one day", "since", "Feb. 24", "about", "more than",
         "(+", ")", "‒", "–", ":", "\n", ", ", ". ", "General Staff", "previous report", "on Thursday", "APV",
         "vehicles and fuel tanks", "1,234", "61 330", "5", "five", "one", "a", "directions", "greatest losses",
         "Kramatorsk", "Mediazona", "between", "and", "from 24.02 to 06.10", "танків", "особового складу", "\u00a0",
         "1.1 million", "%", "$", "0", "999999999999999", "(", "—"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 10**7).map(str)), max_size=60).map(" ".join),
)
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2024-11", "junk", ""]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, dates)
def test_parse_text_never_raises_and_evidence_holds_its_figure(text, published):
    record = parse_text(text, published=published).to_dict()
    for key, span in record["evidence"].items():
        assert text[span["start"]:span["end"]] == span["text"]
        role, category = key.split(".")
        value = record[role][category]
        digits = regex.sub(r"\D", "", span["text"])
        if digits:  # figures written in words ("five", "a") carry no digits
            assert str(value).startswith(digits) or int(digits) == value


@settings(max_examples=100, deadline=None)
@given(texts, dates)
def test_the_same_input_gives_the_same_output(text, published):
    assert parse_text(text, published=published).to_dict() == parse_text(text, published=published).to_dict()


# Every decimal digit the regex module knows, in the places dates and figures take: its Unicode tables can be
# newer than the interpreter's, so a digit it matches may be one int() refuses (the Garay digits, U+10D40).
OTHER_SCRIPT_DIGITS = "".join(c for c in map(chr, range(128, 0x110000)) if regex.match(r"\d", c))


def test_digits_of_every_script_never_raise():
    assert "\U00010d41" in OTHER_SCRIPT_DIGITS or len(OTHER_SCRIPT_DIGITS) > 600
    for d in OTHER_SCRIPT_DIGITS:
        text = (f"On 2{d} November 2{d}24, {d}1.11.2024 and 2024-1{d}-0{d}: personnel ‒ about 6{d}330 (+3{d}0), "
                f"1{d}.5 million, 3{d}0 тис. 4{d}0 persons, tanks: {d}{d}")
        parse_text(text, published="2024-11-21")
