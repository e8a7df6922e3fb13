import "server-only";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";

/**
 * The package activity a learner follows: their own enrolment (active or completed), an activity
 * of its course version of kind PACKAGE with its package. Anything else — another person's
 * enrolment, a key of another version, a lesson — is NOT_FOUND, so nothing is learnt from it.
 */
export async function findPackageActivityOrThrow(actor: TActor, options: { enrolmentId: string; activityKey: string }) {
  assertCan(actor, "course.enrol");
  const enrolment = await db.enrolment.findFirst({
    where: { id: options.enrolmentId, userId: actor.userId, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: {
      id: true,
      userId: true,
      registration: true,
      course: { select: { slug: true } },
      courseVersion: { select: { title: true } },
    },
  });
  const activity = enrolment
    ? await db.activity.findFirst({
        where: {
          key: options.activityKey,
          kind: "PACKAGE",
          module: { version: { enrolments: { some: { id: enrolment.id } } } },
        },
        select: {
          key: true,
          title: true,
          package: { select: { id: true, standard: true, launchPath: true, manifest: true } },
        },
      })
    : null;
  if (!enrolment || !activity?.package) throw keyedError("NOT_FOUND", "errors.packages.notFound");
  return { enrolment, activity: { key: activity.key, title: activity.title }, contentPackage: activity.package };
}
