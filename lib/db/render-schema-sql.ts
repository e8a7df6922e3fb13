// Renders Prisma schemas as SQL with Prisma 6.19's WebAssembly schema engine (tools/schema-sql):
// the SQL that creates prisma/schema.prisma from nothing (the reference the drift test compares
// with), and the SQL that turns one schema into another (the draft of a migration, npm run db:diff).
// Prisma 7's own `migrate diff` needs a schema-engine binary it downloads, which not every
// machine can; the WebAssembly engine of Prisma 6.19 needs nothing but npm.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, symlinkSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOOL = path.join(ROOT, "tools/schema-sql");
const TOOL_MODULES = path.join(TOOL, "node_modules");

/** Installs tools/schema-sql (its own package-lock.json, no install scripts) when it is missing. */
export function ensureSchemaTool(): void {
  if (existsSync(path.join(TOOL_MODULES, ".bin/prisma"))) return;
  console.error("Installing tools/schema-sql (Prisma 6.19's WebAssembly schema engine)…");
  execFileSync("npm", ["ci", "--prefix", TOOL, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
}

/** Prisma 6 wants a datasource url; Prisma 7 keeps it in prisma.config.ts. */
function withDatasourceUrl(schema: string): string {
  return schema.replace(/(datasource db \{\s*provider\s*=\s*"postgresql")/, `$1\n  url = env("DATABASE_URL")`);
}

/**
 * `prisma migrate diff --script` from `from` (a schema's text, or null for an empty database) to
 * `to`. The engine opens a connection to databaseUrl (any reachable PostgreSQL); the diff itself
 * is computed from the two schemas only.
 */
function runSchemaDiff(options: { databaseUrl: string; from: string | null; to: string }): string {
  if (!existsSync(path.join(TOOL_MODULES, ".bin/prisma"))) {
    throw new Error("tools/schema-sql is not installed: run `npm ci --prefix tools/schema-sql` (npm test does it).");
  }
  const work = mkdtempSync(path.join(tmpdir(), "relais-schema-"));
  try {
    writeFileSync(path.join(work, "to.prisma"), withDatasourceUrl(options.to));
    if (options.from !== null) writeFileSync(path.join(work, "from.prisma"), withDatasourceUrl(options.from));
    writeFileSync(
      path.join(work, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
`,
    );
    symlinkSync(TOOL_MODULES, path.join(work, "node_modules"));
    // The CLI insists on an engine path even with engine "js"; it never runs it.
    const stub = path.join(work, "no-engine");
    writeFileSync(stub, "#!/bin/sh\necho schema-engine-cli 0.0.0\n", { mode: 0o755 });
    const from = options.from === null ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"];
    return execFileSync(
      path.join(work, "node_modules/.bin/prisma"),
      ["migrate", "diff", ...from, "--to-schema-datamodel", "to.prisma", "--script"],
      {
        cwd: work,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: stub,
          PRISMA_QUERY_ENGINE_LIBRARY: stub,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    )
      .split("\n")
      .filter((line) => !line.startsWith("Loaded Prisma config"))
      .join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The SQL that creates a schema (prisma/schema.prisma by default) in an empty database. */
export function renderSchemaSql(options: { databaseUrl: string; schemaPath?: string }): string {
  const to = readFileSync(options.schemaPath ?? path.join(ROOT, "prisma/schema.prisma"), "utf8");
  return runSchemaDiff({ databaseUrl: options.databaseUrl, from: null, to });
}

/** The SQL that turns schema `from` (a schema's text; null: nothing) into schema `to`: a migration's draft. */
export function renderSchemaDiff(options: { databaseUrl: string; from: string | null; to: string }): string {
  return runSchemaDiff(options);
}
