// The event list and the event view (article text with marked spans, built from text nodes).
"use strict";
(function () {
const {el, clear, badge} = WC;

const who = ev => {
  const a = (ev.actors || []).join(", ") || "?";
  const r = (ev.recipients || []).join(", ");
  return r ? `${a} → ${r}` : a;
};

WC.renderEventRows = function (tbody, items, onOpen, append) {
  if (!append) clear(tbody);
  for (const ev of items) {
    const tr = el("tr", {"data-uid": ev.uid, on: {click: () => onOpen(ev.uid, tr)}},
      el("td", {}, ev.date_start || "—"),
      el("td", {}, badge(ev.type), ev.mode ? " " + ev.mode : "",
         ev.status && ev.status !== "occurred" ? el("small", {}, " · " + ev.status) : null),
      el("td", {title: ev.evidence_text || ""}, who(ev)),
      el("td", {}, [ev.location_name, ev.country].filter(Boolean).join(", ") || "—"));
    tbody.appendChild(tr);
  }
};

// Split the text at every mark boundary; each piece is a text node inside a span whose classes
// name the marks covering it (evidence, actor, recipient, date, place, figure).
WC.markedText = function (text, marks) {
  const n = text.length, cuts = new Set([0, n]);
  const ms = marks.filter(m => m.start < m.end && m.start >= 0 && m.end <= n);
  for (const m of ms) { cuts.add(m.start); cuts.add(m.end); }
  const pos = [...cuts].sort((a, b) => a - b);
  const box = el("div", {class: "article-text", id: "article-text"});
  for (let i = 0; i + 1 < pos.length; i++) {
    const a = pos[i], b = pos[i + 1], piece = text.slice(a, b);
    const kinds = [...new Set(ms.filter(m => m.start <= a && m.end >= b).map(m => m.kind))];
    box.appendChild(kinds.length
      ? el("span", {class: kinds.map(k => "m-" + k).join(" "), "data-kinds": kinds.join(" ")}, piece)
      : document.createTextNode(piece));
  }
  return box;
};

const KEYS = [["evidence", "evidence"], ["actor", "actor"], ["recipient", "recipient"],
              ["date", "date"], ["place", "place"], ["figure", "figure"]];

WC.renderEvent = function (box, d) {
  clear(box);
  const ev = d.event, doc = d.doc || {}, art = d.article || {};
  const date = ev.date_start ? (ev.date_end && ev.date_end !== ev.date_start
    ? `${ev.date_start} – ${ev.date_end}` : ev.date_start) : "unknown";
  const dl = el("dl", {},
    el("dt", {}, "Actor"), el("dd", {class: "v-actor"}, ev.actors.join(", ") || "—"),
    el("dt", {}, "Recipient"), el("dd", {class: "v-recipient"}, ev.recipients.join(", ") || "—"),
    ev.mediators.length ? [el("dt", {}, "Mediator"), el("dd", {}, ev.mediators.join(", "))] : null,
    el("dt", {}, "Date"), el("dd", {}, date, ev.date_precision ? ` (${ev.date_precision})` : "",
                             ev.date_text ? ` · “${ev.date_text}”` : ""),
    el("dt", {}, "Place"), el("dd", {}, [ev.location_name, ev.country].filter(Boolean).join(", ") || "—"),
    el("dt", {}, "Status"), el("dd", {}, ev.status || "—"),
    ev.acled_event_type ? [el("dt", {}, "ACLED"), el("dd", {}, `${ev.acled_event_type} · ${ev.acled_sub_event_type || ""}`)] : null,
    ev.dead != null || ev.injured != null ? [el("dt", {}, "Casualties"),
      el("dd", {}, [ev.dead != null ? `${ev.dead} dead` : null, ev.injured != null ? `${ev.injured} injured` : null].filter(Boolean).join(", "))] : null,
    (doc.attribution || []).length ? [el("dt", {}, "According to"), el("dd", {}, doc.attribution.map(a => a.text).join("; "))] : null,
    el("dt", {}, "Confidence"), el("dd", {}, ev.confidence != null ? ev.confidence.toFixed(2) : "—"));
  box.append(
    el("div", {}, badge(ev.type), " ", el("b", {}, ev.mode || ""), " ", el("small", {class: "hint"}, ev.uid)),
    dl,
    el("div", {class: "article-title"}, art.title || art.article_id || "",
       el("small", {class: "hint"}, [" ", art.outlet, art.published].filter(Boolean).join(" · "))),
    el("div", {class: "keys"}, KEYS.map(([k, label]) => el("span", {class: "m-" + k}, label))),
    WC.markedText(art.text || "", d.marks || []));
  if ((d.claims || []).length) {
    box.appendChild(el("div", {class: "article-title"}, "Figures"));
    box.appendChild(el("ul", {class: "sources"}, d.claims.map(c => el("li", {},
      `${c.quantity}: ${c.value}${c.value_max ? "–" + c.value_max : ""} (${c.bound})`,
      c.claimant || c.claimant_text ? ` according to ${c.claimant || c.claimant_text}` : "",
      c.as_of ? ` as of ${c.as_of}` : ""))));
  }
  if ((d.sources || []).length > 1) {
    box.appendChild(el("div", {class: "article-title"}, `Reported by ${d.sources.length} articles`));
    box.appendChild(el("ul", {class: "sources", id: "sources"}, d.sources.map(s => el("li", {},
      el("b", {}, s.outlet || s.article_id), " ", s.published || "", " — ", s.title || "",
      s.dead != null ? ` (${s.dead} dead)` : ""))));
  }
  // scroll the article (not the page) so the evidence sentence is in view
  const text = box.querySelector("#article-text"), first = text && text.querySelector(".m-evidence");
  if (text && first) text.scrollTop += first.getBoundingClientRect().top - text.getBoundingClientRect().top - 60;
};
})();
