"""One query layer for the CLI and the API (issue 11, issue 12 part 3): the same filters are
accepted and refused everywhere, with the same message; the same default order (newest
first); lists carry `total`; lists render "a; b"; the store layout, its upgrade, the derived
series, the response cache and the writer notice."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app
from wirecoder.cli import app as cli_app
from wirecoder.errors import WirecoderError
from wirecoder.store import Filters, InvalidFilter, Store, open_reader, queries
from wirecoder.store.derived import refresh_derived
from wirecoder.store.intent import announce, writer_waiting
from wirecoder.store.layout import LAYOUT, layout_of
from wirecoder.store.reader import Reader


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_db.build_db(tmp_path_factory.mktemp("ql") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def cli(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, message) of `wirecoder ARGS` as the console entry point runs it."""
    res = CliRunner().invoke(cli_app, list(args))
    if isinstance(res.exception, WirecoderError):
        return res.exception.exit_code, res.stdout, str(res.exception)
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.output


def cli_rows(db: Path, *args: str) -> list[dict]:
    code, out, msg = cli(*args, "--db", str(db), "--format", "jsonl")
    assert code == 0, msg
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def api_all(client: TestClient, url: str) -> tuple[list[dict], int]:
    items, total = [], None
    while url:
        body = client.get(url).json()
        items += body["items"]
        total = body["total"] if total is None else total
        assert body["count"] == len(body["items"])
        url = body["next"]
    return items, total


# -- the CLI and the API agree ---------------------------------------------------------------
@pytest.mark.parametrize(
    "cli_args,api_query,kind",
    [
        ((), "", "events"),
        (("--type", "assault,protest"), "type=assault,protest", "events"),
        (("--country", "ukr"), "country=ukr", "events"),
        (("--country", "Egypt"), "country=Egypt", "events"),
        (("--actor", "brigade"), "actor=brigade", "events"),
        (("--since", "2031-03-04", "--until", "2031-03-05"), "since=2031-03-04&until=2031-03-05",
         "events"),
        (("--status", "occurred", "--mode", "drone"), "status=occurred&mode=drone", "events"),
        (("--merged",), "", "merged"),
        (("--quantity", "killed"), "quantity=killed", "claims"),
        (("--claimant", "ministry"), "claimant=ministry", "claims"),
        ((), "", "quotes"),
        (("--country", "ukr"), "country=ukr", "quotes"),
    ],
)
def test_cli_and_api_list_the_same_rows_in_the_same_order(db, client, cli_args, api_query, kind):
    command = {"merged": "events", "events": "events", "claims": "claims", "quotes": "quotes"}
    rows = cli_rows(db, command[kind], *cli_args)
    path = {"merged": "merged"}.get(kind, kind)
    items, total = api_all(client, f"/api/{path}?limit=2&{api_query}")
    key = "merged_id" if kind == "merged" else "uid"
    assert [r[key] for r in rows] == [i[key] for i in items]
    assert total == len(items)
    if rows:
        assert set(rows[0]) == set(items[0])  # one row shape


@pytest.mark.parametrize(
    "selection,listing",
    [
        ("actor=ministry", "/api/claims?claimant=ministry"),
        ("country=ukr&since=2031-03-04", "/api/claims?country=ukr&since=2031-03-04"),
        ("type=ASSAULT&q=killed", "/api/claims?q=killed"),  # event type: not a claim filter
        ("country=ukr", "/api/quotes?country=ukr"),
        ("country=EGY", "/api/quotes?country=EGY"),
        ("actor=northern", "/api/quotes?claimant=northern"),
        ("actor=southern", "/api/quotes?claimant=southern"),
    ],
)
def test_the_selection_tables_filter_as_the_listings_do(client, selection, listing):
    kind = "claims" if "/claims" in listing else "quotes"
    table = client.get(f"/api/selection/{kind}?limit=500&{selection}").json()
    rows, total = api_all(client, f"{listing}&limit=500")
    assert table["total"] == total == len(rows)
    everything = client.get(f"/api/selection/{kind}?limit=500").json()["total"]
    if "EGY" in selection or "southern" in selection:
        assert total == 0 < everything  # the filter is applied, not ignored
    else:
        assert 0 < total
    assert {r["uid"] for r in table["items"]} == {r["uid"] for r in rows}


