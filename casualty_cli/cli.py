"""The `casualty` command: options become calls, results become output. No extraction logic lives here."""
from __future__ import annotations

import contextlib
import json
import sys
from datetime import date

import click

from . import __version__
from .env import Environment
from .errors import CasualtyError, ExitStatus, InputError, OutputError
from .model import CATEGORIES

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


class Language(click.ParamType):
    """An ISO 639-1 code that has a lexicon; anything else is a usage error listing the codes (as --category)."""

    name = "CODE"

    def convert(self, value, param, ctx):
        from .extract.lexicon import available_languages

        code = str(value).strip().lower()
        supported = available_languages()
        if code not in supported:
            self.fail(f"{value!r} is not a supported language; use one of: {', '.join(supported)}", param, ctx)
        return code


class _Group(click.Group):
    """Ctrl-C anywhere in a command: one line and exit 130 (click itself would say 'Aborted!' and exit 1)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("casualty: interrupted", err=True)
            raise click.exceptions.Exit(ExitStatus.INTERRUPTED) from None


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
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

# How parse and check read each input and where their output goes: one list, so their help cannot drift apart.
_DOCUMENT_OPTIONS = (
    click.option("--published", type=Published(), help="Publication date (YYYY-MM-DD): resolves 'on Thursday'."),
    click.option("--language", type=Language(), help="Language of the text (en, uk, ru, ...); detected when omitted."),
    click.option("--encoding", metavar="CODEC", help="Encoding of the input bytes [default: UTF-8, BOM stripped]."),
    click.option("-f", "--format", "fmt", type=click.Choice(["auto", "table", "json", "jsonl", "csv"]),
                 default="auto", show_default=True, help="auto: a table on a terminal, JSON Lines otherwise."),
    click.option("-o", "--output", type=click.Path(dir_okay=False, writable=False), metavar="FILE",
                 help="Write to FILE (atomically) instead of standard output."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=10 * 1024 * 1024, show_default=True,
                 help="Refuse inputs (and each .gz or WARC record, decompressed) larger than this."),
    click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
                 help="Seconds to wait for a URL to connect or send (the whole download: 3x)."),
)


def document_options(func):
    """--published, --language, --encoding, --format, --output, --max-bytes, --timeout (parse, check)."""
    for option in reversed(_DOCUMENT_OPTIONS):
        func = option(func)
    return func



def field_options(func):
    """Where JSONL articles keep their text, date and source: shared by parse, batch and timeline."""
    func = click.option("--source-field", default="url", show_default=True, metavar="NAME",
                        help="JSONL articles: the field naming the article (else FILE#Lline).")(func)
    func = click.option("--date-field", default="date", show_default=True, metavar="NAME",
                        help="JSONL articles: the field with the publication date.")(func)
    func = click.option("--text-field", default="text", show_default=True, metavar="NAME",
                        help="JSONL articles: the field with the article text.")(func)
    return func


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@document_options
@click.option("--evidence", is_flag=True, help="Quote the text each figure came from in the table.")
@click.option("--fail-if-empty", is_flag=True, help="Exit 3 when no figure was found in any input.")
@field_options
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def parse(inputs, published, language, encoding, fmt, output, evidence, max_bytes, timeout, fail_if_empty,
          text_field, date_field, source_field, debug):
    """Extract the figures from each INPUT (a file, '-' for standard input, or an http(s) URL).

    With no INPUT, standard input is read when it is piped. Standard input holds one text (or several
    separated by form feeds, a record each), or JSON Lines of articles; so does a .jsonl file: a record
    per line (--text-field, --date-field, --source-field). Web pages (URLs, saved .html files) are
    reduced to their article's text, dated from their metadata; .gz files are unpacked; each HTML or
    text response in a WARC archive is one result. Pages need the 'web' extra, WARC the 'warc' extra.

    \b
    Exit status: 0 ok (also when nothing was found), 1 an input failed (the others are
    still printed), 2 usage error, 3 no figures with --fail-if-empty.
    """
    from .extract import MAX_TEXT
    from .options import ArticleFields, ParseOptions
    from .pipeline import dated_only_by_publication, report_for
    from .sources import read_documents

    env = Environment.from_process()
    inputs = _named_or_piped(inputs, env, "parse")
    options = ParseOptions(published=published, language=language,
                           encoding=encoding, max_bytes=max_bytes, timeout=timeout)
    fmt = _chosen_format(fmt, env, output)
    state = {"failed": 0, "figures": False, "undated": []}

    def records():
        fields = ArticleFields(text=text_field, date=date_field, source=source_field)
        for item in read_documents(inputs, options, env.stdin, fields):
            if isinstance(item, InputError):
                state["failed"] += 1
                _error(str(item))
                continue
            if len(item.text) > MAX_TEXT:
                click.echo(f"casualty: warning: {item.source}: only the first {MAX_TEXT:,} characters were read",
                           err=True)
            record = report_for(item, options).to_dict()
            state["figures"] = state["figures"] or _has_figures(record)
            if dated_only_by_publication(item, options, record):
                state["undated"].append(item.source)
            yield record

    with _one_line_errors(debug):
        produced = _kept_if_all_failed(records(), output, state)
        with _destination(output, env) as (out, color):
            _write(produced, fmt, out, color=color, evidence=evidence)
    if state["undated"]:
        _undated_note(state["undated"])
    if state["failed"]:
        sys.exit(ExitStatus.INPUT_FAILED)
    if fail_if_empty and not state["figures"]:
        sys.exit(ExitStatus.EMPTY)


def _undated_note(sources: list[str]) -> None:
    """Figures a weekday ("on Thursday") dates, read without a publication date: say how to date them."""
    named = ", ".join(sources[:3]) + (f" and {len(sources) - 3:,} more" if len(sources) > 3 else "")
    click.echo(f"casualty: note: {named}: the figures are dated by a weekday or a day without its year; "
               "give the publication date to date them: --published YYYY-MM-DD", err=True)


@contextlib.contextmanager
def _one_line_errors(debug: bool):
    """Errors meant for the user become one line and exit 1; anything else too, with a traceback only
    under --debug; a closed pipe ends quietly. Click's own usage errors pass through (exit 2)."""
    try:
        yield
    except click.ClickException:
        raise
    except BrokenPipeError:
        _closed_pipe()
    except CasualtyError as exc:
        _error(str(exc))
        sys.exit(ExitStatus.INPUT_FAILED)
    except Exception as exc:
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(ExitStatus.INPUT_FAILED)


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


