// Timeline (uPlot), claims chart and map (SVG), actor graph (cytoscape).
"use strict";
(function () {
const {el, svg, clear} = WC;
const DAY = 86400;
const iso = s => new Date(s * 1000).toISOString().slice(0, 10);
const toSec = d => Date.parse(d + "T00:00:00Z") / 1000;

let plot = null;

// Stacked bars of events per day and type. Dragging selects a date range → onRange(since, until).
WC.drawTimeline = function (box, legend, data, range, onRange) {
  if (plot) { plot.destroy(); plot = null; }
  clear(box); clear(legend);
  if (!data.days.length) { box.appendChild(el("p", {class: "hint"}, "No dated events.")); return; }
  const xs = data.days.map(toSec);
  const types = data.types.slice().sort((a, b) => WC.TYPES.indexOf(a) - WC.TYPES.indexOf(b));
  let cum = xs.map(() => 0);
  const stacks = types.map(t => (cum = cum.map((c, i) => c + data.counts[t][i])));
  const series = [{}], cols = [xs];
  const bars = uPlot.paths.bars({size: [0.75, 36], align: 0});
  for (let i = types.length - 1; i >= 0; i--) {  // tallest stack first; lower ones paint over it
    const c = WC.typeColor(types[i]);
    series.push({label: types[i], fill: c, stroke: c, width: 0, paths: bars, points: {show: false}});
    cols.push(stacks[i]);
  }
  // Focus on the days holding the bulk of events: a stray "1945" or "by 2029" would otherwise
  // squeeze every bar into a hairline. The full span is one click away.
  const totals = stacks.length ? stacks[stacks.length - 1] : [];
  const all = totals.reduce((a, b) => a + b, 0);
  let lo = xs[0], hi = xs[xs.length - 1], acc = 0, hidden = 0;
  if (!WC.timelineAll && xs.length > 20) {
    // the shortest run of days holding 80% of the events (two pointers over sorted days)
    let best = [0, xs.length - 1], j = 0, sum = 0;
    for (let i = 0; i < xs.length; i++) {
      sum += totals[i];
      while (j < i && sum - totals[j] >= all * 0.8) sum -= totals[j++];
      if (sum >= all * 0.8 && xs[i] - xs[j] < xs[best[1]] - xs[best[0]]) best = [j, i];
    }
    const pad = Math.max(7 * DAY, (xs[best[1]] - xs[best[0]]) * 0.15);
    lo = Math.max(xs[0], xs[best[0]] - pad); hi = Math.min(xs[xs.length - 1], xs[best[1]] + pad);
    hidden = xs.reduce((n, x, i) => n + (x < lo || x > hi ? totals[i] : 0), 0);
  }
  const width = Math.max(300, box.clientWidth || 900);
  plot = new uPlot({
    width, height: 190, series, legend: {show: false},
    scales: {x: {time: true, range: () => [lo - DAY * 0.6, hi + DAY * 0.6]},
             y: {range: (u, lo, hi) => [0, Math.max(1, hi) * 1.08]}},
    axes: [{stroke: "#687385", grid: {show: false}, space: 70,
             incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY],
             values: (u, splits) => splits.map(s => iso(s))},
           {stroke: "#687385", grid: {stroke: "#eef0f3"}, size: 40}],
    cursor: {drag: {x: true, y: false, setScale: false}, points: {show: false}},
    hooks: {setSelect: [u => {
      if (u.select.width < 3) return;
      const a = u.posToVal(u.select.left, "x"), b = u.posToVal(u.select.left + u.select.width, "x");
      const since = iso(Math.ceil((a - DAY / 2) / DAY) * DAY), until = iso(Math.floor((b + DAY / 2) / DAY) * DAY);
      if (since <= until) onRange(since, until);
    }]},
  }, cols, box);
  if (range && range.since && range.until) {  // keep the brushed range visible across redraws
    const l = plot.valToPos(toSec(range.since) - DAY * 0.45, "x");
    const r = plot.valToPos(toSec(range.until) + DAY * 0.45, "x");
    plot.setSelect({left: l, width: Math.max(2, r - l), top: 0, height: plot.over.clientHeight}, false);
  }
  for (const t of types) legend.appendChild(el("span", {}, el("i", {style: `background:${WC.typeColor(t)}`}), t));
  if (hidden || WC.timelineAll) {
    const b = el("button", {type: "button", id: "timeline-all", class: "link"},
      WC.timelineAll ? "focus on the busiest days" : `show all dates (${hidden} event${hidden > 1 ? "s" : ""} outside ${iso(lo)} – ${iso(hi)})`);
    b.addEventListener("click", () => { WC.timelineAll = !WC.timelineAll; WC.drawTimeline(box, legend, data, range, onRange); });
    legend.appendChild(b);
  }
};

function ticks(lo, hi, n) {
  const span = hi - lo || 1, step0 = span / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map(m => m * mag).find(s => span / s <= n) || mag * 10;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(v);
  return out;
}

// Each claimant's figure over time; ▼ marks a revision, a ring marks a disagreement.
WC.drawClaims = function (box, legend, data) {
  clear(box); clear(legend);
  const MAX_LINES = 8;  // more lines than this is unreadable; the API sorts by points
  // running totals by default (the figures that get revised); per-incident figures on request
  const allLines = (data.series || []).filter(l => WC.claimsIncidents || l.kind !== "incident");
  const lines = allLines.slice(0, MAX_LINES);
  if (!lines.length) { box.appendChild(el("p", {class: "hint"}, "No claims for this quantity and filter.")); return; }
  const pts = lines.flatMap(l => l.points.filter(p => p.date));
  const W = Math.max(400, box.clientWidth || 900), H = 250, m = {l: 60, r: 20, t: 16, b: 28};
  const xs = pts.map(p => toSec(p.date)), x0 = Math.min(...xs) - DAY, x1 = Math.max(...xs) + DAY;
  const vmax = Math.max(1, ...pts.map(p => Math.max(p.value, p.value_max || 0)));
  const vmin = Math.max(1, Math.min(...pts.map(p => p.value)));
  // figures spanning orders of magnitude (a toll of tens of thousands next to a strike's
  // dozen) go on a log scale so every claimant's line stays readable
  const log = vmax / vmin > 50;
  const y1 = log ? Math.log10(vmax) + 0.15 : vmax * 1.12;
  const X = s => m.l + (s - x0) / (x1 - x0) * (W - m.l - m.r);
  const Y = v => H - m.b - (log ? Math.log10(Math.max(1, v)) : v) / y1 * (H - m.t - m.b);
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "claimed figures over time",
                           "data-scale": log ? "log" : "linear"});
  const yt = log ? Array.from({length: Math.floor(y1) + 1}, (_, i) => 10 ** i) : ticks(0, y1, 5);
  for (const v of yt) {
    root.appendChild(svg("line", {x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v), class: "axis", "stroke-dasharray": "2 3"}));
    root.appendChild(svg("text", {x: m.l - 6, y: Y(v) + 4, "text-anchor": "end"}, v.toLocaleString("en")));
  }
  const nt = Math.max(2, Math.min(7, Math.floor((W - m.l - m.r) / 130)));
  let lastLabel = "";
  for (let i = 0; i <= nt; i++) {
    const t = x0 + DAY + (x1 - x0 - 2 * DAY) * i / nt, label = iso(Math.round(t / DAY) * DAY);
    if (label !== lastLabel) root.appendChild(svg("text", {x: X(t), y: H - 8, "text-anchor": "middle"}, label));
    lastLabel = label;
  }
  root.appendChild(svg("line", {x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b, class: "axis"}));
  lines.forEach((line, i) => {
    const c = WC.seriesColor(i), ps = line.points.filter(p => p.date);
    if (ps.length > 1) root.appendChild(svg("polyline", {fill: "none", stroke: c, "stroke-width": 2,
      points: ps.map(p => `${X(toSec(p.date))},${Y(p.value)}`).join(" ")}));
    for (const p of ps) {
      const cx = X(toSec(p.date)), cy = Y(p.value);
      const g = svg("g", {class: "point", "data-claimant": line.claimant, "data-value": p.value});
      if (p.value_max) g.appendChild(svg("line", {x1: cx, x2: cx, y1: cy, y2: Y(p.value_max), stroke: c, "stroke-width": 2}));
      if (p.disagreement) g.appendChild(svg("circle", {cx, cy, r: 9, class: "dis"}));
      g.appendChild(svg("circle", {cx, cy, r: 4.5, fill: c}));
      if (p.revision) g.appendChild(svg("path", {class: "rev", d: `M${cx - 7},${cy - 20} h14 l-7,11 z`}));
      g.appendChild(svg("title", {}, `${line.claimant}: ${p.value.toLocaleString("en")}` +
        `${p.value_max ? "–" + p.value_max.toLocaleString("en") : ""} (${p.bound || "exact"}) as of ${p.date}` +
        `${p.outlet ? " · " + p.outlet : ""}${p.revision ? " · revision: " + p.revision : ""}` +
        `${p.disagreement ? " · disagrees with " + p.disagreement : ""}`));
      root.appendChild(g);
    }
  });
  box.appendChild(root);
  lines.forEach((line, i) => legend.appendChild(el("span", {}, el("i", {style: `background:${WC.seriesColor(i)}`}),
    `${line.claimant} (${line.scope}${line.kind === "incident" ? ", per incident" : ""}) latest ${line.latest.toLocaleString("en")}` +
    `${line.revisions ? ` · ${line.revisions} revision${line.revisions > 1 ? "s" : ""}` : ""}` +
    `${line.disagreements ? ` · ${line.disagreements} disagreeing` : ""}`)));
  if (allLines.length > lines.length)
    legend.appendChild(el("span", {}, `+ ${allLines.length - lines.length} more claimant lines (filter by country or date to see them)`));
};

