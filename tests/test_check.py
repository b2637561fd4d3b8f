"""`casualty check`, the reference series and `casualty reference update` (against a real local HTTP server)."""
import csv
import io
import json
import subprocess
import sys
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from casualty_cli.check import check_record
from casualty_cli.cli import cli
from casualty_cli.errors import ExitStatus
from casualty_cli.reference import (API_KEYS, DATASET_KEYS, Reference, embedded, from_days, load_reference,
                                    user_copy)

START = date(2024, 3, 1)


def day(n: int) -> date:
    return START + timedelta(days=n)


def series() -> Reference:
    """Ten reports: personnel in tens, tanks and AFVs rising, aircraft and helicopters flat and near each other."""
    totals = {
        "personnel": {day(i).toordinal(): 400_000 + 1_130 * i for i in range(10)},
        "tanks": {day(i).toordinal(): 6_500 + 3 * i for i in range(10)},
        "afv": {day(i).toordinal(): 12_000 + 7 * i for i in range(10)},
        "aircraft": {day(i).toordinal(): 347 for i in range(10)},
        "helicopters": {day(i).toordinal(): 325 for i in range(10)},
    }
    totals["tanks"][day(6).toordinal()] = 6_510   # a correction down (6,518 -> 6,510), then on again
    return from_days("test series", totals)


def record(as_of, totals=None, daily=None, previous=None, previous_as_of=None):
    return {"source": "article.txt", "published": None, "as_of": as_of and as_of.isoformat(),
            "previous_as_of": previous_as_of and previous_as_of.isoformat(),
            "totals": totals or {}, "daily": daily or {}, "previous": previous or {}}


def figure(result, role, category):
    return next(f for f in result.figures if (f.role, f.category) == (role, category))


