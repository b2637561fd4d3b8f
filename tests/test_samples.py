"""Every samples/<name>.txt parses to the keys its samples/<name>.expected.json holds."""
import json
from pathlib import Path

import pytest

from casualty_cli.extract import parse_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = sorted(SAMPLES.glob("*.expected.json"))


@pytest.mark.parametrize("expected_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_sample(expected_path):
    expected = json.loads(expected_path.read_text("utf-8"))
    text = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt")).read_text("utf-8")
    report = parse_text(text).to_dict()
    assert {key: report.get(key) for key in expected} == expected
