import { statementsProjectionFor } from "@/lib/packages/cmi5-statements-projection";
import { createStatementsHandlers } from "@/lib/lrs/statements-endpoint";
import { xapiRoute } from "@/lib/lrs/xapi-route";

export const dynamic = "force-dynamic";

/** Statements sent with a cmi5 session's auth-token follow the cmi5 rules too (lib/packages). */
const handlersFor = (request: Parameters<ReturnType<typeof createStatementsHandlers>["PUT"]>[0]) =>
  createStatementsHandlers({ project: statementsProjectionFor(request) });

export const { GET, HEAD, PUT, POST, OPTIONS } = xapiRoute(
  {
    GET: (request) => handlersFor(request).GET(request),
    PUT: (request) => handlersFor(request).PUT(request),
    POST: (request) => handlersFor(request).POST(request),
  },
  { isStatements: true },
);
