import { inject } from "vitest";

// Every worker talks to the database the global setup prepared.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
