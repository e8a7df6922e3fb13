import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run domain modules directly; the server-only guard is for bundles, not for Node.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "testing/**/*.test.ts"],
    globalSetup: ["./testing/global-setup.ts"],
    setupFiles: ["./testing/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration tests share one database; each seeds its own rows, so files may run in parallel.
    pool: "forks",
  },
});
