import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Every worker talks to the database the global setup prepared.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
// Each test file stores its uploads and job files in a folder of its own, never in .data/uploads.
process.env.RELAIS_UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "relais-test-uploads-"));
