"""Start-up: `--version` and `parse` on a small file import none of the heavy optional libraries."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

SMALL = Path(__file__).resolve().parent.parent / "samples" / "seed-like-2022-10-06.txt"
HEAVY = ("rich", "trafilatura", "warcio", "dask", "distributed", "lxml", "urllib3", "htmldate", "charset_normalizer",
         "sqlite3", "multiprocessing", "concurrent.futures")
PROBE = """
import json, sys
from casualty_cli.cli import main
sys.argv = ["casualty", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy} or m in {heavy})))
"""


@pytest.mark.parametrize("args", [["--version"], ["parse", "-f", "jsonl", str(SMALL)],
                                  ["parse", "-f", "json", str(SMALL)], ["parse", "-f", "csv", str(SMALL)]])
def test_quick_commands_import_nothing_heavy(args):
    probe = PROBE.replace("{heavy}", repr(set(HEAVY)))
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60)
    assert result.stdout
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
