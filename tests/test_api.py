"""HTTP API on a real DuckDB store built from an invented corpus (tests/fixtures/api)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app
from wirecoder.api.db import StoreMissing


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_db.build_db(tmp_path_factory.mktemp("api") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def err(r, status: int, field: str | None = None) -> dict:
    """Every error has the one shape {"error": {"code", "message", "field"?}}."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] and body["error"]["message"]
    if field is not None:
        assert body["error"].get("field") == field, body
    return body["error"]


def test_events_default_order_and_shape(client: TestClient) -> None:
    body = client.get("/api/events").json()
    dates = [e["date_start"] for e in body["items"]]
    assert body["count"] == 8 and body["next"] is None
    assert dates == sorted(dates, reverse=True)
    strike = next(e for e in body["items"] if e["uid"] == "t-001:e1")
    assert strike["actors"] == ["Northern Brigade"] and strike["recipients"] == ["Civilians"]
    assert strike["acled_event_type"] == "Explosions/Remote violence"


@pytest.mark.parametrize("sort", ["-date", "date", "-dead", "confidence"])
def test_cursor_pagination_visits_every_event_once(client: TestClient, sort: str) -> None:
    seen, url, pages = [], f"/api/events?limit=3&sort={sort}", 0
    while url:
        body = client.get(url).json()
        seen += [e["uid"] for e in body["items"]]
        url, pages = body["next"], pages + 1
    assert pages == 3 and len(seen) == 8 and len(set(seen)) == 8
    whole = [e["uid"] for e in client.get(f"/api/events?sort={sort}&limit=100").json()["items"]]
    assert seen == whole


@pytest.mark.parametrize(
    "query,expected",
    [
        ("type=ASSAULT", {"t-001:e1", "t-002:e1"}),
        ("type=assault,protest", {"t-001:e1", "t-002:e1", "t-003:e1"}),
        ("country=EGY", {"t-004:e1", "t-004:e2"}),
        ("actor=northern%20brigade&role=actor", {"t-001:e1", "t-002:e1", "t-002:e2"}),
        ("actor=Belarus&role=recipient", {"t-001:e2", "t-003:e1"}),
        ("actor=t-004:a1", {"t-004:e1", "t-004:e2"}),
        ("since=2031-03-04&until=2031-03-05", {"t-004:e1", "t-004:e2", "t-003:e1"}),
        ("q=EMBASSY", {"t-003:e1"}),
        ("mode=drone&status=occurred", {"t-001:e1", "t-002:e1"}),
        ("article=t-005", {"t-005:e1"}),
    ],
)
def test_event_filters(client: TestClient, query: str, expected: set[str]) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    assert {e["uid"] for e in r.json()["items"]} == expected


