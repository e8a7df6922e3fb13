import "server-only";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { CMI5_LAUNCH_MODES } from "./cmi5-vocabulary";
import { launchCmi5Au } from "./launch-cmi5-au";
import { packageWhereAuthor } from "./package-where-author";

const ZAgent = z
  .object({
    objectType: z.literal("Agent").optional(),
    name: z.string().max(200).optional(),
    account: z.object({ homePage: z.url().max(500), name: z.string().min(1).max(200) }),
  })
  .strict();

export const ZLaunchCmi5Test = z.object({
  packageId: z.string().min(1).max(40),
  auIndex: z.number().int().min(0).max(100_000),
  actor: ZAgent,
  registration: z.uuid().optional(),
  launchMode: z.enum(CMI5_LAUNCH_MODES).optional(),
});

/**
 * An author's test launch of an AU of a cmi5 package (previewing it as a given learner account,
 * and what ADL's CATAPULT LMS Test Suite drives, tools/catapult): only for packages the actor
 * may author, never another institution's. The statements go to Relais's LRS like any launch;
 * no Relais enrolment is involved, so no learner's progress moves.
 */
export async function launchCmi5Test(actor: TActor, input: unknown) {
  const parsed = ZLaunchCmi5Test.safeParse(input);
  if (!parsed.success) throw keyedError("INVALID", "errors.packages.cmi5NotLaunchable");
  const contentPackage = await db.contentPackage.findFirst({
    where: { AND: [{ id: parsed.data.packageId, standard: "CMI5" }, packageWhereAuthor(actor)] },
    select: { id: true, title: true, institutionId: true, manifest: true },
  });
  if (!contentPackage) throw keyedError("NOT_FOUND", "errors.packages.notFound");
  return launchCmi5Au({
    contentPackage,
    auIndex: parsed.data.auIndex,
    actor: parsed.data.actor,
    registration: parsed.data.registration,
    launchMode: parsed.data.launchMode,
    createdById: actor.userId,
  });
}