let cy = null;
const LABEL_PX = 12;  // rendered label size, whatever the zoom the layout needed
// The top actors of the selection; edge width ∝ events; click a node to filter by that actor.
WC.drawGraph = function (box, g, onPick) {
  if (cy) { cy.destroy(); cy = null; }
  clear(box);
  box.dataset.nodes = String(g.nodes.length);
  if (!g.nodes.length) { box.appendChild(el("p", {class: "hint"}, "No actors in this selection.")); return; }
  const maxW = Math.max(1, ...g.edges.map(e => e.events));
  const maxN = Math.max(1, ...g.nodes.map(n => n.events));
  cy = cytoscape({
    container: box,
    elements: [
      ...g.nodes.map(n => ({data: {id: n.id, label: n.id, w: n.events, role: n.out >= n.in ? "actor" : "recipient"}})),
      ...g.edges.map((e, i) => ({data: {id: "e" + i, source: e.source, target: e.target, w: e.events}})),
    ],
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": LABEL_PX, "color": "#1d2330",
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 140,
        "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1,
        "width": `mapData(w, 1, ${maxN}, 12, 40)`, "height": `mapData(w, 1, ${maxN}, 12, 40)`,
        "background-color": "#2457c5", "border-width": 1, "border-color": "#fff"}},
      {selector: "node[role = 'recipient']", style: {"background-color": "#c5482b"}},
      {selector: "edge", style: {"width": `mapData(w, 1, ${maxW}, 1.5, 9)`, "line-color": "#9aa6b8",
        "target-arrow-color": "#9aa6b8", "target-arrow-shape": "triangle", "curve-style": "bezier",
        "arrow-scale": 0.9, "opacity": 0.85}},
    ],
    layout: {name: "preset"},
    minZoom: 0.2, maxZoom: 3,
  });
  // Connected actors by a force layout (strong repulsion: labels need room more than edges);
  // actors without an edge among the top ones in rows below it, a label's width apart.
  const lonely = cy.nodes().filter(n => n.degree(false) === 0);
  const linked = cy.elements().not(lonely);
  if (linked.length) linked.layout({name: "cose", animate: false, randomize: true, fit: false,
    nodeRepulsion: () => 400000, nodeOverlap: 40, idealEdgeLength: () => 120,
    componentSpacing: 90, gravity: 0.5}).run();
  const bb = linked.length ? linked.boundingBox() : {x1: 0, x2: 600, y2: 0};
  const cols = Math.max(1, Math.floor(Math.max(bb.x2 - bb.x1, 600) / 180));
  lonely.forEach((n, i) => n.position({x: bb.x1 + 90 + (i % cols) * 180, y: bb.y2 + 70 + Math.floor(i / cols) * 60}));
  cy.fit(undefined, 24);
  // cose zooms out to fit; scale the font back up so labels render at LABEL_PX on screen
  const fit = () => { const k = 1 / Math.min(1, cy.zoom());
    cy.style().selector("node").style({"font-size": LABEL_PX * k, "text-max-width": 130 * k}).update(); };
  fit();
  cy.on("zoom", fit);
  cy.on("tap", "node", ev => onPick(ev.target.id()));
};
WC.graph = () => cy;
WC.timelinePlot = () => plot;
})();
