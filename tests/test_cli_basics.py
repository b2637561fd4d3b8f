import json

from click.testing import CliRunner

from casualty_cli import __version__
from casualty_cli.cli import cli


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_missing_file_is_one_line_error_and_exit_1(tmp_path):
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_schema_is_json():
    result = CliRunner().invoke(cli, ["schema"])
    assert json.loads(result.output)["type"] == "object"
