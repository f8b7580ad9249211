"""The dashboard's research features in real headless Chromium on a real server: the whole
world on the map with clustered markers and non-colliding labels, the top-N actor graph,
the claims / quotes / articles tables, state in the URL, date inputs, the country picker,
downloads, totals, empty and loading states, and the `wirecoder:changed` refresh.

The extra reports are invented for these tests (fictional incidents in real places)."""

from __future__ import annotations

import csv
import io
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app
from wirecoder.schema import Report

pytestmark = pytest.mark.browser

# (article id, city, ISO3, lat, lon, date); two far east of 100°E, several close together
PLACES = [("w-tok", "Tokyo", "JPN", 35.68, 139.69, "2031-03-06"),
          ("w-syd", "Sydney", "AUS", -33.87, 151.21, "2031-03-06"),
          ("w-man", "Manila", "PHL", 14.6, 120.98, "2031-03-07"),
          ("w-bei", "Beirut", "LBN", 33.89, 35.5, "2031-03-07"),
          ("w-dam", "Damascus", "SYR", 33.51, 36.28, "2031-03-07"),
          ("w-amm", "Amman", "JOR", 31.95, 35.93, "2031-03-08"),
          ("w-jer", "Jerusalem", "ISR", 31.77, 35.21, "2031-03-08")]


def world_report(aid: str, city: str, iso: str, lat: float, lon: float, day: str) -> Report:
    text = (f"Harbour Guards detained dock workers in {city} on {day}, the port office said. "
            "People gathered. The operation continued.")
    ev = {"start": 0, "end": text.index(".") + 1}
    return Report.model_validate({
        "article": {"id": aid, "source": "tests/world", "title": f"Dock arrests in {city}",
                    "outlet": "Test Wire", "published": day, "text": text},
        "actors": [
            {"id": "a1", "name": "Harbour Guards", "kind": "organization", "country": iso,
             "sector": "COP", "mentions": [{"start": 0, "end": 14, "text": "Harbour Guards"}]},
            {"id": "a2", "name": "Dock Workers", "kind": "population", "country": iso,
             "sector": "LAB", "mentions": []},
            # extraction leftovers the graph must not show
            {"id": "a3", "name": "people", "kind": "population", "sector": "CVL", "mentions": []},
            {"id": "a4", "name": "operation", "kind": "group", "mentions": []},
        ],
        "events": [
            {"id": "e1", "type": "COERCE", "mode": "arrest", "actor": ["a1"], "recipient": ["a2"],
             "date": {"start": day, "end": day, "precision": "day", "text": f"on {day}"},
             "location": {"name": city, "country": iso, "lat": lat, "lon": lon,
                          "precision": "city"},
             "status": "occurred", "evidence": [ev], "confidence": 0.8,
             "acled": {"event_type": "Strategic developments", "sub_event_type": "Arrests"}},
            {"id": "e2", "type": "PROTEST", "mode": "demo", "actor": ["a3"], "recipient": ["a4"],
             "date": {"start": day, "end": day, "precision": "day"},
             "location": {"name": city, "country": iso, "lat": lat, "lon": lon,
                          "precision": "city"},
             "status": "occurred", "evidence": [{"start": ev["end"] + 1,
                                                 "end": text.index("gathered.") + 9}],
             "confidence": 0.6},
        ],
        "quotes": [{"id": "q1", "text": "the port office said", "speaker": "a1", "cue": "said",
                    "direct": False, "evidence": [ev]}] if aid == "w-tok" else [],
    })


def corpus() -> list[Report]:
    return fixture_db.reports() + [world_report(*p) for p in PLACES]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True, "accept_downloads": True}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = fixture_db.build_db(tmp_path_factory.mktemp("ux") / "store.duckdb", corpus())
    with fixture_db.ServerThread(create_app(db)) as srv:
        srv.db = db
        yield srv


def open_page(page, url: str) -> Any:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1400, "height": 1400})
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    return errors


@pytest.fixture
def dash(page, server):
    errors = open_page(page, server.url + "/")
    yield page
    assert errors == []


def version(page) -> int:
    return int(page.evaluate("document.body.dataset.version"))


def wait_refresh(page, before: int) -> None:
    page.wait_for_function(f"Number(document.body.dataset.version) > {before}", timeout=15000)


def rows(page) -> list[str]:
    return page.eval_on_selector_all("#events tbody tr[data-uid]",
                                     "rs => rs.map(r => r.dataset.uid)")


def api(server, path: str, **params: Any) -> Any:
    return httpx.get(server.url + path, params=params).json()


