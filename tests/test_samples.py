"""Golden samples: every samples/<name>.txt gives the record in samples/<name>.expected.json.

The expected files hold the keys they care about; a key missing from a file is not compared.
The publication date comes from the YYYY-MM-DD in the name, as the README passes it.
"""
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from casualty_cli import parse_text
from casualty_cli.cli import cli
from casualty_cli.extract.lexicon import load
from casualty_cli.extract.numbers import find_numbers
from casualty_cli.schema import RECORD_SCHEMA

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted(SAMPLES.glob("*.txt"))


def numbers_in(text: str, language: str) -> set[int]:
    """What the number reader finds in an evidence quote ("a"/"an" alone stands for one)."""
    lexicon = load(language)
    found = {n.value for n in find_numbers(text, lexicon.scan(text))}
    return found or {1}


def published_of(path: Path) -> str | None:
    found = re.search(r"\d{4}-\d{2}-\d{2}", path.stem)
    return found.group() if found else None


def test_there_are_samples_of_every_kind():
    names = {p.stem for p in TEXTS}
    assert len(names) >= 6
    assert all(p.with_suffix(".expected.json").exists() for p in TEXTS), "every sample needs its expected JSON"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_sample_gives_its_expected_record(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    record = parse_text(path.read_text(encoding="utf-8"), published=published_of(path)).to_dict()
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_cli_output_of_sample_is_valid_against_the_schema_and_evidence_holds(path):
    args = ["parse", "-f", "json", str(path)]
    if published_of(path):
        args += ["--published", published_of(path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    jsonschema.validate(record, RECORD_SCHEMA)
    text = path.read_text(encoding="utf-8")
    for role in ("totals", "daily", "previous"):
        for category, value in record[role].items():
            span = record["evidence"][f"{role}.{category}"]
            assert text[span["start"]:span["end"]] == span["text"]
            assert value in numbers_in(span["text"], record["language"]), (role, category, span)