@pytest.mark.parametrize(
    "query,field",
    [
        ("type=FOO", "type"),
        ("status=done", "status"),
        ("country=UK", "country"),
        ("since=2031-13-01", "since"),
        ("since=2031-03-05&until=2031-03-01", "until"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("sort=name", "sort"),
        ("format=xml", "format"),
        ("cursor=not-a-cursor", "cursor"),
        ("role=actor", "role"),
        ("actor=x&role=boss", "role"),
    ],
)
def test_invalid_filters_name_the_field(client: TestClient, query: str, field: str) -> None:
    e = err(client.get(f"/api/events?{query}"), 422, field)
    assert e["code"] == "invalid"


def test_cursor_of_another_sort_is_rejected(client: TestClient) -> None:
    nxt = client.get("/api/events?limit=2").json()["cursor"]
    err(client.get(f"/api/events?sort=dead&cursor={nxt}"), 422, "cursor")


def test_not_found_errors_have_the_same_shape(client: TestClient) -> None:
    assert err(client.get("/api/events/nope:e1"), 404, "uid")["code"] == "not_found"
    err(client.get("/api/articles/nope"), 404, "article_id")
    err(client.get("/api/actors/Nobody%20At%20All"), 404, "ref")
    err(client.get("/api/no-such-route"), 404)
    err(client.delete("/api/events"), 405)


def test_event_detail_has_evidence_article_marks_and_merged_sources(client: TestClient) -> None:
    d = client.get("/api/events/t-001:e1").json()
    text = d["article"]["text"]
    ev = d["evidence"][0]
    assert text[ev["start"] : ev["end"]] == d["event"]["evidence_text"]
    marked = {(m["kind"], text[m["start"] : m["end"]]) for m in d["marks"]}
    assert ("actor", "Northern Brigade") in marked
    assert ("date", "on Monday") in marked and ("place", "Kharkiv") in marked
    figures = [text[m["start"] : m["end"]] for m in d["marks"] if m["kind"] == "figure"]
    assert figures == ["9"]  # the 9 of "1979" is not the death toll
    assert all(ev["start"] <= m["start"] and m["end"] <= ev["end"] for m in d["marks"])
    # the same strike told by two outlets: one merged event, both sources listed
    assert d["merged"]["source_count"] == 2
    assert {s["article_id"] for s in d["sources"]} == {"t-001", "t-002"}


def test_event_detail_keeps_markup_as_data(client: TestClient) -> None:
    d = client.get("/api/events/t-005:e1").json()
    assert fixture_db.XSS in d["article"]["text"]
    assert d["marks"][0]["kind"] == "evidence"


def test_articles_list_and_detail(client: TestClient) -> None:
    body = client.get("/api/articles?limit=2").json()
    assert [a["article_id"] for a in body["items"]] == ["t-005", "t-003"]
    assert body["next"]
    second = client.get(body["next"]).json()
    third = client.get(second["next"]).json()
    assert [a["article_id"] for a in second["items"] + third["items"]] == [
        "t-004",
        "t-002",
        "t-001",
    ]
    assert third["next"] is None
    art = client.get("/api/articles/t-001").json()
    assert art["related"] == [{"title": "Earlier: grain talks stall", "url": None}]
    assert {e["event_id"] for e in art["events"]} == {"e1", "e2"}
    assert len(art["actors"]) == 5 and art["claims"][0]["value"] == 9
    assert {
        a["article_id"] for a in client.get("/api/articles?outlet=test%20wire").json()["items"]
    } == {"t-001", "t-003", "t-005"}


def test_actors_across_articles(client: TestClient) -> None:
    items = client.get("/api/actors?limit=100").json()["items"]
    nb = next(a for a in items if a["name"] == "Northern Brigade")
    assert nb["articles"] == 2 and nb["as_actor"] == 3 and nb["as_recipient"] == 0
    assert items[0]["name"] == "Northern Brigade"  # most active first
    by_country = client.get("/api/actors?country=SDN").json()["items"]
    assert {a["name"] for a in by_country} == {"Sudanese Armed Forces", "Rapid Support Forces"}


def test_actor_detail_by_name_or_id(client: TestClient) -> None:
    a = client.get("/api/actors/belarus").json()
    assert a["name"] == "Belarus" and a["as_actor_events"] == []
    assert {e["uid"] for e in a["as_recipient_events"]} == {"t-001:e2", "t-003:e1"}
    same = client.get("/api/actors/t-001:a4").json()
    assert same["as_recipient_events"] == a["as_recipient_events"]
    hm = client.get("/api/actors/Health%20Ministry%20of%20Ukraine").json()
    assert sorted(c["value"] for c in hm["claims"]) == [10, 12]


def test_claims_json_and_csv(client: TestClient) -> None:
    body = client.get("/api/claims?quantity=killed").json()
    assert [c["value"] for c in body["items"]] == [10, 12, 9] or sorted(
        c["value"] for c in body["items"]
    ) == [9, 10, 12]
    r = client.get("/api/claims?quantity=killed&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(int(x["value"]) for x in rows) == [9, 10, 12]
    assert {x["claimant"] for x in rows} == {
        "Health Ministry of Ukraine",
        "Kharkiv Regional Administration",
    }
    err(client.get("/api/claims?quantity=eaten"), 422, "quantity")


def test_events_csv_has_a_next_link_header(client: TestClient) -> None:
    r = client.get("/api/events?format=csv&limit=5")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5 and 'rel="next"' in r.headers["link"]
    assert rows[0]["uid"] and "actors" in rows[0]


def test_series_marks_revisions_and_disagreements(client: TestClient) -> None:
    s = client.get("/api/series?quantity=killed&country=UKR").json()
    lines = {(x["claimant"], x["kind"]): x for x in s["series"]}
    ministry = lines[("health ministry of ukraine", "total")]
    assert [p["value"] for p in ministry["points"]] == [12, 10]
    assert ministry["points"][1]["revision"] and ministry["revisions"] == 1
    assert "9" in ministry["points"][0]["disagreement"]
    admin = lines[("kharkiv regional administration", "total")]
    assert "12" in admin["points"][0]["disagreement"]
    r = client.get("/api/series?quantity=killed&format=csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == 3
    err(client.get("/api/series"), 422, "quantity")
    err(client.get("/api/series?quantity=killed&country=UKR,EGY"), 422, "country")


def test_stats_timeline_graph_places(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert (s["articles"], s["events"], s["claims"], s["quotes"]) == (5, 8, 4, 1)
    assert s["by_type"]["ASSAULT"] == 2 and s["first_date"] == "2031-03-02"
    t = client.get("/api/timeline").json()
    assert t["days"][0] == "2031-03-02" and t["counts"]["ASSAULT"][0] == 2
    assert sum(sum(v) for v in t["counts"].values()) == 8
    t2 = client.get("/api/timeline?country=EGY").json()
    assert t2["days"] == ["2031-03-04"]
    g = client.get("/api/graph").json()
    edge = next(e for e in g["edges"] if e["source"] == "Northern Brigade")
    assert edge["target"] == "Civilians" and edge["events"] == 2
    assert {n["id"] for n in g["nodes"]} >= {"Egypt", "Rapid Support Forces"}
    p = client.get("/api/places?type=ASSAULT").json()["items"]
    assert [(x["name"], x["events"]) for x in p] == [("Kharkiv", 2)]


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{uid}",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{ref}",
        "/api/claims",
        "/api/series",
        "/api/stats",
        "/api/extract",
    ):
        assert path in spec["paths"], path
        for op in spec["paths"][path].values():
            assert op.get("summary"), path
    assert client.get("/docs").status_code == 200
    index = client.get("/api").json()
    listed = {(e["method"], e["path"]) for e in index["endpoints"]}
    assert ("GET", "/api/events") in listed and ("POST", "/api/extract") in listed
    assert (
        "cursor" in next(e for e in index["endpoints"] if e["path"] == "/api/events")["parameters"]
    )


def test_dashboard_is_served_with_a_strict_csp(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<title>wirecoder dashboard</title>" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/vendor/uplot/uPlot.iife.min.js").status_code == 200
    assert client.get("/static/vendor/world-atlas/countries-110m.json").status_code == 200


def test_extract_rejects_bad_bodies(db: Path) -> None:
    c = TestClient(create_app(db, max_extract_bytes=1000))
    e = err(c.post("/api/extract", json={"text": "x" * 2000}), 413, "text")
    assert e["code"] == "too_large"
    err(
        c.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}),
        422,
        "body",
    )
    err(c.post("/api/extract", json={"txt": "hello"}), 422, "text")
    err(c.post("/api/extract", json={"text": "   "}), 422, "text")
    err(c.post("/api/extract", json={"text": "Hi.", "published": "yesterday"}), 422, "published")
    err(c.post("/api/extract", content=b"x", headers={"content-type": "image/png"}), 415, "body")


@pytest.mark.model
def test_extract_returns_a_report(db: Path, pipeline) -> None:
    app = create_app(db)
    app.state.pipeline = pipeline  # the session's model; the app would load its own once
    c = TestClient(app)
    text = (
        "Rebels attacked a police post in Goma on Tuesday, the army said. "
        "Three officers were killed, a spokesman said."
    )
    r = c.post("/api/extract", json={"text": text, "published": "2031-05-07"})
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["schema"] == "wirecoder.report/1" and rep["article"]["text"] == text
    assert rep["article"]["published"] == "2031-05-07"
    r2 = c.post("/api/extract", content=text.encode(), headers={"content-type": "text/plain"})
    assert r2.status_code == 200 and r2.json()["article"]["text"] == text


def test_missing_store_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing) as e:
        create_app(tmp_path / "absent.duckdb")
    assert "[E301]" in str(e.value)


