// Dashboard state: filters (kept in the URL) → every panel. New data shows up live: the store
// is polled, and a `wirecoder:changed` DOM event (live.js, server-sent events) refreshes too.
"use strict";
(function () {
const {el, api, clear} = WC;
const state = {filters: {}, top: "30", tab: "claims", sel: "", next: null, tableNext: null,
               version: 0, seen: null, gen: 0};
window.__wc = state;

const $ = id => document.getElementById(id);
const QUANTITIES = ["killed", "injured", "missing", "hostages", "released", "detained",
                    "displaced", "evacuated", "other"];
const PANELS = ["p-timeline", "p-events", "p-graph", "p-map", "p-tables", "p-claims"];
const fmt = n => Number(n || 0).toLocaleString("en");
const noRange = f => { const {since, until, ...rest} = f; return rest; };

function bump() { state.version += 1; document.body.dataset.version = String(state.version); }
function busy(ids, on) { for (const id of ids) $(id).setAttribute("aria-busy", on ? "true" : "false"); }

function readForm() {
  const f = {};
  for (const k of WC.FILTER_KEYS) {
    const v = $("f-" + k).value.trim();
    if (v) f[k] = v;
  }
  state.filters = f;
}

function ensureOption(select, value) {
  if (value && ![...select.options].some(o => o.value === value))
    select.appendChild(el("option", {value}, value));
}

function writeForm() {
  for (const k of WC.FILTER_KEYS) {
    if (k === "country" || k === "type" || k === "status") ensureOption($("f-" + k), state.filters[k]);
    $("f-" + k).value = state.filters[k] || "";
  }
  $("g-top").value = state.top;
  showRange();
}

function showRange() {
  const {since, until} = state.filters;
  $("f-range").textContent = since || until ? `${since || "…"} → ${until || "…"} ✕` : "";
}

function fromURL() {
  const u = WC.readURL();
  state.filters = u.filters;
  state.top = u.top || "30";
  state.tab = WC.TABLES[u.tab] ? u.tab : "claims";
  state.sel = u.sel;
  writeForm();
}

const saveURL = replace => WC.writeURL(state, replace);

async function loadCountries() {
  const {items} = await api("/api/countries");
  const sel = $("f-country"), keep = state.filters.country || "";
  while (sel.options.length > 1) sel.remove(1);
  for (const c of items) sel.appendChild(el("option", {value: c.iso3}, `${c.name} (${fmt(c.events)})`));
  ensureOption(sel, keep);
  sel.value = keep;
}

async function loadStats() {
  const s = await api("/api/stats");
  const box = clear($("stats"));
  for (const k of ["articles", "events", "actors", "claims", "quotes"])
    box.appendChild(el("span", {"data-stat": k}, el("b", {}, fmt(s[k])), k));
  return s;
}

function showEvents(page, append, total) {
  state.next = page.next;
  WC.renderEventRows($("events").tBodies[0], page.items, uid => openSel("ev:" + uid), append);
  const body = $("events").tBodies[0], n = body.querySelectorAll("tr[data-uid]").length;
  if (!n) body.appendChild(el("tr", {class: "empty"}, el("td", {colspan: 4}, "No events match these filters.")));
  $("more").hidden = !page.next;
  if (total != null) state.total = total;
  $("events-count").textContent = `${fmt(n)} of ${fmt(state.total)}`;
  markSelected();
}

function markSelected() {
  for (const r of document.querySelectorAll("tr.sel")) r.classList.remove("sel");
  const [kind, id] = splitSel(state.sel || state.auto || "");
  const row = kind === "ev" ? $("events").querySelector(`tr[data-uid="${CSS.escape(id)}"]`)
                            : $("t-table").querySelector(`tr[data-sel="${CSS.escape(state.sel)}"]`);
  if (row) row.classList.add("sel");
}

function splitSel(sel) {
  const i = sel.indexOf(":");
  return i < 0 ? ["", ""] : [sel.slice(0, i), sel.slice(i + 1)];
}
const articleOf = uid => uid.slice(0, uid.lastIndexOf(":"));

// Show the selected item (event, claim, quote or article) in the event panel.
async function showSel(sel) {
  const [kind, id] = splitSel(sel);
  const box = $("event");
  busy(["p-event"], true);
  try {
    if (kind === "ev") WC.renderEvent(box, await api("/api/events/" + encodeURIComponent(id)));
    else if (kind === "claim" || kind === "quote") {
      const art = await api("/api/articles/" + encodeURIComponent(articleOf(id)));
      const item = (kind === "claim" ? art.claims : art.quotes).find(x => x.uid === id);
      if (!item) throw new Error(`not_found: no ${kind} ${id}`);
      WC.renderEvidence(box, kind, item, art, uid => openSel("ev:" + uid));
    } else if (kind === "art") WC.renderArticle(box, await api("/api/articles/" + encodeURIComponent(id)), uid => openSel("ev:" + uid));
    else clear(box).appendChild(el("p", {class: "hint"}, "Pick an event, a claim, a quote or an article."));
    box.dataset.sel = sel;
  } catch (e) { WC.showError(e.message); }
  finally { busy(["p-event"], false); markSelected(); }
}

function openSel(sel) {
  state.sel = sel;
  saveURL(false);
  showSel(sel).finally(bump);
}

async function loadTable(append) {
  const spec = WC.TABLES[state.tab];
  for (const b of document.querySelectorAll(".tabs button"))
    b.setAttribute("aria-selected", b.dataset.tab === state.tab ? "true" : "false");
  const page = await api(append ? state.tableNext : spec.path + "?" + WC.selectionQuery(state.filters, {limit: 50}));
  state.tableNext = page.next;
  WC.renderTable($("t-table"), state.tab, page, sel => WC.urlFor({...state, sel}), openSel, append);
  $("t-more").hidden = !page.next;
  $("tab-" + state.tab).querySelector("small").textContent = fmt(page.total);
  markSelected();
}

async function loadTabCounts() {
  await Promise.all(Object.keys(WC.TABLES).filter(t => t !== state.tab).map(async t => {
    const p = await api(WC.TABLES[t].path + "?" + WC.selectionQuery(state.filters, {limit: 1}));
    $("tab-" + t).querySelector("small").textContent = fmt(p.total);
  }));
}

function seriesParams() {
  const countries = (state.filters.country || "").split(",").filter(Boolean);
  return {quantity: $("c-quantity").value,
          country: countries.length === 1 ? countries[0].toUpperCase() : "",
          since: state.filters.since, until: state.filters.until};
}

async function loadClaims() {
  WC.drawClaims($("claims"), $("claims-legend"), await api("/api/series", seriesParams()));
}

function showDownloads() {
  for (const f of ["csv", "parquet", "acled"])
    $("dl-" + f).href = "/api/selection/download?" + WC.selectionQuery(state.filters, {format: f});
}

// Everything but the timeline follows the date range; the timeline shows all dates.
// Only the latest refresh draws: a slow older response never overwrites a newer filter.
async function refreshFiltered() {
  const gen = ++state.gen, f = state.filters;
  const ids = PANELS.filter(p => p !== "p-timeline");
  busy(ids, true);
  try {
    const [graph, places, page, sum, series] = await Promise.all([
      api("/api/selection/graph", {...f, top: state.top}), api("/api/places", f),
      api("/api/events", {...f, limit: 100}), api("/api/selection/summary", f),
      api("/api/series", seriesParams()), WC.loadWorld()]);
    if (gen !== state.gen) return;
    showEvents(page, false, sum.events);
    WC.drawClaims($("claims"), $("claims-legend"), series);
    WC.drawGraph($("graph"), graph, name => { state.filters = {...state.filters, actor: name}; writeForm(); apply(true); });
    $("graph-count").textContent = `top ${fmt(graph.nodes.length)} of ${fmt(graph.total)} actors · click one to filter`;
    WC.drawMap($("map"), places.items, p => { state.filters = {...state.filters, country: p.country || ""}; writeForm(); apply(true); });
    showDownloads();
    await Promise.all([loadTable(false), loadTabCounts()]);
  } finally { if (gen === state.gen) busy(ids, false); }
}

async function refreshAll() {
  WC.showError("");
  busy(["p-timeline"], true);
  try {
    const [, tl] = await Promise.all([loadStats(), api("/api/timeline", noRange(state.filters))]);
    const {since, until} = state.filters;
    WC.drawTimeline($("timeline"), $("timeline-legend"), tl, since && until ? {since, until} : {}, setRange);
    busy(["p-timeline"], false);
    await refreshFiltered();
    if (state.sel) await showSel(state.sel);
    else {  // nothing chosen: show the newest event, without a history entry
      const first = $("events").querySelector("tbody tr[data-uid]");
      state.auto = first ? "ev:" + first.dataset.uid : "";
      if (state.auto) await showSel(state.auto);
      else await showSel("");
    }
  } catch (e) { WC.showError(e.message); busy(PANELS, false); }
  bump();
}

function setRange(since, until) {
  state.filters = {...state.filters, since, until};
  writeForm();
  saveURL(false);
  WC.showError("");
  refreshFiltered().catch(e => WC.showError(e.message)).finally(bump);
}

// push: a new history entry (user changed the filters); the open item is kept.
function apply(push) {
  if (push !== false) { readForm(); saveURL(false); }
  showRange();
  return refreshAll();
}

// Live: poll the store's counts; when ingest adds articles, redraw without a reload. One poll
// at a time, and the new signature is recorded before redrawing, so a slow redraw never stacks
// up more redraws behind it.
async function poll() {
  if (state.polling) return;
  state.polling = true;
  try {
    const s = await api("/api/stats");
    const sig = `${s.articles}/${s.events}/${s.claims}/${s.last_ingested}`;
    const changed = state.seen !== null && sig !== state.seen;
    state.seen = sig;
    if (changed) await changedElsewhere();
  } catch (e) { $("live").textContent = "store busy, retrying"; }
  finally { state.polling = false; }
}

async function changedElsewhere() {
  $("live").textContent = `updated ${new Date().toLocaleTimeString()}`;
  $("live").classList.add("flash");
  setTimeout(() => $("live").classList.remove("flash"), 1500);
  await loadCountries().catch(() => null);
  await refreshAll();
}

function init() {
  for (const t of WC.TYPES) $("f-type").appendChild(el("option", {value: t}, t));
  for (const s of WC.STATUSES) $("f-status").appendChild(el("option", {value: s}, s));
  for (const q of QUANTITIES) $("c-quantity").appendChild(el("option", {value: q}, q));
  $("filters").addEventListener("submit", ev => { ev.preventDefault(); apply(); });
  $("f-country").addEventListener("change", () => apply());
  $("f-clear").addEventListener("click", () => {
    state.filters = {}; writeForm(); WC.resetMapZoom(); saveURL(false); apply(false);
  });
  $("f-range").addEventListener("click", () => {
    $("f-since").value = ""; $("f-until").value = ""; apply();
  });
  $("more").addEventListener("click", () => api(state.next).then(p => showEvents(p, true))
    .catch(e => WC.showError(e.message)));
  $("t-more").addEventListener("click", () => loadTable(true).catch(e => WC.showError(e.message)));
  for (const b of document.querySelectorAll(".tabs button"))
    b.addEventListener("click", () => {
      state.tab = b.dataset.tab; saveURL(false);
      loadTable(false).catch(e => WC.showError(e.message)).finally(bump);
    });
  $("g-top").addEventListener("change", () => {
    state.top = $("g-top").value; saveURL(false); refreshFiltered().catch(e => WC.showError(e.message)).finally(bump);
  });
  $("c-incidents").addEventListener("change", () => {
    WC.claimsIncidents = $("c-incidents").checked; loadClaims().catch(e => WC.showError(e.message)); });
  $("c-quantity").addEventListener("change", () => loadClaims().catch(e => WC.showError(e.message)));
  window.addEventListener("popstate", () => { fromURL(); refreshAll(); });
  document.addEventListener("wirecoder:changed", () => { changedElsewhere(); });
  fromURL();
  loadCountries().catch(e => WC.showError(e.message)).then(() => { writeForm(); return refreshAll(); })
    .then(async () => {
      const s = await api("/api/stats").catch(() => null);
      if (s) state.seen = `${s.articles}/${s.events}/${s.claims}/${s.last_ingested}`;
      document.body.dataset.ready = "1";
    });
  setInterval(poll, Number(new URLSearchParams(location.search).get("poll") || 4000));
}

init();
})();
