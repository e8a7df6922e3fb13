import { afterEach, describe, expect, it } from "vitest";
import { externalTestDatabaseUrl } from "./test-database-url";
import { assertLocalDatabase } from "./assert-local-database";

const saved = { DATABASE_URL: process.env.DATABASE_URL, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL };
afterEach(() => {
  process.env.DATABASE_URL = saved.DATABASE_URL;
  if (saved.TEST_DATABASE_URL === undefined) delete process.env.TEST_DATABASE_URL;
  else process.env.TEST_DATABASE_URL = saved.TEST_DATABASE_URL;
});

describe("the tests' database", () => {
  it("is a separate database on the configured server, never the application's own", () => {
    delete process.env.TEST_DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://u:p@localhost:5432/relais";
    expect(externalTestDatabaseUrl("test")).toBe("postgresql://u:p@localhost:5432/relais_test");
  });
  it("is TEST_DATABASE_URL when given", () => {
    process.env.TEST_DATABASE_URL = "postgresql://u:p@127.0.0.1:5433/mine";
    expect(externalTestDatabaseUrl("test")).toBe("postgresql://u:p@127.0.0.1:5433/mine");
  });
  it("refuses a non-local server", () => {
    expect(() => assertLocalDatabase("postgresql://u:p@db.example.org:5432/relais_test")).toThrow(
      /Refusing to run tests against db.example.org/,
    );
    expect(() => assertLocalDatabase("postgresql://u:p@127.0.0.1:5432/relais_test")).not.toThrow();
  });
});
