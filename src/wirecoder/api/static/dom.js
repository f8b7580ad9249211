// DOM helpers. Data is only ever written with textContent / setAttribute, never innerHTML:
// article text may contain markup and it must show as text.
"use strict";
const WC = window.WC = {};

WC.el = function (tag, attrs, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "on") { for (const [ev, fn] of Object.entries(v)) n.addEventListener(ev, fn); }
    else if (k === "style") n.setAttribute("style", v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    n.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return n;
};

WC.svg = function (tag, attrs, ...children) {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) n.setAttribute(k, String(v));
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    n.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return n;
};

WC.clear = function (n) { while (n.firstChild) n.removeChild(n.firstChild); return n; };

// One colour per PLOVER type (stable across panels).
WC.TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
            "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
WC.STATUSES = ["occurred", "ongoing", "planned", "possible", "negated", "historical"];
const PALETTE = ["#4e79a7", "#59a14f", "#76b7b2", "#8cd17d", "#499894", "#86bcb6", "#b6992d",
                 "#f1ce63", "#f28e2b", "#ffbe7d", "#e15759", "#ff9d9a", "#9d7660", "#bab0ac",
                 "#b07aa1", "#c5482b"];
WC.typeColor = t => PALETTE[Math.max(0, WC.TYPES.indexOf(t)) % PALETTE.length];
WC.seriesColor = i => ["#2457c5", "#c5482b", "#2f9e44", "#b07aa1", "#e08600", "#17a2b8",
                       "#6c757d", "#9c6b30"][i % 8];

WC.badge = t => WC.el("span", {class: "badge", style: `background:${WC.typeColor(t)}`}, t);

WC.showError = function (msg) { document.getElementById("error").textContent = msg || ""; };

// GET /api/…; errors come back in the API's one shape {"error": {code, message, field}}.
WC.api = async function (path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
  const r = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const e = body.error || {};
    throw new Error(`${e.code || r.status}: ${e.message || r.statusText}`);
  }
  return body;
};
