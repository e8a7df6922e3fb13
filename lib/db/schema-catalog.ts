// Reads a database's schema from PostgreSQL's catalogs in a normalized, comparable form:
// tables, columns (type, nullability, default), enums, primary/unique/foreign keys and indexes.
// Used by the drift test to compare the migrated database with what schema.prisma renders.
import pg from "pg";

export type TCatalog = Record<string, string[]>;

const QUERIES: Record<string, string> = {
  columns: `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' ||
              CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END || ' default=' || COALESCE(column_default, '-') AS line
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  enums: `SELECT t.typname || ' = ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
  constraints: `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
  indexes: `SELECT tablename || ' ' || indexname || ' ' || indexdef AS line
            FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
};

export async function readCatalog(databaseUrl: string): Promise<TCatalog> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const catalog: TCatalog = {};
    for (const [section, sql] of Object.entries(QUERIES)) {
      const { rows } = await client.query<{ line: string }>(sql);
      catalog[section] = rows.map((row) => row.line).sort();
    }
    return catalog;
  } finally {
    await client.end();
  }
}

/** Lines present on one side only, prefixed with the side they are missing from. */
export function diffCatalogs(expected: TCatalog, actual: TCatalog): string[] {
  const differences: string[] = [];
  for (const section of Object.keys(QUERIES)) {
    const expectedLines = new Set(expected[section] ?? []);
    const actualLines = new Set(actual[section] ?? []);
    for (const line of expectedLines)
      if (!actualLines.has(line)) differences.push(`${section}: missing in migrated database: ${line}`);
    for (const line of actualLines)
      if (!expectedLines.has(line)) differences.push(`${section}: not in schema.prisma: ${line}`);
  }
  return differences;
}