def test_default_order_is_newest_first_everywhere(db, client):
    rows = cli_rows(db, "events")
    days = [r["date_start"] for r in rows if r["date_start"]]
    assert days == sorted(days, reverse=True) and len(days) >= 5
    claims = cli_rows(db, "claims")
    assert [c["as_of"] for c in claims] == sorted((c["as_of"] for c in claims), reverse=True)
    api = client.get("/api/claims").json()["items"]
    assert [c["uid"] for c in api] == [c["uid"] for c in claims]


@pytest.mark.parametrize(
    "cli_args,api_query,field",
    [
        (("events", "--country", "Gaza"), "/api/events?country=Gaza", "country"),
        (("events", "--type", "BOMBING"), "/api/events?type=BOMBING", "type"),
        (("events", "--status", "done"), "/api/events?status=done", "status"),
        (("claims", "--quantity", "dead"), "/api/claims?quantity=dead", "quantity"),
        (("events", "--since", "2031-13-01"), "/api/events?since=2031-13-01", "since"),
        (("events", "--sort", "name"), "/api/events?sort=name", "sort"),
        (("events", "--role", "actor"), "/api/events?role=actor", "role"),
    ],
)
def test_bad_values_fail_the_same_way_in_cli_and_api(db, client, cli_args, api_query, field):
    code, out, msg = cli(*cli_args, "--db", str(db))
    assert code == 2 and out.strip() == "", (code, out, msg)
    r = client.get(api_query)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["field"] == field
    assert err["message"] in msg  # the same words, from the same check


def test_an_unknown_value_lists_the_accepted_ones(client):
    e = client.get("/api/events?type=BOMBING").json()["error"]
    assert "accepted: AGREE, CONSULT" in e["message"] and "ASSAULT" in e["accepted"]
    e = client.get("/api/events?country=Gaza").json()["error"]
    assert "did you mean PSE" in e["message"] and "alpha-3" in e["message"]


def test_unknown_query_parameters_are_a_422_naming_them(client):
    r = client.get("/api/events?contry=PSE&limit=5")
    assert r.status_code == 422
    e = r.json()["error"]
    assert e["field"] == "contry" and "'contry'" in e["message"] and "country" in e["message"]
    assert client.get("/api/stats?verbose=1").status_code == 422
    assert client.get("/api/events/t-001:e1?x=1").json()["error"]["field"] == "x"
    assert client.get("/api/events?limit=5&cursor=").status_code in (200, 422)


def test_list_responses_carry_total(client):
    for url, n in (("/api/events?limit=3", 8), ("/api/events?type=ASSAULT&limit=1", 2)):
        body = client.get(url).json()
        assert body["total"] == n and body["count"] == len(body["items"])
    for url in ("/api/articles", "/api/actors", "/api/claims", "/api/quotes", "/api/merged"):
        body = client.get(url + "?limit=2").json()
        assert isinstance(body["total"], int) and body["total"] >= body["count"], url
    r = client.get("/api/events?format=csv&limit=2")
    assert r.headers["x-total-count"] == "8"


def test_lists_render_as_a_semicolon_list_in_tables_and_csv(db, client):
    code, out, _ = cli("events", "--db", str(db), "--merged", "--format", "csv")
    assert code == 0 and "[" not in out and '"' not in out.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(out)))
    egypt = next(r for r in rows if r["country"] == "EGY" and ";" in r["recipients"])
    pair = egypt["recipients"]
    assert set(pair.split("; ")) == {"Sudanese Armed Forces", "Rapid Support Forces"}
    code, table, _ = cli("events", "--db", str(db), "--merged")
    assert pair in table and '["' not in table
    api_csv = client.get("/api/events?format=csv&country=EGY").text
    assert "Sudanese Armed Forces; Rapid Support Forces" in api_csv
    jl = cli_rows(db, "events", "--merged", "--country", "EGY")
    assert any(sorted(r["recipients"]) == ["Rapid Support Forces", "Sudanese Armed Forces"]
               for r in jl)


