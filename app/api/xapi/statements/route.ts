import { projectStatements } from "@/lib/learning/project-statements";
import { createStatementsHandlers } from "@/lib/lrs/statements-endpoint";
import { xapiRoute } from "@/lib/lrs/xapi-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, PUT, POST, OPTIONS } = xapiRoute(createStatementsHandlers({ project: projectStatements }), {
  isStatements: true,
});
