"""The dashboard in real headless Chromium (Debian's), driven by Playwright, on a real server."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "api"))
import fixture_db

from wirecoder.api import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Bypass the page's CSP: Playwright's waits evaluate strings (CSP forbids eval), and the
    # markup test must prove the rendering itself is safe, not lean on the CSP.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = fixture_db.build_db(tmp_path_factory.mktemp("dash") / "store.duckdb")
    with fixture_db.ServerThread(create_app(db)) as srv:
        yield srv


@pytest.fixture
def dash(page, server):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 1400, "height": 1400})
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    yield page
    assert errors == []


def version(page) -> int:
    return int(page.evaluate("document.body.dataset.version"))


def wait_refresh(page, before: int) -> None:
    page.wait_for_function(f"Number(document.body.dataset.version) > {before}", timeout=15000)


def rows(page) -> list[str]:
    return page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.uid)")


def test_dashboard_loads_every_panel(dash, tmp_path: Path) -> None:
    page = dash
    assert page.text_content("[data-stat=articles] b") == "5"
    assert len(rows(page)) == 8
    assert page.text_content("#events-count") == "8 of 8"  # a total, not "100+"
    assert page.locator("#timeline canvas").count() >= 1
    assert page.locator("#timeline-legend span").count() == 7
    assert page.get_attribute("#graph", "data-nodes") == "10"
    assert page.locator("#map path.land").count() > 100  # the bundled world outline
    assert page.locator("#map circle.dot").count() >= 1
    assert page.locator("#claims .rev").count() == 1  # the ministry lowered its toll
    assert page.locator("#claims .dis").count() == 2  # two claimants, same day, different figures
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000


def test_brushing_the_timeline_filters_the_other_panels(dash) -> None:
    page = dash
    over = page.locator("#timeline .u-over").bounding_box()
    x1, x2 = page.evaluate("""() => { const u = WC.timelinePlot(), d = s => Date.parse(s) / 1000;
        return [u.valToPos(d('2031-03-04T00:00:00Z') - 30000, 'x'),
                u.valToPos(d('2031-03-05T00:00:00Z') + 30000, 'x')]; }""")
    before = version(page)
    page.mouse.move(over["x"] + x1, over["y"] + 30)
    page.mouse.down()
    page.mouse.move(over["x"] + (x1 + x2) / 2, over["y"] + 40, steps=4)
    page.mouse.move(over["x"] + x2, over["y"] + 40, steps=4)
    page.mouse.up()
    wait_refresh(page, before)
    assert page.text_content("#f-range").startswith("2031-03-04 → 2031-03-05")
    assert set(rows(page)) == {"t-004:e1", "t-004:e2", "t-003:e1"}
    assert sum(map(int, page.eval_on_selector_all(  # Cairo and Kyiv
        "#map g.cluster", "gs => gs.map(g => g.dataset.places)"))) == 2
    assert page.locator("#claims .point").count() == 1  # only the revised toll is in range
    # clicking the range label clears it
    before = version(page)
    page.click("#f-range")
    wait_refresh(page, before)
    assert len(rows(page)) == 8


def test_event_view_highlights_the_evidence(dash, server, tmp_path: Path) -> None:
    page = dash
    page.click("tr[data-uid='t-001:e1']")
    page.wait_for_selector("#event .badge:text('ASSAULT')")
    api = httpx.get(server.url + "/api/events/t-001:e1").json()
    evidence = "".join(
        page.eval_on_selector_all("#article-text .m-evidence", "ss => ss.map(s => s.textContent)")
    )
    assert evidence == api["event"]["evidence_text"]

    def texts(sel: str) -> list[str]:
        return page.eval_on_selector_all(sel, "ss => ss.map(s => s.textContent)")

    assert texts("#article-text .m-actor") == ["Northern Brigade"]
    assert texts("#article-text .m-date") == ["on Monday"]
    assert texts("#article-text .m-place") == ["Kharkiv"]
    assert texts("#article-text .m-figure") == ["9"]
    # marks stay inside the evidence; the rest of the article is plain text
    assert page.locator("#article-text .m-actor:not(.m-evidence)").count() == 0
    assert page.text_content("#article-text") == api["article"]["text"]
    assert page.locator("#sources li").count() == 2  # merged with the other outlet's report
    assert page.text_content("#event .v-recipient") == "Civilians"
    page.locator("#p-event").screenshot(path=str(tmp_path / "event.png"))
    assert (tmp_path / "event.png").stat().st_size > 10_000


def test_article_markup_is_shown_as_text_and_never_runs(dash) -> None:
    page = dash
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.click("tr[data-uid='t-005:e1']")
    page.wait_for_selector("#event .badge:text('COERCE')")
    page.wait_for_timeout(300)  # give an injected onerror handler the time it would need
    assert page.evaluate("window.__pwned") is None
    assert fixture_db.XSS in page.text_content("#article-text")
    assert page.locator("#event img, #event script, #event .article-title b").count() == 0
    assert "Arrests in Minsk <b>bold</b>" in page.text_content("#event .article-title")
    assert page.get_by_text('onerror="window.__pwned = 1"', exact=False).count() >= 1
    assert dialogs == []


def test_clicking_an_actor_and_a_place_filters(dash) -> None:
    page = dash
    pos = page.evaluate("() => WC.graph().getElementById('Egypt').renderedPosition()")
    box = page.locator("#graph").bounding_box()
    before = version(page)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    wait_refresh(page, before)
    assert page.input_value("#f-actor") == "Egypt"
    assert set(rows(page)) == {"t-004:e1", "t-004:e2"}  # as actor and as mediator
    before = version(page)
    page.click("#f-clear")
    wait_refresh(page, before)
    assert len(rows(page)) == 8
    # Minsk shares a marker with its neighbours at world scale: zoom in, then pick it
    while page.locator("#map g.cluster[data-country='BLR'][data-places='1']").count() == 0:
        page.locator("#map g.cluster.many").first.click()
    assert page.get_attribute("#map svg", "data-zoomed") == "1"
    before = version(page)
    page.click("#map g.cluster[data-country='BLR']")
    wait_refresh(page, before)
    assert page.input_value("#f-country") == "BLR"
    assert rows(page) == ["t-005:e1"]


def test_bad_filter_in_a_link_shows_the_api_error(page, server) -> None:
    page.goto(server.url + "/?country=Atlantis")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    assert "country" in page.text_content("#error")


def test_empty_store_shows_hints_not_errors(page, tmp_path: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    empty = fixture_db.build_db(tmp_path / "empty.duckdb", items=[])
    with fixture_db.ServerThread(create_app(empty)) as srv:
        page.goto(srv.url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=20000)
        assert page.text_content("[data-stat=events] b") == "0"
        assert "No dated events" in page.text_content("#timeline")
        assert "No claims" in page.text_content("#claims")
        assert page.text_content("#error") == ""
        assert page.locator("#map path.land").count() > 100
    assert errors == []
