/**
 * Where the tests put their own database when an external server is configured:
 * TEST_DATABASE_URL as given, or DATABASE_URL's server with a separate database
 * (`<name>_<suffix>`), so that tests never touch the application's data.
 */
export function externalTestDatabaseUrl(suffix: string): string | undefined {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!process.env.DATABASE_URL) return undefined;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1)) || "relais"}_${suffix}`;
  return url.toString();
}
