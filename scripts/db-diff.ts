// npm run db:diff — drafts the SQL of a change to prisma/schema.prisma (review it, then commit it
// as prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql; CONTRIBUTING.md, "Changing the schema").
//
//   npm run db:diff                          HEAD's prisma/schema.prisma → the working copy
//   npm run db:diff -- --name add_rooms      the same, written to prisma/migrations/<now>_add_rooms/
//   npm run db:diff -- OLD.prisma NEW.prisma two schema files
//   npm run db:diff -- --from-empty NEW.prisma
//
// The schema engine needs a reachable PostgreSQL: DATABASE_URL, else the tests' embedded cluster.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabase } from "../lib/db/local-database";
import { ensureSchemaTool, renderSchemaDiff } from "../lib/db/render-schema-sql";

const ROOT = path.resolve(import.meta.dirname, "..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "from-empty": { type: "boolean" }, name: { type: "string" } },
});
if (values.name !== undefined && !/^[a-z0-9_]+$/.test(values.name)) {
  console.error("--name: lower-case letters, digits and underscores only, e.g. add_room_features");
  process.exit(2);
}

function committedSchema(): string {
  return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: ROOT, encoding: "utf8" });
}

const [first, second] = positionals;
if (values["from-empty"] ? positionals.length > 1 : positionals.length === 1 || positionals.length > 2) {
  console.error("Usage: npm run db:diff [-- --name NAME] [-- OLD.prisma NEW.prisma | -- --from-empty [NEW.prisma]]");
  process.exit(2);
}
const from = values["from-empty"] ? null : first ? readFileSync(first, "utf8") : committedSchema();
const to = readFileSync((values["from-empty"] ? first : second) ?? SCHEMA, "utf8");

ensureSchemaTool();
const handle = await resolveDatabase({
  cluster: process.env.RELAIS_TEST_CLUSTER ?? "pg-test",
  database: "postgres",
  preferredPort: Number(process.env.RELAIS_TEST_PG_PORT ?? 54330),
  externalUrl: process.env.DATABASE_URL,
});
try {
  const sql = renderSchemaDiff({ databaseUrl: handle.databaseUrl, from, to });
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.error("No difference: nothing to migrate.");
  } else if (values.name) {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(ROOT, "prisma/migrations", `${stamp}_${values.name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    console.error(`Wrote ${path.relative(ROOT, folder)}/migration.sql: review it, then npx vitest run lib/db.`);
  } else {
    process.stdout.write(sql);
  }
} finally {
  await handle.embedded?.stop();
}
