// The HTTP security headers of every response. Pure (no env, no server-only): next.config.ts
// reads the static part at build time, proxy.ts builds the per-request policy of pages.

/** Headers that never vary: sent on every response (pages, route handlers, static files, errors). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  // Clickjacking: no page of Relais may be framed (frame-ancestors for current browsers, XFO for old ones).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Relais uses none of these; fullscreen stays allowed to itself for the video player.
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), " +
      "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=(), fullscreen=(self)",
  },
];

/** Route handlers answer data, never documents that run code: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A package's files (lib/packages/open-package-file.ts), set by their route (next.config.ts leaves
 * them out). Scripts and styles of the package run, from the package (and inline, as authoring
 * tools write them), nothing else is reached; the token in the URL is never sent on as a referrer.
 * - On Relais's own origin the CSP sandbox makes every document an opaque origin, even opened
 *   outside the player: no cookie, no access to Relais's pages or storage; only Relais may frame it.
 * - On the package content origin (lib/security/package-content-origin.ts), which shares nothing
 *   with Relais, the documents keep that origin (allow-same-origin) so that the package's own
 *   frames script each other; only the player's origin and the package's own pages may frame them.
 */
export function packageContentHeaders(options: { isolatedFor: string | null }): Record<string, string> {
  const sandbox = ["allow-scripts", "allow-forms", "allow-popups", "allow-modals"];
  if (options.isolatedFor) sandbox.push("allow-same-origin");
  return {
    "Content-Security-Policy":
      `sandbox ${sandbox.join(" ")}; default-src 'self' data: blob:; ` +
      "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
      // Every ancestor is checked: a package page in the package's own frame has both origins above it.
      `frame-ancestors 'self'${options.isolatedFor ? ` ${options.isolatedFor}` : ""}`,
    // Old browsers only read this one: framing by Relais's own origin, the player's in both cases.
    ...(options.isolatedFor ? {} : { "X-Frame-Options": "SAMEORIGIN" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": STATIC_SECURITY_HEADERS.find((header) => header.key === "Permissions-Policy")!.value,
  };
}

export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

// Mux Player streams HLS from stream.mux.com (fetched by hls.js, played through a blob: URL),
// shows posters from image.mux.com, and reports playback metrics to litix.io; direct uploads
// go to the signed URL Mux returns (Google Cloud Storage).
const MUX_SOURCES = {
  media: ["https://stream.mux.com"],
  image: ["https://image.mux.com"],
  connect: ["https://stream.mux.com", "https://*.litix.io", "https://storage.googleapis.com"],
};

export type TPagePolicyOptions = {
  nonce: string;
  isDevelopment: boolean;
  /** Mux configured: its stream and image hosts join 'self' as lesson media sources. */
  isMuxEnabled: boolean;
  /** Origin of MUX_BASE_URL when it is not Mux's own (tests): its direct-upload URLs live there. */
  muxUploadOrigin?: string | null;
  /** The package content origin that goes with this page's origin (lib/security/package-content-origin.ts). */
  packageContentOrigin?: string | null;
};

/**
 * The Content-Security-Policy of a page. Scripts run only with this request's nonce (Next.js
 * reads it from the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets
 * them load their chunks). Lesson media (video, images, captions) come only from Relais itself,
 * plus Mux's hosts when Mux is configured. Styles allow inline style attributes (React's style
 * prop, the charts, tiptap): a nonce cannot cover attributes, and a style cannot run code.
 */
export function buildPagePolicy(options: TPagePolicyOptions): string {
  const mux = options.isMuxEnabled ? MUX_SOURCES : { media: [], image: [], connect: [] };
  const connect = [
    ...mux.connect,
    ...(options.isMuxEnabled && options.muxUploadOrigin ? [options.muxUploadOrigin] : []),
  ];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    [
      "script-src",
      ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.isDevelopment ? ["'unsafe-eval'"] : [])],
    ],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:", ...mux.image]],
    ["media-src", ["'self'", "blob:", ...mux.media]],
    ["connect-src", ["'self'", ...connect]],
    ["font-src", ["'self'", "data:"]],
    ["worker-src", ["'self'", "blob:"]],
    // Only Relais's own package frames (sandboxed, lib/packages) may be embedded.
    ["frame-src", ["'self'", ...(options.packageContentOrigin ? [options.packageContentOrigin] : [])]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

/** A fresh, unguessable nonce per request (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Next.js refuses a server action whose Origin host differs from the app's host, but by throwing
 * (a 500). The same rule, answered 403 before Next runs: true when the request is a server-action
 * POST from another origin. A request without Origin is let through, as Next does.
 */
export function isCrossOriginServerAction(request: { method: string; headers: Headers }): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0]!.trim();
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage: not this app
  }
}