def test_store_locked_by_a_writer_gives_503_after_retrying(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "locked.duckdb"
    copy.write_bytes(db.read_bytes())
    app = create_app(copy)
    app.state.store.retry_seconds = 0.3
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                "print('locked', flush=True); time.sleep(30)"
            ),
            str(copy),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        r = TestClient(app).get("/api/stats")
        assert err(r, 503)["code"] == "store_busy" and r.headers["retry-after"] == "1"
    finally:
        holder.kill()
        holder.wait()
    assert TestClient(app).get("/api/stats").status_code == 200  # lock gone: served again


def test_empty_store_answers_every_endpoint(tmp_path: Path) -> None:
    empty = fixture_db.build_db(tmp_path / "empty.duckdb", items=[])
    c = TestClient(create_app(empty))
    assert c.get("/api/stats").json()["events"] == 0
    for url in ("/api/events", "/api/articles", "/api/actors", "/api/claims"):
        body = c.get(url).json()
        assert body["items"] == [] and body["next"] is None, url
    assert c.get("/api/series?quantity=killed").json()["series"] == []
    assert c.get("/api/timeline").json() == {"days": [], "types": [], "counts": {}}
    assert c.get("/api/graph").json() == {"nodes": [], "edges": []}
    assert c.get("/api/events?format=csv").text.startswith("uid,article_id,")  # header only
