import { documentHandlers, STATE } from "@/lib/lrs/documents-endpoint";
import { xapiRoute } from "@/lib/lrs/xapi-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, PUT, POST, DELETE, OPTIONS } = xapiRoute(documentHandlers(STATE));
