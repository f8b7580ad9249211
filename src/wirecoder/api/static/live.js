// Live: the server pushes store changes (server-sent events from /api/stream); each one is
// re-dispatched as a DOM event, `wirecoder:changed`, for whichever panels want to redraw.
// detail: {version, previous, new_articles, new_events, articles, events, merged_events}.
"use strict";
(function () {
if (!window.EventSource) return;  // the dashboard's own poll still updates it
let seen = null;  // fingerprint of the store as last announced

function changed(detail) {
  document.body.dataset.storeVersion = String(detail.version);
  document.dispatchEvent(new CustomEvent("wirecoder:changed", {detail}));
}

const source = new EventSource("/api/stream");
// Sent on every (re)connect: a change missed while disconnected is announced here.
source.addEventListener("version", ev => {
  const d = JSON.parse(ev.data);
  if (seen !== null && d.fingerprint !== seen) changed({...d, previous: null});
  seen = d.fingerprint;
  document.body.dataset.live = "1";
});
source.addEventListener("changed", ev => {
  const d = JSON.parse(ev.data);
  seen = d.fingerprint;
  changed(d);
});
source.addEventListener("error", () => { document.body.dataset.live = "0"; });
window.addEventListener("pagehide", () => source.close());
})();
