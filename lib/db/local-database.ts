// Resolves the database a process should use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL in a git-ignored folder (.data/), started or reused.
import path from "node:path";
import { startEmbeddedPostgres, databaseUrlFor, type TEmbeddedServer } from "./embedded-postgres";

export const DATA_ROOT = path.resolve(import.meta.dirname, "../../.data");

export type TDatabaseHandle = { databaseUrl: string; embedded?: TEmbeddedServer };

export async function resolveDatabase(options: {
  /** Folder under .data/ for the embedded cluster (the app and the tests use separate ones). */
  cluster: string;
  database: string;
  preferredPort: number;
  externalUrl?: string;
}): Promise<TDatabaseHandle> {
  if (options.externalUrl) return { databaseUrl: options.externalUrl };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(DATA_ROOT, options.cluster),
    preferredPort: options.preferredPort,
  });
  return { databaseUrl: databaseUrlFor(embedded, options.database), embedded };
}

/** One line instead of a stack trace when the database cannot be reached. */
export function describeConnectionError(error: unknown, databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}/${url.pathname.slice(1)}`;
  const code = (error as { code?: string }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "connection refused (is PostgreSQL running?)"
      : code === "ENOTFOUND"
        ? "unknown host"
        : code === "28P01"
          ? "wrong user name or password"
          : code === "3D000"
            ? "database does not exist"
            : (error as Error).message;
  return `Cannot reach the database at ${where}: ${reason}.`;
}
