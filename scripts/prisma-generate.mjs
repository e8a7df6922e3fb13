// Runs `prisma generate` without the schema-engine binary, which cannot be downloaded here:
// generate never calls it, but the CLI wants an executable path (CONTRIBUTING.md, "Set up").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const stub = process.platform === "win32" ? process.execPath : "/bin/true";
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SKIP_POSTINSTALL_GENERATE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(stub)) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