def first_kind(result, role, category):
    explanations = figure(result, role, category).explanations
    return explanations[0].kind if explanations else None


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    """No test reads or writes the user's real data directory."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)


# ---------------------------------------------------------------- comparing

def test_a_faithful_article_matches_every_figure():
    ref = series()
    result = check_record(record(day(8), {"personnel": 409_040, "tanks": 6_524}, {"personnel": 1_130, "tanks": 3},
                                 {"personnel": 407_910}), ref)
    assert result.status == "match"
    assert {f.status for f in result.figures} == {"match"}
    assert figure(result, "previous", "personnel").reference_date == day(7)


@pytest.mark.parametrize("category, value, kind, detail", [
    ("tanks", 6_503, "other_day", ("date", day(1))),                # a total copied from an older report
    ("aircraft", 325, "other_category", ("category", "helicopters")),   # helicopters under aircraft
    ("afv", 12_065, "transposed_digits", None),                     # 12,056 typed 12,065
    ("afv", 1_256, "dropped_digit", None),                          # 12,056 without its 0
    ("afv", 120_056, "doubled_digit", None),                        # 12,056 with its 0 twice
    ("personnel", 409_000, "rounded", None),                        # 409,040 passed off as 409,000
    ("afv", 12_956, "wrong_digit", None),                           # 12,056 with a 9 for its 0
])
def test_a_differing_total_is_named_for_what_it_is(category, value, kind, detail):
    totals = {"personnel": 409_040, "tanks": 6_524, "afv": 12_056, "aircraft": 347}
    totals[category] = value
    result = check_record(record(day(8), totals), series())
    assert result.status == "differs"
    checked = figure(result, "totals", category)
    assert checked.status == "differs" and checked.reference != value
    assert checked.explanations[0].kind == kind
    if detail:
        assert getattr(checked.explanations[0], detail[0]) == detail[1]
    assert [f.status for f in result.figures if f.category != category] == ["match"] * (len(totals) - 1)


def test_the_day_change_of_another_day():
    ref = series()
    result = check_record(record(day(8), {"personnel": 409_040}, {"personnel": 1_130, "afv": 7, "tanks": 11}), ref)
    # tanks rose 11 on day 7 (from the corrected 6,510), 3 on day 8: the change was taken from the day before
    assert figure(result, "daily", "tanks").status == "differs"
    assert first_kind(result, "daily", "tanks") == "other_day"
    assert figure(result, "daily", "tanks").explanations[0].date == day(7)
    assert figure(result, "daily", "afv").status == "match"


def test_yesterdays_report_dated_today():
    ref = series()
    yesterday = {c: ref.total(c, day(7).toordinal()) for c in ("personnel", "tanks", "afv", "aircraft")}
    result = check_record(record(day(8), yesterday, {"personnel": 1_130}), ref)
    assert result.status == "differs"
    assert result.report_of is not None and result.report_of.kind == "report_of_other_day"
    assert result.report_of.date == day(7)
    assert "the day before" in result.report_of.text
    # aircraft did not change: it matches either way; the others point to the day before
    assert figure(result, "totals", "aircraft").status == "match"
    assert figure(result, "totals", "tanks").explanations[0].date == day(7)


def test_an_undated_article_gets_the_date_its_totals_match():
    ref = series()
    result = check_record(record(None, {"personnel": 404_520, "tanks": 6_512, "aircraft": 347}), ref)
    assert result.status == "match" and result.as_of is None
    assert result.date_matches == [day(4)]
    assert "2024-03-05" in result.note
    # one total out of line: checked against the day most of them give
    mixed = check_record(record(None, {"personnel": 404_520, "tanks": 6_512, "afv": 12_082}), ref)
    assert mixed.status == "differs" and mixed.date_matches == [day(4)]
    assert figure(mixed, "totals", "afv").reference == 12_028


def test_no_reference_beyond_the_series_and_on_a_corrected_day():
    ref = series()
    late = check_record(record(day(30), {"personnel": 440_000}), ref)
    assert late.status == "unchecked" and figure(late, "totals", "personnel").status == "no_reference"
    assert "reference update" in late.note
    # tanks went down on day 6: what that report printed as its increase is not known from the totals
    corrected = check_record(record(day(6), {"tanks": 6_510}, {"tanks": 0}), ref)
    assert figure(corrected, "daily", "tanks").status == "no_reference"
    assert corrected.status == "match"


def test_the_embedded_snapshot_works_offline_and_knows_the_record():
    ref = embedded()
    assert ref.first == date(2022, 2, 25) and ref.last >= date(2026, 8, 8)
    assert ref.meta["licence"] == "MIT" and "Petro Ivaniuk" in ref.meta["licence_text"]
    assert ref.granularity("personnel") == 10 and ref.granularity("tanks") == 1
    # The General Staff's report of 2022-10-06 (the seed sample's figures)
    result = check_record(record(date(2022, 10, 6), {"personnel": 61_330, "tanks": 2_449}, {"personnel": 330}), ref)
    assert result.status == "match"


# ---------------------------------------------------------------- reading references

def test_the_compact_form_round_trips(tmp_path):
    ref = series()
    path = tmp_path / "ref.json.gz"
    path.write_bytes(ref.to_bytes())
    back = load_reference(path)
    for category in ref.totals:
        for n in range(-1, 11):
            d = day(n).toordinal()
            assert back.total(category, d) == ref.total(category, d)
            assert back.daily(category, d) == ref.daily(category, d)
    assert ref.to_bytes() == back.to_bytes()   # deterministic: the same bytes for the same series


def test_a_csv_and_a_timeline_output_are_references(tmp_path):
    plain = tmp_path / "series.csv"
    plain.write_text("date,category,total\n2024-03-01,tanks,6500\n2024-03-02,tanks,6503\n", encoding="utf-8")
    assert load_reference(plain).total("tanks", day(1).toordinal()) == 6503
    timeline = tmp_path / "timeline.csv"
    timeline.write_text("date,category,total,daily,reported_daily,sources,flags\n"
                        "2024-03-01,tanks,6500,,,2,\n2024-03-02,tanks,6503,3,5,2,daily_mismatch\n", encoding="utf-8")
    loaded = load_reference(timeline)
    assert loaded.daily("tanks", day(1).toordinal()) == 5      # what the reports printed wins
    as_json = tmp_path / "timeline.json"
    as_json.write_text(json.dumps([{"date": "2024-03-01", "category": "afv", "total": 12000, "reported_daily": None},
                                   {"date": "2024-03-02", "category": "afv", "total": 12007, "reported_daily": 7}]))
    assert load_reference(as_json).total("afv", day(1).toordinal()) == 12007
    bad = tmp_path / "bad.csv"
    bad.write_text("date,category,total\n2024-03-01,tankz,1\n", encoding="utf-8")
    with pytest.raises(Exception, match="unknown category 'tankz'"):
        load_reference(bad)


# ---------------------------------------------------------------- the command

def run(args, input=None, env=None):
    return CliRunner().invoke(cli, args, input=input, env=env)


ARTICLE = ("Russia has lost {personnel} troops since the beginning of its full-scale invasion, the General Staff "
           "of Ukraine's Armed Forces reported on Oct. 6, 2022. Russia has also lost {tanks} tanks and 5,064 "
           "armored fighting vehicles.\n")


def test_check_command_formats_and_exit_status(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.format(personnel="61,330", tanks="2,449"), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(ARTICLE.format(personnel="61,330", tanks="2,494"), encoding="utf-8")   # two digits swapped

    result = run(["check", "-f", "json", str(good), str(bad)])
    assert result.exit_code == 0, result.stderr
    first, second = json.loads(result.stdout)
    assert first["status"] == "match" and second["status"] == "differs"
    tanks = next(f for f in second["figures"] if f["category"] == "tanks")
    assert (tanks["value"], tanks["reference"], tanks["explanation"]["kind"]) == (2494, 2449, "transposed_digits")

    assert run(["check", "--fail-on", "differ", str(good)]).exit_code == 0
    failed = run(["check", "--fail-on", "differ", "-f", "csv", str(good), str(bad)])
    assert failed.exit_code == ExitStatus.DIFFERS == 4
    rows = list(csv.DictReader(io.StringIO(failed.stdout)))
    assert [r["status"] for r in rows if r["source"] == str(bad) and r["category"] == "tanks"] == ["differs"]
    assert {r["kind"] for r in rows} >= {"", "transposed_digits"}

    table = run(["check", "-f", "table", str(bad)])
    assert "two digits swapped" in table.stdout and "✗" in table.stdout

    missing = run(["check", "--fail-on", "differ", str(tmp_path / "nope.txt"), str(good)])
    assert missing.exit_code == ExitStatus.INPUT_FAILED and "nope.txt: no such file" in missing.stderr


def test_check_with_a_reference_file_and_unverified(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.format(personnel="61,330", tanks="2,449"), encoding="utf-8")
    reference = tmp_path / "mine.csv"
    reference.write_text("date,category,total\n2022-10-06,personnel,61330\n2022-10-06,tanks,2450\n", encoding="utf-8")
    result = run(["check", "--reference", str(reference), "-f", "jsonl", str(article)])
    line = json.loads(result.stdout)
    assert line["status"] == "differs" and "mine.csv" in line["reference"]
    statuses = {f["category"]: f["status"] for f in line["figures"]}
    assert statuses == {"personnel": "match", "tanks": "differs", "afv": "no_reference"}
    # with a reference that has everything but the AFVs, --fail-on unverified still fails
    reference.write_text("date,category,total\n2022-10-06,personnel,61330\n2022-10-06,tanks,2449\n", encoding="utf-8")
    assert run(["check", "--reference", str(reference), "--fail-on", "differ", str(article)]).exit_code == 0
    assert run(["check", "--reference", str(reference), "--fail-on", "unverified", str(article)]).exit_code == 4
    broken = run(["check", "--reference", str(tmp_path / "none.csv"), str(article)])
    assert broken.exit_code == 1 and "cannot read the reference" in broken.stderr


def test_timeline_flags_the_dates_sources_disagree_with_the_reference(tmp_path):
    records = tmp_path / "records.jsonl"
    lines = [{"source": f"news/{n}", "as_of": "2022-10-06", "totals": {"tanks": tanks}, "daily": {}, "previous": {}}
             for n, tanks in enumerate((2449, 2449, 2450))]
    lines.append({"source": "news/9", "as_of": "2022-10-07", "totals": {"tanks": 2466}, "daily": {}, "previous": {}})
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    result = run(["timeline", str(records), "--reference", "default", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["date"], r["total"], r["reference"], r["flags"]) for r in rows] == [
        ("2022-10-06", "2449", "2449", "conflict;reference"),   # one source of three says 2,450
        ("2022-10-07", "2466", "2466", ""),
    ]
    plain = run(["timeline", str(records), "-f", "csv"])
    assert "reference" not in plain.stdout.splitlines()[0]


# ---------------------------------------------------------------- reference update over HTTP

def dataset_shape(ref: Reference) -> dict[str, bytes]:
    """The PetroIvaniuk files of a series (personnel apart, as in the dataset)."""
    inverse = {}
    for key, category in DATASET_KEYS.items():
        inverse.setdefault(category, key)
    inverse["vehicles"] = "vehicles and fuel tanks"
    equipment, personnel = [], []
    for i in range((ref.last - ref.first).days + 1):
        d = ref.start + i
        row = {"date": date.fromordinal(d).isoformat(), "day": d - date(2022, 2, 23).toordinal()}
        for category in ref.totals:
            value = ref.total(category, d)
            if value is not None and category != "personnel":
                row[inverse[category]] = value
        equipment.append(row)
        personnel.append({"date": row["date"], "day": row["day"], "personnel": ref.total("personnel", d),
                          "personnel*": "about"})
    return {"russia_losses_equipment.json": json.dumps(equipment).encode(),
            "russia_losses_personnel.json": json.dumps(personnel).encode()}


def api_records(ref: Reference) -> list[dict]:
    inverse = {category: key for key, category in API_KEYS.items()}
    records = []
    for i in range((ref.last - ref.first).days + 1):
        d = ref.start + i
        stats = {inverse[c]: ref.total(c, d) for c in ref.totals if c in inverse and ref.total(c, d) is not None}
        increase = {inverse[c]: ref.daily(c, d) for c in ref.totals if c in inverse and ref.daily(c, d) is not None}
        records.append({"date": date.fromordinal(d).isoformat(), "day": i + 2, "resource": "https://example.org",
                        "stats": stats, "increase": increase})
    return records


def extended(days: int = 3) -> Reference:
    """The embedded series and a few more days, so that an update reaches further than the snapshot."""
    ref = embedded()
    end = ref.last.toordinal()
    for category, values in ref.totals.items():
        last = ref.total(category, end)
        if last is not None:
            values.extend(last + (n + 1) * (10 if category == "personnel" else 1) for n in range(days))
    return ref


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, files: dict[str, bytes], records: list[dict]):
        super().__init__(("127.0.0.1", 0), Handler)
        self.files, self.records, self.broken = files, records, False

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_port}{path}"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        server = self.server
        if server.broken:
            return self.send(500, b"upstream is down")
        if parts.path.startswith("/data/"):
            body = server.files.get(parts.path[len("/data/"):])
            return self.send(200, body) if body is not None else self.send(404, b"no such file")
        if parts.path == "/api/v2/statistics":
            query = parse_qs(parts.query)
            offset, limit = int(query.get("offset", ["0"])[0]), int(query.get("limit", ["50"])[0])
            limit = min(limit, 500)   # the server pages whatever the client asks
            page = server.records[offset:offset + limit]
            following = (f"/api/v2/statistics?offset={offset + limit}&limit={limit}"
                         if offset + limit < len(server.records) else None)
            payload = {"message": "The data were fetched successfully.",
                       "data": {"paginator": {"total": len(server.records), "next_page_url": following},
                                "records": page}}
            return self.send(200, json.dumps(payload).encode())
        if parts.path == "/api/truncated":
            return self.send(200, b'{"data": {"records": [{"date": "2026-08')
        self.send(404, b"not found")

    def send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def upstream():
    ref = extended()
    server = Server(dataset_shape(ref), api_records(ref))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("source, path", [("petroivaniuk", "/data/"), ("russianwarship", "/api/v2/statistics")])
def test_reference_update_from_both_shapes(upstream, source, path, tmp_path):
    upstream.broken = False
    result = run(["reference", "update", "--from", source, "--url", upstream.url(path)])
    assert result.exit_code == 0, result.stderr
    copy = user_copy()
    assert str(tmp_path) in str(copy) and copy.exists()
    updated = load_reference(copy)
    shipped = embedded()
    assert updated.last == shipped.last + timedelta(days=3)
    for category in ("personnel", "tanks", "uav"):
        for when in (date(2022, 10, 6), date(2024, 2, 29), shipped.last):
            assert updated.total(category, when.toordinal()) == shipped.total(category, when.toordinal())
    if source == "russianwarship":   # the API's printed dailies are kept where they differ from the change
        corrected = date(2022, 10, 13).toordinal()
        assert updated.daily("afv", corrected) == shipped.daily("afv", corrected)
    # check now uses the newer copy: a report of a day after the snapshot is checked, not "no reference"
    newer = shipped.last + timedelta(days=2)
    article = tmp_path / "new.txt"
    personnel = updated.total("personnel", newer.toordinal())
    article.write_text(f"Russia has lost {personnel:,} troops since the beginning of its full-scale invasion, "
                       f"the General Staff reported on {newer:%B} {newer.day}, {newer.year}.\n", encoding="utf-8")
    checked = json.loads(run(["check", "-f", "json", str(article)]).stdout)
    assert checked["status"] == "match" and checked["as_of"] == newer.isoformat()
    shown = run(["reference", "show"])
    assert str(newer + timedelta(days=1)) in shown.stdout and str(copy) in shown.stdout


def test_a_failed_update_keeps_the_copy_in_use(upstream):
    upstream.broken = False
    assert run(["reference", "update", "--url", upstream.url("/data/")]).exit_code == 0
    before = user_copy().read_bytes()
    upstream.broken = True
    down = run(["reference", "update", "--url", upstream.url("/data/")])
    assert down.exit_code == 1 and "HTTP 500" in down.stderr
    upstream.broken = False
    truncated = run(["reference", "update", "--from", "russianwarship", "--url", upstream.url("/api/truncated")])
    assert truncated.exit_code == 1 and "not JSON" in truncated.stderr
    missing = run(["reference", "update", "--url", upstream.url("/nothing/")])
    assert missing.exit_code == 1 and "404" in missing.stderr
    assert user_copy().read_bytes() == before
    assert list(user_copy().parent.iterdir()) == [user_copy()]   # no temporary file left behind


def test_an_update_that_reaches_less_far_is_refused(tmp_path):
    old = embedded()
    old.totals = {c: v[:-400] for c, v in old.totals.items()}
    server = Server(dataset_shape(old), [])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = run(["reference", "update", "--url", server.url("/data/")])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1 and "kept the one in use" in result.stderr
    assert not user_copy().exists()


def test_check_imports_nothing_heavy(tmp_path):
    """`casualty check -f jsonl` on one article stays a quick command (rich, HTTP, SQLite are not loaded)."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.format(personnel="61,330", tanks="2,449"), encoding="utf-8")
    probe = ("import json, sys\nfrom casualty_cli.cli import main\nsys.argv = ['casualty', 'check', '-f', 'jsonl', "
             f"{str(article)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\nsys.stdout.flush()\n"
             "heavy = {'rich', 'trafilatura', 'urllib3', 'lxml', 'sqlite3', 'multiprocessing', 'urllib.request'}\n"
             "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy "
             "and m.split('.')[0] != 'urllib')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert json.loads(result.stdout)["status"] == "match"
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
