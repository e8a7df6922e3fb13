import { xapiRoute } from "@/lib/lrs/xapi-route";

// About (spec part three §2.8): public, no credentials, no version header required.
export const { GET, HEAD, OPTIONS } = xapiRoute(
  {
    GET: () =>
      Promise.resolve(Response.json({ version: ["1.0.3", "1.0.2", "1.0.1", "1.0.0", "2.0.0"], extensions: {} })),
  },
  { isPublic: true },
);
