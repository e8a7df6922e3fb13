import { z } from "zod";
import { withActor, jsonError } from "@/lib/auth/with-actor";
import { getInstitutionOverview } from "@/lib/institutions/get-institution-overview";
import { updateInstitutionSettings } from "@/lib/institutions/update-institution-settings";
import { AppError } from "@/lib/errors/app-error";

type TContext = { params: Promise<{ id: string }> };

export const GET = withActor<TContext>(async (actor, _request, context) => {
  const { id } = await context.params;
  return Response.json(await getInstitutionOverview(actor, id));
});

const ZPatchBody = z.object({ timeZone: z.string() });

export const PATCH = withActor<TContext>(async (actor, request, context) => {
  const { id } = await context.params;
  const body = ZPatchBody.safeParse(await request.json().catch(() => null));
  if (!body.success) return jsonError(new AppError("INVALID", 'Body must be JSON: { "timeZone": string }'));
  return Response.json(await updateInstitutionSettings(actor, { institutionId: id, timeZone: body.data.timeZone }));
});
