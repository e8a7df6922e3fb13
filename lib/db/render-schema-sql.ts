// Renders prisma/schema.prisma as the SQL that creates it from nothing, with Prisma 6.19's
// WebAssembly schema engine (tools/schema-sql): the reference the drift test compares with.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, symlinkSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOOL_MODULES = path.join(ROOT, "tools/schema-sql/node_modules");

export function renderSchemaSql(options: { databaseUrl: string; schemaPath?: string }): string {
  if (!existsSync(path.join(TOOL_MODULES, ".bin/prisma"))) {
    throw new Error("tools/schema-sql is not installed: run `npm ci --prefix tools/schema-sql` (npm test does it).");
  }
  const work = mkdtempSync(path.join(tmpdir(), "relais-schema-"));
  try {
    const schema = readFileSync(options.schemaPath ?? path.join(ROOT, "prisma/schema.prisma"), "utf8")
      // Prisma 6 wants a datasource url; Prisma 7 keeps it in prisma.config.ts.
      .replace(/(datasource db \{\s*provider\s*=\s*"postgresql")/, `$1\n  url = env("DATABASE_URL")`);
    writeFileSync(path.join(work, "schema.prisma"), schema);
    writeFileSync(
      path.join(work, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
`,
    );
    symlinkSync(TOOL_MODULES, path.join(work, "node_modules"));
    const stub = path.join(work, "no-engine");
    writeFileSync(stub, "#!/bin/sh\necho schema-engine-cli 0.0.0\n", { mode: 0o755 });
    return execFileSync(
      path.join(work, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "schema.prisma", "--script"],
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
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