def _cpu_count() -> int:
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1




def _named_or_piped(inputs: tuple[str, ...], env: Environment, command: str) -> tuple[str, ...]:
    """The inputs named, else standard input when it is piped (a terminal there is a usage error)."""
    if inputs:
        return inputs
    if env.stdin_isatty:
        raise click.UsageError(f"no input: name a file, or pipe text in (e.g. `cat article.txt | casualty {command}`)")
    return ("-",)


def _kept_if_all_failed(produced, output: str | None, state: dict):
    """Records bound for a file are collected first: a file is replaced only by something, so when every input
    failed (`state["failed"]`, counted while the records are made) an existing one stays as it was."""
    if not output:
        return produced
    produced = list(produced)
    if not produced and state["failed"]:
        sys.exit(ExitStatus.INPUT_FAILED)
    return produced


def _chosen_format(fmt: str, env: Environment, output: str | None) -> str:
    """`auto`: a table on a terminal, JSON Lines into a pipe or a file."""
    if fmt != "auto":
        return fmt
    return "table" if env.stdout_isatty and not output else "jsonl"


def article_options(func):
    """JSONL article fields, lists of inputs and workers, shared by batch and timeline."""
    func = field_options(func)
    func = click.option("--from-list", "from_list", multiple=True, metavar="FILE",
                        help="Read inputs (paths, URLs) from FILE, one a line ('-': standard input).")(func)
    func = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Worker processes [default: the number of CPUs].")(func)
    return func


