import "server-only";
import type { TTransaction } from "../db";
import { projectStatements } from "../learning/project-statements";
import { buildStatement } from "../learning/xapi-statement";
import { ACTIVITY_TYPE } from "../learning/xapi-vocabulary";
import { storeStatementsInTransaction } from "../lrs/store-statements";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { buildCmi5LmsStatement } from "./build-cmi5-lms-statement";
import { newlySatisfied, type TCmi5Progress, type TCmi5Structure } from "./cmi5-progress";
import { CMI5_ACTIVITY_TYPE, cmi5ActivityId } from "./cmi5-vocabulary";

type TJson = Record<string, unknown>;

/** Stores the LMS's statements (authority: Relais) in the caller's transaction. */
export async function issueCmi5LmsStatements(tx: TTransaction, statements: TJson[]): Promise<void> {
  if (statements.length === 0) return;
  await storeStatementsInTransaction(tx, { credentials: { kind: "relais" }, statements, project: projectStatements });
}

/**
 * After a registration's progress changed: a satisfied statement for each block, then the
 * course, that is now satisfied (cmi5 §9.3.9, in the session that caused it), and, when the
 * course is satisfied in a Relais enrolment, the Relais activity's "completed", which the
 * projection turns into the learner's progress and the course's completion rules.
 */
export async function recordCmi5Satisfaction(
  tx: TTransaction,
  options: {
    registration: {
      id: string;
      packageId: string;
      actor: TJson;
      enrolmentId: string | null;
      activityKey: string | null;
    };
    structure: TCmi5Structure & { courseId: string; title: string };
    progress: TCmi5Progress;
    sessionId: string;
  },
): Promise<TCmi5Progress> {
  const { registration, structure, sessionId } = options;
  const satisfied = newlySatisfied(structure, options.progress);
  const common = { actor: registration.actor, registration: registration.id, sessionId, verb: "satisfied" as const };
  const statements = [
    ...satisfied.blocks.map((index) =>
      buildCmi5LmsStatement({
        ...common,
        object: {
          id: cmi5ActivityId.block(registration.packageId, index),
          type: CMI5_ACTIVITY_TYPE.block,
          name: structure.blocks[index]?.title,
        },
        publisherId: structure.blocks[index]!.id,
      }),
    ),
    ...(satisfied.isCourse
      ? [
          buildCmi5LmsStatement({
            ...common,
            object: {
              id: cmi5ActivityId.course(registration.packageId),
              type: CMI5_ACTIVITY_TYPE.course,
              name: structure.title,
            },
            publisherId: structure.courseId,
          }),
        ]
      : []),
  ];
  await issueCmi5LmsStatements(tx, statements);
  if (satisfied.isCourse && registration.enrolmentId && registration.activityKey) {
    const enrolment = await tx.enrolment.findUnique({
      where: { id: registration.enrolmentId },
      select: {
        registration: true,
        userId: true,
        user: { select: { name: true } },
        course: { select: { slug: true } },
        courseVersion: { select: { title: true } },
      },
    });
    if (enrolment) {
      const slug = enrolment.course.slug;
      const completed = buildStatement(
        {
          actor: xapiAgentForUser({ id: enrolment.userId, name: enrolment.user.name ?? undefined }),
          registration: enrolment.registration,
          course: { id: xapiActivityId.course(slug), name: enrolment.courseVersion.title },
          language: "fr",
        },
        {
          verb: "completed",
          object: {
            id: xapiActivityId.activity(slug, registration.activityKey),
            type: ACTIVITY_TYPE.module,
            name: structure.title,
          },
          result: { completion: true },
        },
      );
      await issueCmi5LmsStatements(tx, [completed as unknown as TJson]);
    }
  }
  return satisfied.progress;
}
