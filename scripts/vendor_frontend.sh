#!/usr/bin/env bash
# Copy the dashboard's front-end libraries from node_modules into the package, with their
# licences, so the dashboard runs offline and nothing is fetched at run time.
# Usage: npm ci --ignore-scripts && scripts/vendor_frontend.sh  (no install hooks needed;
# swagger-ui-dist pulls in @scarf/scarf, an install-time analytics hook: off in package.json)
set -euo pipefail
cd "$(dirname "$0")/.."
NM=node_modules
OUT=src/wirecoder/api/static/vendor
[ -d "$NM" ] || { echo "vendor_frontend: run 'npm ci' first" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT"
copy() {  # copy <package> <file in package> [<target name>]
  local pkg=$1 file=$2 name=${3:-$(basename "$2")}
  mkdir -p "$OUT/$pkg"
  cp "$NM/$pkg/$file" "$OUT/$pkg/$name"
  cp "$NM/$pkg/LICENSE" "$OUT/$pkg/LICENSE"
}
copy uplot dist/uPlot.iife.min.js
copy uplot dist/uPlot.min.css
copy cytoscape dist/cytoscape.min.js
copy d3-array dist/d3-array.min.js
copy d3-geo dist/d3-geo.min.js
copy topojson-client dist/topojson-client.min.js
copy world-atlas countries-110m.json
# Swagger UI for the API docs page at /docs (FastAPI's default pulls it from a CDN).
copy swagger-ui-dist swagger-ui-bundle.js
copy swagger-ui-dist swagger-ui.css
copy swagger-ui-dist favicon-32x32.png
cp "$NM/swagger-ui-dist/NOTICE" "$OUT/swagger-ui-dist/NOTICE"  # Apache-2.0 asks to keep it
mv "$OUT/swagger-ui-dist" "$OUT/swagger-ui"
# One line per library: name, version, licence (checked: MIT / ISC / BSD / Apache-2.0 only).
node -e '
const fs = require("fs"), ok = new Set(["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0"]);
const rows = ["uplot", "cytoscape", "d3-array", "d3-geo", "topojson-client", "world-atlas",
  "swagger-ui-dist"].map(p => {
  const j = JSON.parse(fs.readFileSync(`node_modules/${p}/package.json`));
  if (!ok.has(j.license)) { console.error(`vendor_frontend: ${p} has licence ${j.license}`); process.exit(1); }
  return `${p}\t${j.version}\t${j.license}`;
});
fs.writeFileSync(process.argv[1] + "/VERSIONS.tsv", "package\tversion\tlicense\n" + rows.join("\n") + "\n");
' "$OUT"
echo "vendored into $OUT:"; cat "$OUT/VERSIONS.tsv"