@cli.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="OUT.jsonl, OUT.csv, OUT.db / OUT.sqlite (SQLite), or - for JSON Lines on standard output.")
@article_options
@click.option("--resume", is_flag=True, help="Skip inputs already in OUT (continue a stopped or killed run).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run on this Dask distributed cluster (extra 'dask').")
@click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for the Dask scheduler.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (failures are still listed).")
@click.option("--published", type=Published(), help="Publication date for every input (YYYY-MM-DD).")
@click.option("--language", type=Language(), help="Language of the texts; detected when omitted.")
@click.option("--encoding", metavar="CODEC", help="Encoding of the input bytes [default: UTF-8, BOM stripped].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse inputs larger than this.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=64, hidden=True)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def batch(inputs, output, from_list, jobs, text_field, date_field, source_field, resume, scheduler, connect_timeout,
          quiet, published, language, encoding, max_bytes, timeout, chunk_size, debug):
    """Convert many inputs into one output, in parallel and resumably.

    INPUT is a file, a directory (walked for .txt .html .htm .gz .warc .warc.gz .jsonl), a glob,
    a URL, or a JSONL file of articles (one object a line: --text-field, --date-field, --source-field).

    \b
    Examples:
      casualty batch archive/ -o losses.db
      casualty batch --resume archive/ -o losses.db        # after a stop, even kill -9
      casualty batch 'news/**/*.html' --from-list urls.txt -o losses.jsonl -j 8
      casualty batch articles.jsonl --text-field body -o - | jq .totals
      casualty batch archive/ -o losses.db --scheduler tcp://10.0.0.5:8786

    \b
    Exit status: 0 ok, 1 some input failed (its error is in OUT and on stderr), 2 usage error.
    """
    from .batch import count_tasks, expand_inputs, run_batch
    from .options import ArticleFields, ParseOptions
    from .progress import progress_bar
    from .writers import open_writer, output_kind

    env = Environment.from_process()
    if not inputs and not from_list:
        raise click.UsageError("no input: name files, directories, globs, or --from-list FILE")
    try:
        kind = output_kind(output)
    except CasualtyError as exc:
        raise click.BadParameter(str(exc), param_hint="-o/--output") from None
    if resume and kind == "stdout":
        raise click.UsageError("--resume needs an output file, not standard output")
    if "-" in inputs:
        raise click.UsageError("batch reads files, not text, from standard input: use --from-list - "
                               "(e.g. `find archive -name '*.html' | casualty batch --from-list - -o out.db`)")
    fields = ArticleFields(text=text_field, date=date_field, source=source_field)
    options = ParseOptions(published=published, language=language,
                           encoding=encoding, max_bytes=max_bytes, timeout=timeout)
    jobs = jobs or _cpu_count()
    show = env.stderr_isatty and not quiet
    with _one_line_errors(debug):
        total = count_tasks(inputs, from_list, fields) if show else None
        writer = open_writer(output, resume=resume, stdout=env.stdout)
        try:
            with progress_bar(env.stderr, total, show) as advance:
                stats = run_batch(expand_inputs(inputs, from_list, fields, env.stdin), writer, options, jobs=jobs,
                                  scheduler=scheduler, chunk_size=chunk_size, resume=resume, on_chunk=advance,
                                  connect_timeout=connect_timeout)
        except OutputError:
            writer.abort()   # a full disk or a vanished directory: an existing OUT stays as it was
            raise
        finally:
            writer.close()   # also on Ctrl-C: what was written is whole chunks, resumable
    for source, message in stats.failures:
        _error(f"{source}: {message}")
    if stats.failed > len(stats.failures):
        _error(f"... and {_count(stats.failed - len(stats.failures), 'more failed input')} (see the errors in {output})")
    if not quiet:
        rate = stats.inputs / stats.seconds if stats.seconds else 0.0
        skipped = f", {stats.skipped:,} skipped (already in {output})" if stats.skipped else ""
        click.echo(f"casualty: {_count(stats.inputs, 'input')}, {_count(stats.records, 'record')}, {stats.failed:,}"
                   f" failed{skipped} in {stats.seconds:.1f} s ({rate:,.0f} inputs/s)", err=True)
    if stats.failed:
        sys.exit(ExitStatus.INPUT_FAILED)


@cli.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@article_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (atomically) instead of standard output.")
@click.option("--category", "categories", multiple=True, type=click.Choice(CATEGORIES), metavar="NAME",
              help="Only this category (repeatable): personnel, tanks, afv, ...")
@click.option("--official", "official", multiple=True, metavar="GLOB",
              help="Sources matching GLOB are official posts (besides mil.gov.ua, mod.gov.ua, ...): they win ties.")