def test_filters_model_is_shared_and_canonical():
    f = Filters(type="assault, protest", country=["ukr", "Egypt"], since="2031-03-01")
    c = f.checked("events")
    assert c.type == ["ASSAULT", "PROTEST"] and c.country == ["UKR", "EGY"]
    assert c.since.isoformat() == "2031-03-01"
    with pytest.raises(InvalidFilter) as e:
        Filters(quantity="killed").checked("events")
    assert e.value.field == "quantity" and "not a filter of events" in str(e.value)
    assert Filters(type="person").checked("actors").kind == "person"  # actors --type person


# -- paging ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,sort", [("events", "-date"), ("events", "dead"),
                                       ("events", "-confidence"), ("claims", "-date"),
                                       ("claims", "value"), ("merged", "-date"),
                                       ("merged", "-sources"), ("quotes", "date"),
                                       ("articles", "-date"), ("actors", "-events"),
                                       ("actors", "name")])
def test_keyset_pages_visit_every_row_once_in_order(db, kind, sort):
    with open_reader(db) as store:
        whole = queries.page(store, kind, sort=sort, limit=500)
        seen, cursor = [], None
        while True:
            p = queries.page(store, kind, sort=sort, limit=2, cursor=cursor)
            seen += p.items
            cursor = p.next_cursor
            if not cursor:
                break
    assert seen == whole.items and whole.total == len(seen)


