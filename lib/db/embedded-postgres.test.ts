import { describe, expect, it } from "vitest";
import path from "node:path";
import { rmSync } from "node:fs";
import pg from "pg";
import { startEmbeddedPostgres, databaseUrlFor } from "./embedded-postgres";
import { DATA_ROOT } from "./local-database";

describe("embedded PostgreSQL", () => {
  it("a second start over the same data folder reuses the running server; data survives a restart", async () => {
    const dataDir = path.join(DATA_ROOT, `pg-reuse-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const first = await startEmbeddedPostgres({ dataDir, preferredPort: 54390 });
    try {
      const second = await startEmbeddedPostgres({ dataDir, preferredPort: 54390 });
      expect(second.isReused).toBe(true);
      expect(second.port).toBe(first.port);
      const client = new pg.Client({ connectionString: databaseUrlFor(second, "postgres") });
      await client.connect();
      await client.query("CREATE TABLE kept (value int)");
      await client.query("INSERT INTO kept VALUES (42)");
      await client.end();
    } finally {
      await first.stop();
    }
    const restarted = await startEmbeddedPostgres({ dataDir, preferredPort: 54390 });
    try {
      expect(restarted.isReused).toBe(false);
      const client = new pg.Client({ connectionString: databaseUrlFor(restarted, "postgres") });
      await client.connect();
      expect((await client.query("SELECT value FROM kept")).rows).toEqual([{ value: 42 }]);
      await client.end();
    } finally {
      await restarted.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
