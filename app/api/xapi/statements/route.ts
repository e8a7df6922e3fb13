import { handleStatementsGet, handleStatementsPost, handleStatementsPut } from "@/lib/lrs/statements-endpoint";
import { xapiRoute } from "@/lib/lrs/xapi-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, PUT, POST, OPTIONS } = xapiRoute(
  { GET: handleStatementsGet, PUT: handleStatementsPut, POST: handleStatementsPost },
  { isStatements: true },
);