# -- store layout, upgrade, derived tables ---------------------------------------------------
def test_a_layout_1_store_is_upgraded_on_open_and_lists_the_same(db, tmp_path):
    old = tmp_path / "old.duckdb"
    old.write_bytes(db.read_bytes())
    con = duckdb.connect(str(old))
    for (name,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
        con.execute(f"DROP INDEX {name}")
    for table, cols in (("events", ("seq k_day day day_end actor_names recipient_names "
                                    "mediator_names names_lc published outlet article_title")),
                        ("claims", "seq k_day day published outlet article_title"),
                        ("quotes", "seq k_day published outlet article_title"),
                        ("articles", "seq k_day")):
        for c in cols.split():
            con.execute(f"ALTER TABLE {table} DROP COLUMN {c}")
    con.execute("DROP TABLE store_meta")
    assert layout_of(con) == 1
    con.close()
    with open_reader(old) as r:  # a reader upgrades it once
        rows = queries.page(r, "events", limit=100).items
    with open_reader(db) as r:
        assert rows == queries.page(r, "events", limit=100).items
    con = duckdb.connect(str(old), read_only=True)
    assert layout_of(con) == LAYOUT
    con.close()


def test_stored_series_answers_like_the_computed_one(db, tmp_path):
    copy = tmp_path / "series.duckdb"
    copy.write_bytes(db.read_bytes())
    c_live = TestClient(create_app(copy, cache=False))
    live = c_live.get("/api/series?quantity=killed&country=UKR").json()
    c_live.app.state.store.close()
    refresh_derived(copy)
    c = TestClient(create_app(copy))
    r = c.get("/api/series?quantity=killed&country=UKR")
    assert r.json() == live and live["points"] >= 2
    with_claimant = c.get("/api/series?quantity=killed&country=UKR&claimant=ministry").json()
    c.app.state.store.close()
    assert with_claimant["points"] < live["points"]


def test_large_answers_are_sent_gzipped_to_clients_that_accept_it(db, tmp_path):
    from wirecoder.api.cache import GZIP_MIN, Cached

    body = b'{"x": "' + b"y" * GZIP_MIN + b'"}'
    c = Cached.make(body, "application/json")
    assert c.gzipped and len(c.body) < len(body) / 50
    assert c.payload(True) == (c.body, True) and c.payload(False) == (body, False)
    assert gzip.decompress(c.body) == body


def test_events_are_kept_sorted_once_the_unsorted_tail_is_large(db, tmp_path):
    copy = tmp_path / "sorted.duckdb"
    copy.write_bytes(db.read_bytes())
    assert refresh_derived(copy, force_sort=True)["sorted"]
    con = duckdb.connect(str(copy), read_only=True)
    keys = [r[0] for r in con.execute("SELECT k_day FROM events").fetchall()]
    assert keys == sorted(keys, reverse=True)
    assert {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()} >= {
        "ix_events_article", "ix_event_actors_uid"}
    con.close()
    with open_reader(copy) as r, open_reader(db) as r0:
        assert queries.page(r, "events", limit=50).items == queries.page(r0, "events",
                                                                         limit=50).items


# -- reader, cache, writer notice, load shedding ---------------------------------------------
def test_a_writer_notice_makes_the_reader_let_go_and_the_cache_follow_the_store(tmp_path):
    path = fixture_db.build_db(tmp_path / "live.duckdb")
    c = TestClient(create_app(path))
    before = c.get("/api/events?limit=1").json()["total"]
    assert c.get("/api/events?limit=1").json()["total"] == before  # served from the cache
    store = c.app.state.store
    assert store.current_version() is not None
    with announce(path):
        assert writer_waiting(path) and store.current_version() is None
    # the same process writes while the app is up: the reader gives way, the next request
    # sees the new rows (never the cached answer of the old version)
    more = fixture_db.reports()[:1]
    more[0].article.id = "t-new"
    Store(path, hold=False).write_reports(more, run_id="more")
    after = c.get("/api/events?limit=1").json()["total"]
    assert after == before + len(more[0].events)
    c.app.state.store.close()


def test_reader_lends_pooled_cursors_and_reports_one_version(db):
    r = Reader(db)
    seen = set()
    for _ in range(3):
        with r.lease() as (cur, version):
            seen.add(id(cur))
            assert version == r.version
    assert len(seen) == 1  # one cursor, reused
    r.close()


def test_overload_is_shed_with_503_and_retry_after(db):
    web = create_app(db, max_inflight=0)
    r = TestClient(web).get("/api/events")
    assert r.status_code == 503 and r.headers["retry-after"] == "1"
    assert r.json()["error"]["code"] == "overloaded"


def test_200_concurrent_clients_get_no_error(db):
    web = create_app(db)
    with fixture_db.ServerThread(web) as srv:
        codes: list[int] = []
        lock = threading.Lock()

        def hit(i: int) -> None:
            urls = ["/api/events?limit=5", f"/api/events?type=ASSAULT&limit={1 + i % 7}",
                    "/api/events/t-001:e1", "/api/series?quantity=killed", "/api/stats"]
            with httpx.Client(base_url=srv.url, timeout=60) as h:
                for u in urls:
                    r = h.get(u)
                    with lock:
                        codes.append(r.status_code if r.status_code != 503
                                     or not r.headers.get("retry-after") else 200)

        threads = [threading.Thread(target=hit, args=(i,)) for i in range(200)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert len(codes) == 1000 and set(codes) == {200}, sorted(set(codes))
    assert time.monotonic() - t0 < 120


# -- OpenAPI ---------------------------------------------------------------------------------
def test_openapi_groups_endpoints_by_tag_with_an_example_each(client):
    spec = client.get("/openapi.json").json()
    tags = {t["name"] for t in spec["tags"]}
    assert {"events", "claims", "actors", "articles", "views", "extract"} <= tags
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("tags") and set(op["tags"]) <= tags, (method, path)
            content = op["responses"]["200"]["content"]
            assert any("example" in v for v in content.values()), (method, path)
    body = spec["paths"]["/api/extract"]["post"]["requestBody"]["content"]
    assert "example" in body["application/json"]


@pytest.mark.slow
def test_api_load_bench_runs_end_to_end(tmp_path):
    """bench/api_load.py on a tiny store: it builds, serves, drives every endpoint, and prints
    the baseline table (the numbers themselves are for docs/api.md, not for a test)."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, str(root / "bench" / "api_load.py"), "--events", "2000",
                        "--requests", "30", "--seconds", "10", "--db", str(tmp_path / "b.duckdb"),
                        "--json"], capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    for name in ("first page", "filters", "cursor page 2", "/api/events/{uid}", "/api/series"):
        assert name in r.stdout
    results = json.loads(r.stdout[r.stdout.index("{\n"):])["results"]
    assert all(not row["errors"] for row in results), results
    assert "baseline (p95 ms" in r.stdout
