import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./scripts/e2e-settings";

// Debian's chromium where present (Playwright cannot always download its browsers: CONTRIBUTING.md).
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const launchOptions = existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    }
  : {};

const RESULTS_DIR = process.env.RELAIS_E2E_RESULTS_DIR ?? "test-results";

export default defineConfig({
  testDir: "./e2e",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Parallel runs (several engineers, one machine) keep their results apart.
  outputDir: `${RESULTS_DIR}/artifacts`,
  reporter: [["list"], ["json", { outputFile: `${RESULTS_DIR}/e2e.json` }]],
  use: {
    baseURL: `http://localhost:${E2E.appPort}`,
    launchOptions,
    locale: "fr-FR",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "api", testDir: "./e2e/api" },
    { name: "ui", testDir: "./e2e/ui" },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${E2E.appPort}/accessibilite`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
