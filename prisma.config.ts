import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only: migrations are applied by scripts/db-migrate.ts
// because the schema engine binary cannot be downloaded everywhere (CONTRIBUTING.md, "Set up").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/relais" },
});