def test_map_shows_the_whole_world_with_clusters_and_labels_that_do_not_collide(dash) -> None:
    page = dash
    box = page.evaluate("""() => { const s = document.querySelector('#map svg');
        const [,, w, h] = s.getAttribute('viewBox').split(' ').map(Number); return {w, h}; }""")
    # every country of the outline, Japan and Australia included, lies inside the drawing
    for name in ("Japan", "Australia", "New Zealand", "United States of America"):
        b = page.evaluate(f"""() => {{ const b = [...document.querySelectorAll('#map path.land')]
            .find(p => p.textContent === {name!r}).getBBox();
            return {{x: b.x, width: b.width}}; }}""")
        assert b["x"] >= 0 and b["x"] + b["width"] <= box["w"] + 1, name
    markers = page.eval_on_selector_all(
        "#map g.cluster", "gs => gs.map(g => [Number(g.dataset.places), g.textContent])")
    assert sum(n for n, _ in markers) == 4 + len(PLACES)  # every place, once
    assert any("Tokyo" in t for _, t in markers) and any("Sydney" in t for _, t in markers)
    assert any(n > 1 for n, _ in markers)  # the Levant's capitals share one marker
    labels = page.evaluate("""() => [...document.querySelectorAll('#map text.label')]
        .map(t => t.getBBox()).map(b => ({x: b.x, y: b.y, width: b.width, height: b.height}))""")
    assert len(labels) >= 3
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                    or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]), (a, b)


def test_actor_graph_shows_the_top_actors_readably_and_no_common_nouns(dash) -> None:
    page = dash
    names = page.evaluate("() => WC.graph().nodes().map(n => n.id())")
    assert "Harbour Guards" in names and "Egypt" in names
    assert "people" not in names and "operation" not in names
    sizes = page.evaluate("""() => WC.graph().nodes().map(n =>
        parseFloat(n.style('font-size')) * WC.graph().zoom())""")
    assert min(sizes) >= 11
    before = version(page)
    page.select_option("#g-top", "10")
    wait_refresh(page, before)
    assert page.get_attribute("#graph", "data-nodes") == "10"
    assert "top=10" in page.url
    assert page.text_content("#graph-count").startswith("top 10 of ")


def test_tables_link_claims_quotes_and_articles_to_their_evidence(dash, server) -> None:
    page = dash
    claims = api(server, "/api/selection/claims")
    assert page.text_content("#tab-claims small") == str(claims["total"])
    first = claims["items"][0]
    before = version(page)
    page.click(f"#t-table tr[data-sel='claim:{first['uid']}']")
    wait_refresh(page, before)
    assert f"sel=claim%3A{first['uid'].replace(':', '%3A')}" in page.url
    marked = "".join(page.eval_on_selector_all(
        "#article-text .m-evidence", "ss => ss.map(s => s.textContent)"))
    assert marked == first["evidence_text"]
    page.click("#tab-quotes")
    page.wait_for_selector("#t-table tr[data-sel='quote:w-tok:q1']")
    before = version(page)
    page.click("#t-table tr[data-sel='quote:w-tok:q1'] a.ev-link")
    wait_refresh(page, before)
    assert "Harbour Guards detained" in page.text_content("#article-text .m-evidence")
    page.click("#tab-articles")
    page.wait_for_selector("#t-table tr[data-sel='art:w-syd']")
    assert page.text_content("#tab-articles small") == str(5 + len(PLACES))
    before = version(page)
    page.click("#t-table tr[data-sel='art:w-syd']")
    wait_refresh(page, before)
    assert page.locator("#article-events button").count() == 2
    before = version(page)
    page.click("#article-events button[data-uid='w-syd:e1']")
    wait_refresh(page, before)
    assert page.text_content("#event .badge") == "COERCE"


def test_filters_and_selection_live_in_the_url(dash, server, page) -> None:
    everything = rows(page)
    page.select_option("#f-type", "ASSAULT")
    before = version(page)
    page.click("button[type=submit]")
    wait_refresh(page, before)
    assert "type=ASSAULT" in page.url
    assault = rows(page)
    assert assault and len(assault) < len(everything)
    before = version(page)
    page.click(f"tr[data-uid='{assault[-1]}']")
    wait_refresh(page, before)
    shared = page.url
    before = version(page)
    page.go_back()  # the event closes, the filter stays
    wait_refresh(page, before)
    assert "sel=" not in page.url and rows(page) == assault
    before = version(page)
    page.go_back()  # the filter goes
    wait_refresh(page, before)
    assert page.input_value("#f-type") == "" and rows(page) == everything
    other = page.context.new_page()
    errors = open_page(other, shared)  # a shared link opens the same view
    assert other.input_value("#f-type") == "ASSAULT" and rows(other) == assault
    assert other.get_attribute("#event", "data-sel") == "ev:" + assault[-1]
    assert other.locator(f"tr.sel[data-uid='{assault[-1]}']").count() == 1
    assert errors == []


