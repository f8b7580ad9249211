// Tables of the selection's claims, quotes and articles; each row links to its evidence (the
// article text with the span marked) through a shareable URL (?sel=claim:… / quote:… / art:…).
"use strict";
(function () {
const {el, clear} = WC;
const num = v => v == null ? "" : Number(v).toLocaleString("en");
const cut = (s, n) => !s ? "" : s.length > n ? s.slice(0, n - 1) + "…" : s;
const where = r => [r.location_name, r.country].filter(Boolean).join(", ");

WC.TABLES = {
  claims: {path: "/api/selection/claims", sel: r => "claim:" + r.uid, empty: "No claims match this selection.",
    cols: [["As of", r => r.as_of || "—"],
           ["Figure", r => `${r.quantity}: ${num(r.value)}${r.value_max ? "–" + num(r.value_max) : ""}` +
                           (r.bound && r.bound !== "exact" ? ` (${r.bound.replace("_", " ")})` : "")],
           ["Claimant", r => r.claimant || "—"], ["Where", r => where(r) || "—"]]},
  quotes: {path: "/api/selection/quotes", sel: r => "quote:" + r.uid, empty: "No quotes match this selection.",
    cols: [["Date", r => r.published || "—"], ["Speaker", r => r.speaker || "—"],
           ["Quote", r => (r.direct ? "“" : "") + cut(r.text, 160) + (r.direct ? "”" : "")]]},
  articles: {path: "/api/selection/articles", sel: r => "art:" + r.article_id, empty: "No articles match this selection.",
    cols: [["Published", r => r.published || "—"], ["Outlet", r => r.outlet || "—"], ["Events", r => num(r.events)]]},
};

// One page of a table; the last cell is a link to the row's evidence (URL with ?sel=…).
WC.renderTable = function (table, kind, page, linkFor, onOpen, append) {
  const spec = WC.TABLES[kind];
  const thead = clear(table.tHead || table.createTHead()), tbody = table.tBodies[0] || table.createTBody();
  thead.appendChild(el("tr", {}, spec.cols.map(c => el("th", {}, c[0])), el("th", {}, "Evidence")));
  if (!append) clear(tbody);
  for (const r of page.items) {
    const sel = spec.sel(r);
    const a = el("a", {href: linkFor(sel), class: "ev-link"}, cut(r.article_title || r.title || r.article_id, 70));
    a.addEventListener("click", ev => { if (!ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); onOpen(sel); } });
    tbody.appendChild(el("tr", {"data-sel": sel, on: {click: ev => { if (ev.target !== a) onOpen(sel); }}},
      spec.cols.map(c => el("td", {}, c[1](r))), el("td", {}, a)));
  }
  if (!tbody.rows.length)
    tbody.appendChild(el("tr", {class: "empty"}, el("td", {colspan: spec.cols.length + 1}, spec.empty)));
};

function articleHead(art) {
  const url = art.url && /^https?:\/\//.test(art.url) ? el("a", {href: art.url, rel: "noopener noreferrer", target: "_blank"}, "original") : null;
  return el("div", {class: "article-title"}, art.title || art.article_id || "",
    el("small", {class: "hint"}, [" ", art.outlet, art.published].filter(Boolean).join(" · "), url ? " · " : "", url));
}

function scrollToMark(box) {
  const text = box.querySelector("#article-text"), first = text && text.querySelector(".m-evidence");
  if (text && first) text.scrollTop += first.getBoundingClientRect().top - text.getBoundingClientRect().top - 60;
}

// A claim's or quote's evidence: its facts, then the article with the span marked.
WC.renderEvidence = function (box, kind, item, art, onOpenEvent) {
  clear(box);
  const facts = kind === "claim"
    ? [["Figure", `${item.quantity}: ${num(item.value)}${item.value_max ? "–" + num(item.value_max) : ""} (${item.bound || "exact"})`],
       ["Claimant", item.claimant || item.claimant_text || "—"], ["As of", item.as_of || "—"]]
    : [["Speaker", item.speaker || item.speaker_text || "—"], ["Cue", item.cue || "—"],
       ["Kind", item.direct ? "direct quote" : "indirect quote"]];
  box.append(el("div", {}, el("b", {}, kind === "claim" ? "Claim" : "Quote"), " ", el("small", {class: "hint"}, item.uid)),
    el("dl", {}, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
  if (item.event_uid) {
    const b = el("button", {type: "button", class: "link", id: "open-event"}, "open its event");
    b.addEventListener("click", () => onOpenEvent(item.event_uid));
    box.appendChild(b);
  }
  const marks = item.evidence_start != null ? [{kind: "evidence", start: item.evidence_start, end: item.evidence_end}] : [];
  box.append(articleHead(art), WC.markedText(art.text || "", marks));
  scrollToMark(box);
};

// An article: its events (each opens the event view) and its text with their evidence marked.
WC.renderArticle = function (box, art, onOpenEvent) {
  clear(box);
  const evs = art.events || [];
  box.append(el("div", {}, el("b", {}, "Article"), " ", el("small", {class: "hint"}, art.article_id)), articleHead(art),
    el("ul", {class: "sources", id: "article-events"}, evs.map(e => {
      const b = el("button", {type: "button", class: "link", "data-uid": e.uid},
        `${e.type}${e.mode ? " " + e.mode : ""} · ${e.date_start || "undated"} · ${e.location_name || "no place"}`);
      b.addEventListener("click", () => onOpenEvent(e.uid));
      return el("li", {}, b);
    })),
    WC.markedText(art.text || "", evs.filter(e => e.evidence_start != null)
      .map(e => ({kind: "evidence", start: e.evidence_start, end: e.evidence_end}))));
  scrollToMark(box);
};
})();
