#!/usr/bin/env python3
"""atheris (libFuzzer) harness for casualty: the extractor and the source readers' bytes path.

    pip install atheris
    python fuzz/fuzz_parse.py -atheris_runs=200000                  # both targets, alternating
    CASUALTY_FUZZ_TARGET=parse python fuzz/fuzz_parse.py -max_total_time=300 -timeout=10 fuzz/corpus
    CASUALTY_FUZZ_TARGET=read  python fuzz/fuzz_parse.py -max_total_time=300 -timeout=10

Targets (CASUALTY_FUZZ_TARGET: parse, read, or both, the default):
  parse  parse_text(text, published=...) must never raise, every evidence span must hold its figure,
         and a second run on the same text must give the same record;
  read   the bytes a reader gets from a file, stdin or a URL (sniffed as text, HTML, gzip or WARC) must
         give Documents or InputErrors, nothing else (any other exception is a crash).
Any other libFuzzer flag works as usual (-max_len, -timeout, -dict, -jobs, a corpus directory).
"""
from __future__ import annotations

import io
import os
import sys

import atheris

with atheris.instrument_imports(include=["casualty_cli"]):
    from casualty_cli import parse_text
    import casualty_cli.extract  # noqa: F401 - imported lazily by parse_text: instrument it here
    import casualty_cli.sources.archives  # noqa: F401
    import casualty_cli.sources.decode  # noqa: F401
    import casualty_cli.sources.html  # noqa: F401
    from casualty_cli.errors import InputError
    from casualty_cli.options import ParseOptions
    from casualty_cli.sources import Document, _read_stream

TARGET = os.environ.get("CASUALTY_FUZZ_TARGET", "both")
PUBLISHED = (None, "2022-10-06", "2024-11-21", "2023-02", "junk")
# Small caps: the fuzzer's inputs are small anyway, and a cap hit must be an InputError too.
OPTIONS = ParseOptions(max_bytes=64 * 1024, timeout=1.0)


def check_parse(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
    language = (None, "en", "uk", "ru")[fdp.ConsumeIntInRange(0, 3)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    record = parse_text(text, published=published, language=language).to_dict()
    for key, span in record["evidence"].items():
        if text[span["start"]:span["end"]] != span["text"]:
            raise AssertionError(f"evidence {key} {span} does not match the text there")
        role, category = key.split(".")
        if category not in record[role]:
            raise AssertionError(f"evidence {key} names a figure the record lacks")
    again = parse_text(text, published=published, language=language).to_dict()
    if again != record:
        raise AssertionError("the same text gave two different records")


def check_read(data: bytes) -> None:
    for name in ("", "page.html", "file.txt.gz"):
        for item in _read_stream(io.BytesIO(data), "fuzz", OPTIONS, name=name):
            if not isinstance(item, (Document, InputError)):
                raise AssertionError(f"reader yielded {type(item).__name__}")
            if isinstance(item, Document) and not isinstance(item.text, str):
                raise AssertionError("a Document without text")


def one_input(data: bytes) -> None:
    if TARGET == "parse" or (TARGET == "both" and data[:1] < b"\x80"):
        check_parse(data)
    else:
        try:
            check_read(data)
        except InputError:
            pass   # a refused input is a correct answer


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