def test_date_inputs_and_country_picker_by_name(dash, server) -> None:
    page = dash
    labels = page.eval_on_selector_all("#f-country option", "os => os.map(o => o.textContent)")
    assert "Japan (2)" in labels and "Ukraine (4)" in labels
    page.fill("#f-since", "2031-03-06")
    page.fill("#f-until", "2031-03-07")
    before = version(page)
    page.click("button[type=submit]")
    wait_refresh(page, before)
    assert "since=2031-03-06" in page.url and "until=2031-03-07" in page.url
    assert page.text_content("#f-range").startswith("2031-03-06 → 2031-03-07")
    expected = {e["uid"] for e in api(server, "/api/events", since="2031-03-06",
                                          until="2031-03-07", limit=500)["items"]}
    assert set(rows(page)) == expected
    assert {f"w-{c}:e1" for c in ("tok", "syd", "man", "bei", "dam")} <= expected
    assert "w-amm:e1" not in expected
    before = version(page)
    page.select_option("#f-country", label="Japan (2)")  # a change applies at once
    wait_refresh(page, before)
    assert "country=JPN" in page.url
    assert sorted(rows(page)) == ["w-tok:e1", "w-tok:e2"]
    assert page.text_content("#events-count") == "2 of 2"


def test_downloads_of_the_current_selection(dash, server) -> None:
    page = dash
    page.select_option("#f-country", "JPN")
    page.wait_for_function("document.getElementById('dl-csv').href.includes('country=JPN')")
    with page.expect_download() as dl:
        page.click("#dl-csv")
    body = Path(dl.value.path()).read_text(encoding="utf-8")
    got = list(csv.DictReader(io.StringIO(body)))
    assert sorted(r["uid"] for r in got) == ["w-tok:e1", "w-tok:e2"]
    assert dl.value.suggested_filename == "wirecoder-events.csv"
    with page.expect_download() as dl:
        page.click("#dl-parquet")
    assert Path(dl.value.path()).read_bytes()[:4] == b"PAR1"
    with page.expect_download() as dl:
        page.click("#dl-acled")
    acled = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text("utf-8"))))
    # the arrest is coded; the protest of "people" has no ACLED type in this fixture
    assert [(r["event_type"], r["location"], r["region"], r["inter1"]) for r in acled] == [
        ("Strategic developments", "Tokyo", "East Asia", "1")]


def test_totals_empty_and_loading_states(dash, server) -> None:
    page = dash
    total = api(server, "/api/selection/summary")["events"]
    assert page.text_content("#events-count") == f"{min(total, 100)} of {total}"
    page.fill("#f-q", "no report says this")
    before = version(page)
    page.click("button[type=submit]")
    wait_refresh(page, before)
    assert page.text_content("#events tbody") == "No events match these filters."
    assert page.text_content("#events-count") == "0 of 0"
    assert "No claims match" in page.text_content("#t-table")
    assert "No located events" in page.text_content("#map")
    assert "No actors" in page.text_content("#graph")
    # loading: panels say so while their request is pending
    gate: list[Any] = []
    page.route("**/api/selection/graph*", lambda route: gate.append(route))
    page.fill("#f-q", "")
    page.click("button[type=submit]")
    page.wait_for_function("document.getElementById('p-graph').getAttribute('aria-busy') === 'true'")
    assert "loading" in page.evaluate(
        "getComputedStyle(document.querySelector('#p-graph > h2'), '::after').content")
    deadline = time.monotonic() + 10
    while not gate and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    before = version(page)
    gate[0].continue_()
    page.unroute("**/api/selection/graph*")
    wait_refresh(page, before)
    assert page.get_attribute("#p-graph", "aria-busy") == "false"


def test_wirecoder_changed_event_refreshes_counts_timeline_and_list(page, server) -> None:
    # no polling and no server push (its store watcher would announce the write below on
    # its own schedule — under load before the check): only the dispatched event refreshes
    page.route("**/api/stream", lambda route: route.abort())
    errors = open_page(page, server.url + "/?poll=3600000")
    before_articles = page.text_content("[data-stat=articles] b")
    from wirecoder.store import Store

    late = world_report("w-late", "Osaka", "JPN", 34.69, 135.5, "2031-03-09")
    Store(server.db, hold=False).write_reports([late], run_id="late")
    page.wait_for_timeout(300)
    assert page.text_content("[data-stat=articles] b") == before_articles
    page.evaluate("document.dispatchEvent(new CustomEvent('wirecoder:changed'))")
    page.wait_for_function(  # generous: the full suite shares two cores
        f"document.querySelector('#events tr[data-uid=\"w-late:e1\"]') && "
        f"document.querySelector('[data-stat=articles] b').textContent === "
        f"'{int(before_articles) + 1}'", timeout=45000)
    assert "w-late:e1" in rows(page)
    assert "2031-03-09" in page.evaluate("WC.timelinePlot().data[0].map(s => "
                                         "new Date(s * 1000).toISOString().slice(0, 10))")
    assert errors == []
