/** Tests drop and recreate databases: they must never run against a shared server. */
export function assertLocalDatabase(databaseUrl: string): void {
  const host = new URL(databaseUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(
      `Refusing to run tests against ${host}: tests recreate their database and only run on a local PostgreSQL.`,
    );
  }
}
