// The map: the whole world on the bundled outline (no tiles), nearby places clustered in
// screen space, labels placed only where they collide with nothing. Click a cluster of several
// places to zoom into it; click a single place to filter by its country.
"use strict";
(function () {
const {el, svg, clear} = WC;
const CLUSTER_PX = 22;          // places closer than this on screen share one marker
const LABEL_FONT = 11;
let world = null;
let zoom = null;                // [[lon0, lat0], [lon1, lat1]] or null for the whole world

WC.loadWorld = async function () {
  if (!world) world = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  return world;
};

// Greedy clustering: biggest places first; each joins the first cluster within CLUSTER_PX.
function cluster(points) {
  const out = [];
  for (const p of points.slice().sort((a, b) => b.events - a.events)) {
    const c = out.find(c => Math.hypot(c.x - p.x, c.y - p.y) < CLUSTER_PX);
    if (c) { c.members.push(p); c.events += p.events; }
    else out.push({x: p.x, y: p.y, members: [p], events: p.events});
  }
  return out;
}

const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

// Label boxes tried right, left, above, below the marker; the first that hits no other label,
// no marker and stays inside the map wins; otherwise the place goes unlabelled (its tooltip
// still names it).
function placeLabels(clusters, W, H) {
  const taken = clusters.map(c => ({x0: c.x - c.r, x1: c.x + c.r, y0: c.y - c.r, y1: c.y + c.r}));
  const labels = [];
  for (const c of clusters) {
    const text = c.members.length > 1 ? `${c.members[0].name || "?"} +${c.members.length - 1}`
                                      : c.members[0].name;
    if (!text) continue;
    const w = text.length * LABEL_FONT * 0.6 + 4, h = LABEL_FONT + 3;
    const spots = [[c.x + c.r + 3, c.y - h / 2], [c.x - c.r - 3 - w, c.y - h / 2],
                   [c.x - w / 2, c.y - c.r - 2 - h], [c.x - w / 2, c.y + c.r + 2]];
    for (const [x, y] of spots) {
      const box = {x0: x, x1: x + w, y0: y, y1: y + h};
      if (x < 0 || y < 0 || x + w > W || y + h > H) continue;
      if (taken.some(t => overlaps(t, box))) continue;
      taken.push(box);
      labels.push({text, x, y, h});
      break;
    }
  }
  return labels;
}

function bbox(members) {
  const lons = members.map(p => p.lon), lats = members.map(p => p.lat);
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
}

// places: [{name, country, lat, lon, events}]; onPick(place) filters by the place's country.
WC.drawMap = function (box, places, onPick) {
  clear(box);
  const W = Math.max(300, box.clientWidth || 600);
  const land = topojson.feature(world, world.objects.countries);
  const proj = d3.geoNaturalEarth1();
  const sphere = {type: "Sphere"};
  proj.fitWidth(W - 8, sphere);
  const H = Math.ceil(d3.geoPath(proj).bounds(sphere)[1][1]) + 8;
  if (zoom) {
    const pad = Math.max(1.5, (zoom[1][0] - zoom[0][0]) * 0.25);
    proj.fitExtent([[8, 8], [W - 8, H - 8]], {type: "MultiPoint", coordinates: [
      [zoom[0][0] - pad, zoom[0][1] - pad], [zoom[1][0] + pad, zoom[1][1] + pad]]});
  } else proj.fitExtent([[4, 4], [W - 4, H - 4]], sphere);
  const path = d3.geoPath(proj);
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event locations",
                           "data-zoomed": zoom ? "1" : "0"});
  root.appendChild(svg("path", {d: path(sphere), class: "sea"}));
  for (const f of land.features) root.appendChild(svg("path", {d: path(f), class: "land"}, svg("title", {}, f.properties.name)));
  const pts = [];
  for (const p of places) {
    const xy = proj([p.lon, p.lat]);
    if (xy && xy[0] >= 0 && xy[0] <= W && xy[1] >= 0 && xy[1] <= H) pts.push({...p, x: xy[0], y: xy[1]});
  }
  const clusters = cluster(pts);
  const max = Math.max(1, ...clusters.map(c => c.events));
  for (const c of clusters) c.r = 5 + 13 * Math.sqrt(c.events / max);
  for (const c of clusters) {
    const countries = [...new Set(c.members.map(p => p.country || ""))];
    const many = c.members.length > 1;
    const g = svg("g", {class: many ? "cluster many" : "cluster", "data-places": c.members.length,
                        "data-events": c.events, "data-country": countries.length === 1 ? countries[0] : null},
      svg("circle", {cx: c.x, cy: c.y, r: c.r, class: "dot"}),
      many ? svg("text", {x: c.x, y: c.y + 3.5, class: "count", "text-anchor": "middle"}, String(c.members.length)) : null,
      svg("title", {}, c.members.slice(0, 12).map(p =>
        `${p.name || "?"} (${p.country || "?"}): ${p.events} event${p.events > 1 ? "s" : ""}`).join("\n") +
        (c.members.length > 12 ? `\n… ${c.members.length - 12} more places` : "")));
    g.addEventListener("click", () => {
      if (many) { zoom = bbox(c.members); WC.drawMap(box, places, onPick); }
      else onPick(c.members[0]);
    });
    root.appendChild(g);
  }
  for (const l of placeLabels(clusters, W, H))
    root.appendChild(svg("text", {x: l.x + 2, y: l.y + l.h - 3, class: "label", "font-size": LABEL_FONT}, l.text));
  box.appendChild(root);
  if (zoom) {
    const b = el("button", {type: "button", class: "map-reset", id: "map-reset"}, "whole world");
    b.addEventListener("click", () => { zoom = null; WC.drawMap(box, places, onPick); });
    box.appendChild(b);
  }
  if (!places.length) box.appendChild(el("p", {class: "hint overlay"}, "No located events in this selection."));
  box.dataset.clusters = String(clusters.length);
};
WC.resetMapZoom = () => { zoom = null; };
})();
