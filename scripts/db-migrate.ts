// npm run db:migrate — applies pending migrations to DATABASE_URL or to the embedded database.
import { resolveDatabase, describeConnectionError } from "../lib/db/local-database";
import { ensureDatabaseExists, migrateDatabase } from "../lib/db/migrate";
import { APP_DATABASE } from "./app-database";

const handle = await resolveDatabase({ ...APP_DATABASE, externalUrl: process.env.DATABASE_URL });
try {
  await ensureDatabaseExists(handle.databaseUrl);
  const result = await migrateDatabase({ databaseUrl: handle.databaseUrl, log: (line) => console.log(line) });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
} catch (error) {
  console.error(
    (error as Error).message.startsWith("Migration")
      ? (error as Error).message
      : describeConnectionError(error, handle.databaseUrl),
  );
  process.exitCode = 1;
} finally {
  await handle.embedded?.stop();
}