@click.option("--chart", is_flag=True, help="Draw each series in the terminal (instead of the rows).")
@click.option("--plot", metavar="FILE.svg|FILE.png", help="Also write a chart (PNG needs the 'plot' extra).")
@click.option("--published", type=Published(), help="Publication date for articles that lack one.")
@click.option("--language", type=Language(), help="Language of the texts; detected when omitted.")
@click.option("--reference", "reference_spec", metavar="FILE|default",
              help="Flag `reference` where a source differs from this series ('default': see `casualty reference`).")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def timeline(inputs, from_list, jobs, text_field, date_field, source_field, fmt, output, categories, official, chart,
             plot, published, language, reference_spec, debug):
    """One dated series from many reports: a row per date and category with the consensus total.

    INPUT is anything `casualty batch` reads (articles are parsed on the fly), or a batch
    output (.jsonl, .csv, .db). Flags: conflict (sources disagree), decrease (a total went
    down: a correction), gap (dates missing before), daily_mismatch (reported != recomputed).

    \b
    Examples:
      casualty timeline losses.db --category personnel --chart
      casualty timeline losses.db -f csv -o series.csv --plot series.svg
      casualty timeline losses.db --reference default -f csv    # flags: reference
    """
    from .options import ArticleFields, ParseOptions
    from .timeline import build_timeline, official_matcher
    from . import timeline_io

    env = Environment.from_process()
    if not inputs and not from_list:
        raise click.UsageError("no input: name batch outputs (.db, .jsonl, .csv) or articles")
    fields = ArticleFields(text=text_field, date=date_field, source=source_field)
    options = ParseOptions(published=published, language=language)
    with _one_line_errors(debug):
        records = timeline_io.read_records(inputs, from_list, fields, options, jobs or _cpu_count(), env.stdin)
        result = build_timeline(records, categories or None, official_matcher(official))
        rows = result.rows
        with_reference = reference_spec is not None
        if with_reference:
            from .check import flag_timeline
            from .reference import resolve

            flag_timeline(rows, resolve(reference_spec))
        if plot:
            timeline_io.write_plot(rows, plot)

        def write(out, color):
            if chart:
                timeline_io.write_chart(rows, out)
            elif fmt == "csv":
                timeline_io.write_csv(rows, out, with_reference=with_reference)
            elif fmt == "json":
                timeline_io.write_json(rows, out)
            else:
                timeline_io.write_table(rows, out, color, with_reference=with_reference)

        with _destination(output, env) as (out, color):
            write(out, color)
    if result.undated:
        click.echo(f"casualty: {_count(result.undated, 'record')} with totals but no date (as_of) "
                   f"{'was' if result.undated == 1 else 'were'} left out", err=True)


# ---------------------------------------------------------------- check and reference (issue 17)

@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--reference", "reference_spec", metavar="FILE",
              help="Compare with this series: the PetroIvaniuk dataset (folder or JSON), a russianwarship.rip "
                   "response, a CSV of date,category,total, or a timeline output [default: the updated copy, "
                   "else the embedded snapshot].")
@click.option("--fail-on", type=click.Choice(["differ", "unverified"]), default=None,
              help="Exit 4 when some figure differs (differ), or also when one could not be checked (unverified).")
