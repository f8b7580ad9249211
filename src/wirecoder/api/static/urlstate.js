// The dashboard's state in the URL's query string, so the back button works and a link shows
// the same selection: filters, date range, graph size, table tab and the open item (sel).
"use strict";
(function () {
WC.FILTER_KEYS = ["type", "status", "country", "actor", "q", "since", "until"];
WC.VIEW_KEYS = ["top", "tab", "sel"];
const KEYS = [...WC.FILTER_KEYS, ...WC.VIEW_KEYS];

// {filters: {...}, top, tab, sel} from the current location.
WC.readURL = function () {
  const p = new URLSearchParams(location.search), filters = {};
  for (const k of WC.FILTER_KEYS) if (p.get(k)) filters[k] = p.get(k);
  return {filters, top: p.get("top") || "", tab: p.get("tab") || "", sel: p.get("sel") || ""};
};

// The query string for a state; keys the dashboard does not own (e.g. poll) are kept.
WC.urlFor = function (st) {
  const p = new URLSearchParams(location.search);
  for (const k of KEYS) p.delete(k);
  for (const k of WC.FILTER_KEYS) if (st.filters[k]) p.set(k, st.filters[k]);
  for (const k of WC.VIEW_KEYS) if (st[k]) p.set(k, st[k]);
  const q = p.toString();
  return location.pathname + (q ? "?" + q : "");
};

// A new history entry when the state changed (replace: rewrite the current one instead).
WC.writeURL = function (st, replace) {
  const url = WC.urlFor(st);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
};

// API query parameters of the selection (filters only), for downloads and lists.
WC.selectionQuery = function (filters, extra) {
  const p = new URLSearchParams();
  for (const k of WC.FILTER_KEYS) if (filters[k]) p.set(k, filters[k]);
  for (const [k, v] of Object.entries(extra || {})) if (v) p.set(k, v);
  return p.toString();
};
})();
