// npm test — the whole suite from a fresh clone: installs what the tests need (Debian's chromium
// when it can, the drift test's schema renderer), runs the unit/integration tests (vitest, real
// embedded PostgreSQL) and the end-to-end tests (Playwright in chromium), then prints one line
// "N passed, N failed". CI (.ci/run) calls exactly this.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the end-to-end tests (apt-get)…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync("/usr/bin/chromium")) return true;
  }
  console.error(
    "No browser for the end-to-end tests. Install Debian's chromium (as root: apt-get update && apt-get install -y chromium)," +
      " or elsewhere Playwright's own browser (npx playwright install chromium).",
  );
  return false;
}

// The certificate and record tests read the PDFs as a person would, with poppler's pdftotext.
function ensurePdftotext() {
  if (spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0) return;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's poppler-utils (pdftotext) for the PDF tests (apt-get)…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "poppler-utils"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error("The PDF tests need pdftotext: install poppler-utils (as root: apt-get install -y poppler-utils).");
}

function ensureSchemaRenderer() {
  if (existsSync(path.join(ROOT, "tools/schema-sql/node_modules/.bin/prisma"))) return;
  console.log("Installing tools/schema-sql (Prisma's WebAssembly schema engine, for the drift test)…");
  const result = run("npm", ["ci", "--prefix", "tools/schema-sql", "--no-audit", "--no-fund", "--loglevel=error"]);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, failures: [] };
  const report = JSON.parse(readFileSync(file, "utf8"));
  // Named again at the very end: CI keeps only the tail of a long run's output.
  const failures = (report.testResults ?? []).flatMap((suite) =>
    (suite.assertionResults ?? [])
      .filter((test) => test.status === "failed")
      .map((test) => {
        const reason = String(test.failureMessages?.[0] ?? "")
          .split("\n")[0]
          .slice(0, 300);
        return `${path.relative(ROOT, suite.name)} › ${test.fullName}: ${reason}`;
      }),
  );
  return {
    failures,
    passed: report.numPassedTests ?? 0,
    failed:
      (report.numFailedTests ?? 0) +
      (report.numTotalTestSuites && report.success === false && !report.numFailedTests ? 1 : 0),
  };
}

// A run that could not start (web server crash, config error) reports no test at all but top-level
// errors and a non-zero exit: that counts as a failure, never as "0 failed".
function countPlaywright(file, exitStatus) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  const stats = report.stats ?? {};
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (report.errors?.length ?? 0);
  return { passed: stats.expected ?? 0, failed: failed === 0 && exitStatus !== 0 ? 1 : failed };
}

mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
// A report left by an earlier run must never be counted as this run's.
for (const report of ["vitest.json", "e2e.json"]) rmSync(path.join(ROOT, "test-results", report), { force: true });
ensureSchemaRenderer();
ensurePdftotext();
const hasBrowser = ensureChromium();

const only = process.argv[2]; // "unit" or "e2e" to run one half
let unit = { passed: 0, failed: 0, failures: [] };
let e2e = { passed: 0, failed: 0 };
const seconds = { unit: null, e2e: null };
const since = (start) => Math.round((performance.now() - start) / 1000);
const duration = (value) => (value === null ? "not run" : `${Math.floor(value / 60)} min ${value % 60} s`);

if (only !== "e2e") {
  const startedAt = performance.now();
  const vitestJson = path.join(ROOT, "test-results/vitest.json");
  const vitest = run("npx", [
    "--no-install",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${vitestJson}`,
  ]);
  unit = countVitest(vitestJson);
  if (unit.failed === 0 && vitest.status !== 0) unit.failed = 1; // e.g. an unhandled error outside any test
  seconds.unit = since(startedAt);
  console.log(`\nunit+integration took ${duration(seconds.unit)}`);
}

if (only !== "unit") {
  const startedAt = performance.now();
  if (!hasBrowser) {
    e2e = { passed: 0, failed: 1 };
  } else {
    const distDir = process.env.RELAIS_E2E_DIST_DIR ?? ".next-e2e";
    // Build once, up front, so that the web server starts within Playwright's timeout.
    const build = run("npx", ["--no-install", "next", "build"], {
      env: { ...process.env, RELAIS_DIST_DIR: distDir, NODE_ENV: "production" },
    });
    if (build.status !== 0) {
      e2e = { passed: 0, failed: 1 };
    } else {
      const playwright = run("npx", ["--no-install", "playwright", "test"]);
      e2e = countPlaywright(path.join(ROOT, "test-results/e2e.json"), playwright.status);
    }
  }
  seconds.e2e = since(startedAt);
}

if (unit.failures.length > 0)
  console.log(`\nunit+integration failures:\n${unit.failures.map((line) => `- ${line}`).join("\n")}`);
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(
  `\nunit+integration: ${unit.passed} passed, ${unit.failed} failed in ${duration(seconds.unit)}; ` +
    `end-to-end (build included): ${e2e.passed} passed, ${e2e.failed} failed in ${duration(seconds.e2e)}`,
);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
