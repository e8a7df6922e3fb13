import { withActor } from "@/lib/auth/with-actor";
import { listInstitutions } from "@/lib/referentials/list-institutions";

// Reference data: any signed-in person may list institutions (names and regions only).
export const GET = withActor(async () => Response.json({ institutions: await listInstitutions() }));
