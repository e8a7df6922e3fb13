import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../db/create-client";
import { migrateDatabase, recreateDatabase } from "../db/migrate";
import { assertLocalDatabase } from "../../testing/assert-local-database";
import { openDataYears } from "../opendata/get-open-data";
import type { TOpenDataSnapshot } from "../opendata/get-open-data";
import { runDemoOpenDataPublication } from "./run-demo-open-data-publication";
import { seedDemoData } from "./seed-demo-data";

// The seed empties every table: it gets a database of its own, beside the shared test database.
function demoDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_demo_seed`;
  return url.toString();
}

describe("demo open data", () => {
  it("is published after seeding, by the demo administrator, through the publish code in its own process", async () => {
    const databaseUrl = demoDatabaseUrl();
    assertLocalDatabase(databaseUrl);
    await recreateDatabase(databaseUrl);
    await migrateDatabase({ databaseUrl });
    const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
    try {
      await seedDemoData(prisma);
      expect(await prisma.openDataSnapshot.count()).toBe(0);
      runDemoOpenDataPublication(databaseUrl);

      const snapshots = await prisma.openDataSnapshot.findMany({
        orderBy: { year: "asc" },
        include: { publishedBy: { select: { email: true } } },
      });
      expect(snapshots.map((snapshot) => snapshot.year)).toEqual(openDataYears().slice(0, 2).reverse());
      for (const snapshot of snapshots) {
        expect(snapshot.publishedBy.email).toBe("admin@relais.test");
        const data = snapshot.data as unknown as TOpenDataSnapshot;
        expect(Object.keys(data.breakdowns).sort()).toEqual(["population", "region", "sex", "staffCategory"]);
      }
      // The demo has trainees: some published cells carry figures, and secrecy hid the small ones.
      const cells = snapshots.flatMap((snapshot) =>
        Object.values((snapshot.data as unknown as TOpenDataSnapshot).breakdowns).flatMap((table) => table.cells),
      );
      expect(cells.some((cell) => typeof cell.trainees === "number" && cell.trainees >= 5)).toBe(true);
      expect(await prisma.auditLog.count({ where: { action: "opendata.published" } })).toBe(2);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});
