// JavaScript (and CSS) a browser loads first for each page route of a production build, read from
// the build's own manifests: the framework's root chunks plus every client chunk of the route's
// segments (layout, error and not-found boundaries, page). Sizes raw and gzip-compressed.
// Usage: node bench/frontend/js-per-route.mjs [distDir=.next] [--json]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const distDir = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : ".next";
const asJson = process.argv.includes("--json");
const buildManifest = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8"));
const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(distDir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}
function manifests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifests(path);
    return name === "page_client-reference-manifest.js" ? [path] : [];
  });
}
const total = (files) =>
  [...files].reduce(
    (sum, file) => {
      const size = sizeOf(file);
      return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip };
    },
    { raw: 0, gzip: 0 },
  );

const rows = [];
for (const path of manifests(join(distDir, "server", "app"))) {
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[route]; evaluated as such.
  new Function(readFileSync(path, "utf8"))();
  const manifest = Object.values(globalThis.__RSC_MANIFEST)[0];
  const js = new Set(buildManifest.rootMainFiles);
  for (const files of Object.values(manifest.entryJSFiles)) for (const file of files) js.add(file);
  const css = new Set(Object.values(manifest.entryCSSFiles).flatMap((files) => files.map((file) => file.path)));
  rows.push({
    route: "/" + relative(join(distDir, "server", "app"), path).replace(/\/?page_client-reference-manifest\.js$/, ""),
    js: total(js),
    css: total(css),
  });
}
rows.sort((a, b) => a.route.localeCompare(b.route));
const kb = (bytes) => (bytes / 1024).toFixed(1);
if (asJson) console.log(JSON.stringify(rows, null, 2));
else {
  console.log("| route | JS gzip kB | JS raw kB | CSS gzip kB |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const row of rows)
    console.log(`| ${row.route} | ${kb(row.js.gzip)} | ${kb(row.js.raw)} | ${kb(row.css.gzip)} |`);
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `\n${rows.length} routes; median JS ${kb(median(rows.map((r) => r.js.gzip)))} kB gzip, max ${kb(Math.max(...rows.map((r) => r.js.gzip)))} kB gzip`,
  );
}
