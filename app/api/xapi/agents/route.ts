import { handleAgentGet } from "@/lib/lrs/documents-endpoint";
import { xapiRoute } from "@/lib/lrs/xapi-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS } = xapiRoute({ GET: handleAgentGet });
