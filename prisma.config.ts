import { defineConfig } from "prisma/config";

// The CLI is used for `prisma generate` only: migrations are applied by scripts/db-migrate.ts
// because the schema engine binary cannot be downloaded on our machines (DESIGN.md §3).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/relais" },
});
