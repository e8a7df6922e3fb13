// npm run db:seed — replaces everything in the database with the deterministic demo data set.
import { resolveDatabase, describeConnectionError } from "../lib/db/local-database";
import { ensureDatabaseExists, migrateDatabase } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/create-client";
import { runDemoOpenDataPublication } from "../lib/demo/run-demo-open-data-publication";
import { seedDemoData } from "../lib/demo/seed-demo-data";
import { APP_DATABASE } from "../scripts/app-database";

if (process.env.RELAIS_MODE === "production") {
  console.error("Refusing to seed: RELAIS_MODE=production. The demo seed empties every table first.");
  process.exit(1);
}
const handle = await resolveDatabase({ ...APP_DATABASE, externalUrl: process.env.DATABASE_URL });
try {
  await ensureDatabaseExists(handle.databaseUrl);
  await migrateDatabase({ databaseUrl: handle.databaseUrl });
  const prisma = createPrismaClient(handle.databaseUrl);
  const result = await seedDemoData(prisma);
  await prisma.$disconnect();
  runDemoOpenDataPublication(handle.databaseUrl);
  console.log(`Demo data loaded: ${result.agents} agents, ${result.courses} courses.`);
} catch (error) {
  const message = (error as Error).message ?? "";
  console.error(
    /ECONN|28P01|3D000/.test(String((error as { code?: string }).code))
      ? describeConnectionError(error, handle.databaseUrl)
      : message,
  );
  process.exitCode = 1;
} finally {
  await handle.embedded?.stop();
}
