// Pure (no env, no server-only): the player page, the proxy's page policy and the package file
// route all derive the same origin from the same inputs.

/**
 * Where a SCORM package's files are served from, when that can be another origin than Relais's.
 * Packages often hold frames that script each other (Rustici's launch page and its content frame,
 * Rise's player): they need one origin of their own. On another origin than Relais's, the package
 * frame can keep it (sandbox with allow-same-origin) and still never reach Relais's pages, cookies
 * or storage. Either the configured origin (RELAIS_PACKAGE_CONTENT_ORIGIN, a host name of its own
 * pointing to the same server), or, for an app opened on localhost, the same server as 127.0.0.1,
 * which the browser treats as another site. Otherwise null: every package document gets an opaque
 * origin (sandbox without allow-same-origin), which packages of a single document do not notice.
 */
export function packageContentOrigin(options: { configured?: string | null; appOrigin: string }): string | null {
  const app = new URL(options.appOrigin);
  if (options.configured) {
    const configured = new URL(options.configured).origin;
    return configured === app.origin ? null : configured;
  }
  if (app.hostname !== "localhost") return null;
  return `${app.protocol}//127.0.0.1${app.port ? `:${app.port}` : ""}`;
}

/** The origin of a request as the browser addressed it (the Host header, behind a proxy its forwarded scheme). */
export function requestOrigin(headers: Headers, fallbackUrl: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const protocol = headers.get("x-forwarded-proto") ?? new URL(fallbackUrl).protocol.replace(/:$/, "");
  if (!host) return new URL(fallbackUrl).origin;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return new URL(fallbackUrl).origin;
  }
}