@document_options
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def check(inputs, reference_spec, fail_on, published, language, encoding, fmt, output, max_bytes, timeout, debug):
    """Is each INPUT quoting the General Staff right? Its figures against the official daily series.

    INPUT is read as `casualty parse` reads it (a file, '-', an http(s) URL). Every total, daily and
    previous figure is compared with the report of the article's date: it matches, it differs (and
    what it is instead, when the series explains it: another day's figure, another category's, two
    digits swapped, a digit dropped or doubled, a rounding; or the whole article is another day's
    report), or there is no reference for that date. An article without a date is checked against
    the report most of its totals come from.

    \b
    Examples:
      casualty check article.txt
      casualty check --published 2024-11-21 -f json https://example.org/news/losses.html
      casualty check --fail-on differ -f csv drafts/*.txt > report.csv
      casualty reference update                      # the newest series, once a day

    \b
    Exit status: 0 checked, 1 an input failed, 2 usage error, 4 --fail-on and some figure differs
    (or, with --fail-on unverified, could not be checked).
    """
    from .check import check_record, parse_for_check, write_csv as write_check_csv, write_table as write_check_table
    from .options import ParseOptions
    from .reference import resolve
    from .sources import read_documents

    env = Environment.from_process()
    inputs = _named_or_piped(inputs, env, "check")
    options = ParseOptions(published=published, language=language,
                           encoding=encoding, max_bytes=max_bytes, timeout=timeout)
    fmt = _chosen_format(fmt, env, output)
    state = {"failed": 0, "differs": False, "unverified": False}
    with _one_line_errors(debug):
        reference = resolve(reference_spec)

        def results():
            for item in read_documents(inputs, options, env.stdin):
                if isinstance(item, InputError):
                    state["failed"] += 1
                    _error(str(item))
                    continue
                published = options.published or item.published
                record = parse_for_check(item.text, published=published, language=options.language)
                record["source"] = item.source
                result = check_record(record, reference)
                state["differs"] = state["differs"] or result.differs
                state["unverified"] = state["unverified"] or result.unverified
                yield result

        produced = _kept_if_all_failed(results(), output, state)
        with _destination(output, env) as (out, color):
            if fmt == "jsonl":
                from . import render

                for result in produced:
                    render.write_jsonl([result.to_dict()], out)
                    out.flush()
            elif fmt == "csv":
                write_check_csv(produced, out)
            else:
                collected = list(produced)
                if collected and fmt == "json":
                    from . import render

                    render.write_json([r.to_dict() for r in collected], out)
                elif collected:
                    write_check_table(collected, out, color=color)
    if state["failed"]:
        sys.exit(ExitStatus.INPUT_FAILED)
    if fail_on and (state["differs"] or (fail_on == "unverified" and state["unverified"])):
        sys.exit(ExitStatus.DIFFERS)


@cli.group("reference", context_settings=CONTEXT_SETTINGS)
def reference_group():
    """The official daily series `casualty check` compares with.

    \b
    An embedded snapshot of the PetroIvaniuk dataset (MIT) works offline; `casualty reference update`
    fetches the newest series into your data directory ($XDG_DATA_HOME/casualty, else
    ~/.local/share/casualty), which is used from then on.
    """


@reference_group.command("update")
@click.option("--from", "source", type=click.Choice(["petroivaniuk", "russianwarship"]), default="petroivaniuk",
              show_default=True, help="The PetroIvaniuk dataset on GitHub, or the russianwarship.rip statistics API.")
@click.option("--url", metavar="URL", help="Fetch from here instead: the dataset's data/ folder, or the API's "
                                           "/api/v2/statistics endpoint (a mirror).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for each response.")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def reference_update(source, url, timeout, debug):
    """Fetch the newest public series into the data directory.

    The copy in use is replaced only by a complete series that reaches at least as far: a failed
    or partial download keeps it (exit 1).

    \b
    Examples:
      casualty reference update
      casualty reference update --from russianwarship
    """
    from .reference import update

    with _one_line_errors(debug):
        new, path, before = update(source, url, timeout)
    click.echo(f"casualty: reference updated: {new.describe()} (was up to {before}), in {path}", err=True)


@reference_group.command("show")
@click.option("--reference", "reference_spec", metavar="FILE", help="Describe this series instead of the default.")
@click.option("--licence", is_flag=True, help="Print the licence of the data.")
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
def reference_show(reference_spec, licence, debug):
    """Which series `casualty check` uses: its source, dates, categories and licence."""
    from .reference import resolve, user_copy

    with _one_line_errors(debug):
        reference = resolve(reference_spec)
    meta = reference.meta
    if licence:
        click.echo(meta.get("licence_text") or f"licence: {meta.get('licence') or 'unknown'}")
        return
    where = reference_spec or (str(user_copy()) if meta.get("fetched") else "embedded snapshot (offline)")
    lines = [("series", reference.describe()), ("from", where), ("source", meta.get("source")),
             ("url", meta.get("url")), ("commit", meta.get("commit")), ("fetched", meta.get("fetched")),
             ("licence", meta.get("licence")), ("categories", ", ".join(reference.totals))]
    for label, value in lines:
        if value:
            click.echo(f"{label + ':':<12}{value}")


@cli.command()
def schema():
    """Print the JSON Schema of one parse record."""
    from .schema import RECORD_SCHEMA

    click.echo(json.dumps(RECORD_SCHEMA, indent=2))


def _count(number: int, noun: str) -> str:
    """'1 input', '2 inputs', '1,000 records'."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


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
