// Dashboard state: filters → every panel; the store is polled so new events show up live.
"use strict";
(function () {
const {el, api, clear} = WC;
const state = {filters: {}, range: {}, next: null, selected: null, version: 0, seen: null};
window.__wc = state;

const $ = id => document.getElementById(id);
const QUANTITIES = ["killed", "injured", "missing", "hostages", "released", "detained",
                    "displaced", "evacuated", "other"];

function readForm() {
  const f = {};
  for (const k of ["type", "status", "country", "actor", "q"]) {
    const v = $("f-" + k).value.trim();
    if (v) f[k] = v;
  }
  state.filters = f;
}

const withRange = () => ({...state.filters, since: state.range.since, until: state.range.until});

function showRange() {
  const r = state.range;
  $("f-range").textContent = r.since ? `${r.since} → ${r.until} ✕` : "";
}

async function loadStats() {
  const s = await api("/api/stats");
  const box = clear($("stats"));
  for (const k of ["articles", "events", "actors", "claims", "quotes"])
    box.appendChild(el("span", {"data-stat": k}, el("b", {}, (s[k] || 0).toLocaleString("en")), k));
  return s;
}

function showEvents(page, append) {
  state.next = page.next;
  WC.renderEventRows($("events").tBodies[0], page.items, openEvent, append);
  $("more").hidden = !page.next;
  const n = $("events").tBodies[0].rows.length;
  $("events-count").textContent = `${n}${page.next ? "+" : ""} shown`;
}

async function openEvent(uid, row) {
  for (const r of $("events").querySelectorAll("tr.sel")) r.classList.remove("sel");
  if (row) row.classList.add("sel");
  state.selected = uid;
  try { WC.renderEvent($("event"), await api("/api/events/" + encodeURIComponent(uid))); }
  catch (e) { WC.showError(e.message); }
}

function seriesParams() {
  const countries = (state.filters.country || "").split(",").filter(Boolean);
  return {quantity: $("c-quantity").value,
          country: countries.length === 1 ? countries[0].toUpperCase() : "",
          since: state.range.since, until: state.range.until};
}

async function loadClaims() {
  WC.drawClaims($("claims"), $("claims-legend"), await api("/api/series", seriesParams()));
}

// Everything but the timeline follows the brushed range; the timeline shows all dates.
// Only the latest refresh draws: a slow older response never overwrites a newer filter.
async function refreshFiltered() {
  const gen = state.gen = (state.gen || 0) + 1;
  const f = withRange();
  const [graph, places, page, series] = await Promise.all([
    api("/api/graph", {...f, limit: 40}), api("/api/places", f), api("/api/events", {...f, limit: 100}),
    api("/api/series", seriesParams()), WC.loadWorld()]);
  if (gen !== state.gen) return;
  showEvents(page, false);
  WC.drawClaims($("claims"), $("claims-legend"), series);
  WC.drawGraph($("graph"), graph, name => { $("f-actor").value = name; apply(); });
  WC.drawMap($("map"), places.items, p => { $("f-country").value = p.country || ""; apply(); });
}

async function refreshAll() {
  WC.showError("");
  try {
    const [, tl] = await Promise.all([loadStats(), api("/api/timeline", state.filters)]);
    WC.drawTimeline($("timeline"), $("timeline-legend"), tl, state.range, setRange);
    await refreshFiltered();
    if (state.selected) {
      const row = $("events").querySelector(`tr[data-uid="${CSS.escape(state.selected)}"]`);
      if (row) row.classList.add("sel");
    }
  } catch (e) { WC.showError(e.message); }
  state.version += 1;
  document.body.dataset.version = String(state.version);
}

function setRange(since, until) {
  state.range = {since, until};
  showRange();
  WC.showError("");
  refreshFiltered().catch(e => WC.showError(e.message))
    .finally(() => { state.version += 1; document.body.dataset.version = String(state.version); });
}

function apply() { readForm(); refreshAll(); }

// Live: poll the store's counts; when ingest adds articles, redraw without a reload.
// One poll at a time, and the new signature is recorded before redrawing, so a slow redraw
// never stacks up more redraws behind it.
async function poll() {
  if (state.polling) return;
  state.polling = true;
  try {
    const s = await api("/api/stats");
    const sig = `${s.articles}/${s.events}/${s.claims}/${s.last_ingested}`;
    const changed = state.seen !== null && sig !== state.seen;
    state.seen = sig;
    if (changed) {
      $("live").textContent = `updated ${new Date().toLocaleTimeString()}`;
      $("live").classList.add("flash");
      setTimeout(() => $("live").classList.remove("flash"), 1500);
      await refreshAll();
    }
  } catch (e) { $("live").textContent = "store busy, retrying"; }
  finally { state.polling = false; }
}

// Pushed changes (live.js): redraw now; the poll then only re-reads its signature.
document.addEventListener("wirecoder:changed", () => { state.seen = null; refreshAll(); });

function init() {
  for (const t of WC.TYPES) $("f-type").appendChild(el("option", {value: t}, t));
  for (const s of WC.STATUSES) $("f-status").appendChild(el("option", {value: s}, s));
  for (const q of QUANTITIES) $("c-quantity").appendChild(el("option", {value: q}, q));
  $("filters").addEventListener("submit", ev => { ev.preventDefault(); apply(); });
  $("f-clear").addEventListener("click", () => {
    $("filters").reset(); state.range = {}; showRange(); apply();
  });
  $("f-range").addEventListener("click", () => { state.range = {}; showRange(); refreshAll(); });
  $("more").addEventListener("click", () => api(state.next).then(p => showEvents(p, true))
    .catch(e => WC.showError(e.message)));
  $("c-incidents").addEventListener("change", () => {
    WC.claimsIncidents = $("c-incidents").checked; loadClaims().catch(e => WC.showError(e.message)); });
  $("c-quantity").addEventListener("change", () => loadClaims().catch(e => WC.showError(e.message)));
  refreshAll().then(async () => {
    const s = await api("/api/stats").catch(() => null);
    if (s) state.seen = `${s.articles}/${s.events}/${s.claims}/${s.last_ingested}`;
    document.body.dataset.ready = "1";
    const first = $("events").tBodies[0].rows[0];
    if (first && !state.selected) first.click();
  });
  setInterval(poll, Number(new URLSearchParams(location.search).get("poll") || 4000));
}

init();
})();
