"""The `casualty` command: options become calls, results become output. No extraction logic lives here."""
from __future__ import annotations

import contextlib
import json
import sys
from datetime import date

import click

from . import __version__
from .env import Environment
from .errors import CasualtyError, ExitStatus, InputError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Published(click.ParamType):
    """A date as YYYY-MM-DD (also YYYY-MM, taken as the 1st, for month-only metadata)."""

    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        from .extract.dates import parse_iso_date

        parsed = parse_iso_date(value)
        if parsed is None:
            self.fail(f"{value!r} is not a date like 2024-11-21", param, ctx)
        return parsed


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="casualty",
                      message="%(prog)s %(version)s (Python " + sys.version.split()[0] + ")")
def cli():
    """Pull the figures out of war-loss reports: totals, daily losses, dates, directions and claims.

    \b
    Examples:
      casualty parse article.txt
      cat article.txt | casualty parse -f json | jq .totals
      casualty parse --published 2024-11-21 -f csv *.txt > losses.csv
    """


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--published", type=Published(), help="Publication date (YYYY-MM-DD): resolves 'on Thursday'.")
@click.option("--language", metavar="CODE", help="Language of the text (en, uk, ru, ...); detected when omitted.")
@click.option("--encoding", metavar="CODEC", help="Encoding of the input bytes [default: UTF-8, BOM stripped].")
@click.option("-f", "--format", "fmt", type=click.Choice(["auto", "table", "json", "jsonl", "csv"]), default="auto",
              show_default=True, help="auto: a table on a terminal, JSON Lines otherwise.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=False), metavar="FILE",
              help="Write to FILE (atomically) instead of standard output.")
@click.option("--evidence", is_flag=True, help="Quote the text each figure came from in the table.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse inputs (and each .gz or WARC record, decompressed) larger than this.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a URL to connect or send (the whole download: 3x).")
@click.option("--fail-if-empty", is_flag=True, help="Exit 3 when no figure was found in any input.")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def parse(inputs, published, language, encoding, fmt, output, evidence, max_bytes, timeout, fail_if_empty, debug):
    """Extract the figures from each INPUT (a file, '-' for standard input, or an http(s) URL).

    With no INPUT, standard input is read when it is piped. Web pages (URLs, saved .html files) are
    reduced to their article's text, dated from their metadata; .gz files are unpacked; each HTML or
    text response in a WARC archive is one result. Pages need the 'web' extra, WARC the 'warc' extra.

    \b
    Exit status: 0 ok (also when nothing was found), 1 an input failed (the others are
    still printed), 2 usage error, 3 no figures with --fail-if-empty.
    """
    from .options import ParseOptions
    from .pipeline import report_for
    from .sources import read_documents

    env = Environment.from_process()
    if not inputs:
        if env.stdin_isatty:
            raise click.UsageError("no input: name a file, or pipe text in (e.g. `cat article.txt | casualty parse`)")
        inputs = ("-",)
    options = ParseOptions(published=published, language=language.lower() if language else None,
                           encoding=encoding, max_bytes=max_bytes, timeout=timeout)
    if fmt == "auto":
        fmt = "table" if env.stdout_isatty and not output else "jsonl"
    state = {"failed": 0, "figures": False}

    def records():
        for item in read_documents(inputs, options, env.stdin):
            if isinstance(item, InputError):
                state["failed"] += 1
                _error(str(item))
                continue
            record = report_for(item, options).to_dict()
            state["figures"] = state["figures"] or _has_figures(record)
            yield record

    try:
        with _destination(output, env) as (out, color):
            _write(records(), fmt, out, color=color, evidence=evidence)
    except BrokenPipeError:
        _closed_pipe()
    except CasualtyError as exc:
        _error(str(exc))
        sys.exit(ExitStatus.INPUT_FAILED)
    except Exception as exc:  # an unexpected failure: one line, unless --debug
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(ExitStatus.INPUT_FAILED)
    if state["failed"]:
        sys.exit(ExitStatus.INPUT_FAILED)
    if fail_if_empty and not state["figures"]:
        sys.exit(ExitStatus.EMPTY)


def _has_figures(record) -> bool:
    return any(record.get(key) for key in ("totals", "daily", "previous", "claims"))


@contextlib.contextmanager
def _destination(output, env):
    """Standard output (coloured on a terminal unless NO_COLOR), or a file replaced only when complete."""
    if output:
        from .output import atomic_text_file

        with atomic_text_file(output) as handle:
            yield handle, False
    else:
        yield env.stdout, env.stdout_isatty and not env.no_color
        env.stdout.flush()


def _write(records, fmt, out, *, color, evidence):
    """JSON Lines and CSV stream record by record; a JSON document and tables need them all."""
    from . import render

    if fmt == "jsonl":
        for record in records:
            render.write_jsonl([record], out)
            out.flush()
    elif fmt == "csv":
        render.write_csv(records, out)
    else:
        collected = list(records)
        if not collected:
            return
        if fmt == "json":
            render.write_json(collected, out)
        else:
            render.write_table(collected, out, color=color, evidence=evidence)


@cli.command()
def schema():
    """Print the JSON Schema of one parse record."""
    from .schema import RECORD_SCHEMA

    click.echo(json.dumps(RECORD_SCHEMA, indent=2))


def _error(message: str) -> None:
    click.echo(f"casualty: error: {message}", err=True)


def _closed_pipe() -> None:
    """The reader went away (`casualty parse ... | head -1`): stop quietly, as cat and grep do."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # nothing more can reach the closed pipe, not even at exit
    sys.exit(ExitStatus.OK)


def main() -> None:
    """Entry point."""
    try:
        cli.main(prog_name="casualty")
    except BrokenPipeError:
        _closed_pipe()
    except KeyboardInterrupt:
        click.echo("casualty: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
