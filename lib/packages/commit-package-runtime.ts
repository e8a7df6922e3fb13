import "server-only";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { projectStatements } from "../learning/project-statements";
import { buildStatement } from "../learning/xapi-statement";
import { ACTIVITY_TYPE, EXTENSION, toIsoDuration } from "../learning/xapi-vocabulary";
import { storeStatementsInTransaction } from "../lrs/store-statements";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { findPackageActivityOrThrow } from "./find-package-activity";
import { readScormFacts, scormEvents, ZScormCmi, type TScormFacts } from "./scorm-runtime-facts";

export const ZCommitPackageRuntime = z.object({
  enrolmentId: z.string().min(1).max(40),
  activityKey: z.string().min(1).max(80),
  isTerminating: z.boolean().default(false),
  data: ZScormCmi,
});
export type TCommitPackageRuntime = z.input<typeof ZCommitPackageRuntime>;

/** The whole run-time record of one learner in one SCO (suspend data included) stays small. */
const MAX_STATE_CHARACTERS = 256 * 1024;

/**
 * A SCORM commit (LMSCommit / Commit, and the one of LMSFinish / Terminate) from the player:
 * the run-time data is kept for resuming, and what changed becomes xAPI statements in Relais's
 * LRS, stored in the same transaction, where the projection turns "completed" into the
 * activity's progress and the course's completion (lib/learning/project-statements.ts).
 * Commits of one learner in one SCO are serialised, so "completed" is recorded once.
 */
export async function commitPackageRuntime(actor: TActor, input: unknown) {
  const parsed = ZCommitPackageRuntime.safeParse(input);
  if (!parsed.success) throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const { enrolmentId, activityKey, isTerminating, data } = parsed.data;
  if (JSON.stringify(data).length > MAX_STATE_CHARACTERS) throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const { enrolment, activity, contentPackage } = await findPackageActivityOrThrow(actor, { enrolmentId, activityKey });
  if (contentPackage.standard === "CMI5") throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const standard = contentPackage.standard;
  const next = readScormFacts(standard, data);

  const slug = enrolment.course.slug;
  const object = { id: xapiActivityId.activity(slug, activityKey), type: ACTIVITY_TYPE.module, name: activity.title };
  const context = {
    actor: xapiAgentForUser({ id: actor.userId, name: actor.name }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(slug), name: enrolment.courseVersion.title },
    language: "fr",
  };
  const score =
    next.scaled !== null
      ? {
          scaled: next.scaled,
          ...(next.raw !== null ? { raw: next.raw } : {}),
          ...(next.min !== null ? { min: next.min } : {}),
          ...(next.max !== null ? { max: next.max } : {}),
        }
      : undefined;

  return db.$transaction(
    async (tx) => {
      // Serialises the commits of one learner in one SCO, so that two tabs never both see "not completed yet".
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`package-runtime:${enrolment.id}:${activityKey}`}))`;
      const stored = await tx.packageRuntimeState.findUnique({
        where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey } },
        select: { cmi: true },
      });
      const previous = stored ? ((stored.cmi as { facts?: TScormFacts }).facts ?? null) : null;
      const events = scormEvents({ previous, next, isTerminating });
      const statements = events.map((event) =>
        buildStatement(context, {
          verb: event.verb,
          object,
          result:
            event.verb === "completed"
              ? { completion: true, ...(score ? { score } : {}) }
              : event.verb === "passed" || event.verb === "failed"
                ? { success: event.verb === "passed", ...(score ? { score } : {}) }
                : event.verb === "terminated"
                  ? { duration: toIsoDuration(event.seconds) }
                  : event.verb === "progressed" && event.progress !== null
                    ? { extensions: { [EXTENSION.progress]: Math.round(event.progress * 100) } }
                    : undefined,
        }),
      );
      const state = { cmi: data.cmi, facts: next } as object;
      await tx.packageRuntimeState.upsert({
        where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey } },
        create: { enrolmentId: enrolment.id, activityKey, cmi: state },
        update: { cmi: state },
      });
      if (statements.length > 0)
        await storeStatementsInTransaction(tx, {
          credentials: { kind: "learner", userId: actor.userId, name: actor.name, institutionId: actor.institutionId },
          statements,
          project: projectStatements,
        });
      return { verbs: events.map((event) => event.verb), completion: next.completion, success: next.success };
    },
    { timeout: 15_000 },
  );
}
