import "server-only";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { publicUrl } from "../env";
import { xapiAgentForUser } from "../lrs/xapi-identifiers";
import { isAuSatisfied, readCmi5Progress } from "./cmi5-progress";
import { findPackageActivityOrThrow } from "./find-package-activity";
import { launchCmi5Au, readCmi5Structure } from "./launch-cmi5-au";

/**
 * A learner opens a cmi5 package activity: its registration is the one of this enrolment and
 * activity (created at the first launch), the AU launched the first not yet satisfied (the
 * first when all are), in Normal mode until the course is satisfied and Review after.
 */
export async function launchCmi5ForEnrolment(actor: TActor, options: { enrolmentId: string; activityKey: string }) {
  const { enrolment, contentPackage } = await findPackageActivityOrThrow(actor, options);
  const existing = await db.cmi5Registration.findUnique({
    where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey: options.activityKey } },
    select: { id: true, progress: true },
  });
  const fullPackage = await db.contentPackage.findUniqueOrThrow({
    where: { id: contentPackage.id },
    select: { id: true, title: true, institutionId: true, manifest: true },
  });
  const structure = readCmi5Structure(fullPackage);
  const progress = readCmi5Progress(existing?.progress);
  const next = structure.aus.findIndex((au, index) => !isAuSatisfied(au, progress.aus[String(index)]));
  return launchCmi5Au({
    contentPackage: fullPackage,
    auIndex: Math.max(0, next),
    actor: xapiAgentForUser({ id: actor.userId, name: actor.name }),
    registration: existing?.id,
    launchMode: progress.isCourseSatisfied ? "Review" : "Normal",
    link: { enrolmentId: enrolment.id, activityKey: options.activityKey },
    returnUrl: `${publicUrl()}/player/${encodeURIComponent(enrolment.id)}?activity=${encodeURIComponent(options.activityKey)}`,
    createdById: actor.userId,
  });
}
