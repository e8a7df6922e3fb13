import "server-only";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { projectStatements } from "../learning/project-statements";
import { ACTIVITY_TYPE } from "../learning/xapi-vocabulary";
import { storeStatementsInTransaction } from "../lrs/store-statements";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { buildScormStatements, SCO_ACTIVITY_TYPE } from "./build-scorm-statements";
import { findPackageActivityOrThrow } from "./find-package-activity";
import { listLaunchableItems } from "./parse-scorm-organization";
import { readPackageOrganization, readPackageRuntimeState, type TPackageRuntimeState } from "./package-runtime-state";
import { readScormInteractions } from "./scorm-interactions";
import { resolveNavigationRequest } from "./scorm-navigation";
import { rollupPackage } from "./scorm-rollup";
import { readScormFacts, resumableCmi, scormEvents, statusFacts, ZScormCmi } from "./scorm-runtime-facts";

export const ZCommitPackageRuntime = z.object({
  enrolmentId: z.string().min(1).max(40),
  activityKey: z.string().min(1).max(80),
  /** The SCO committing (its item identifier); a package of one SCO may leave it out. */
  scoId: z.string().min(1).max(200).optional(),
  isTerminating: z.boolean().default(false),
  /** SCORM 2004: the adl.nav.request the SCO left when it terminated. */
  navRequest: z.string().max(300).optional(),
  data: ZScormCmi,
});
export type TCommitPackageRuntime = z.input<typeof ZCommitPackageRuntime>;

/** One commit of one SCO (suspend data included) stays small. */
const MAX_STATE_CHARACTERS = 256 * 1024;
/** The whole attempt (every SCO's resumable data) too: 2004 allows 64,000 characters of suspend data per SCO. */
const MAX_ATTEMPT_CHARACTERS = 4 * 1024 * 1024;
/** Interactions already sent, remembered per SCO so a re-commit sends nothing twice. */
const MAX_ANSWERED = 2000;

/**
 * A SCORM commit (LMSCommit / Commit, and the one of LMSFinish / Terminate) of one SCO, from the
 * player: the SCO's run-time data is kept for resuming (and the SCO as the one to resume on),
 * what changed becomes xAPI statements in Relais's LRS (lib/packages/build-scorm-statements.ts),
 * and the package's result is rolled up from its SCOs' (lib/packages/scorm-rollup.ts), all in one
 * transaction, where the projection turns the package's "completed" into the activity's progress
 * and the course's completion (lib/learning/project-statements.ts). Commits of one learner in one
 * package are serialised, so "completed" is recorded once. A terminating commit answers where the
 * SCO's navigation request leads (lib/packages/scorm-navigation.ts).
 */
export async function commitPackageRuntime(actor: TActor, input: unknown) {
  const parsed = ZCommitPackageRuntime.safeParse(input);
  if (!parsed.success) throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const { enrolmentId, activityKey, isTerminating, data, navRequest } = parsed.data;
  if (JSON.stringify(data).length > MAX_STATE_CHARACTERS) throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const { enrolment, activity, contentPackage } = await findPackageActivityOrThrow(actor, { enrolmentId, activityKey });
  if (contentPackage.standard === "CMI5") throw keyedError("INVALID", "errors.packages.runtimeInvalid");
  const standard = contentPackage.standard;
  const organization = readPackageOrganization({ ...contentPackage, title: activity.title });
  const scos = listLaunchableItems(organization).filter((item) => item.isSco);
  const sco = parsed.data.scoId ? scos.find((item) => item.id === parsed.data.scoId) : scos[0];
  if (!sco) throw keyedError("NOT_FOUND", "errors.packages.scoNotFound");
  const isSingleSco = scos.length === 1;
  const next = readScormFacts(standard, data);
  const interactions = readScormInteractions({ standard, cmi: data.cmi });

  const slug = enrolment.course.slug;
  const packageActivity = {
    id: xapiActivityId.activity(slug, activityKey),
    type: ACTIVITY_TYPE.module,
    name: activity.title,
  };
  const scoActivity = isSingleSco
    ? null
    : { id: `${packageActivity.id}/scos/${encodeURIComponent(sco.id)}`, type: SCO_ACTIVITY_TYPE, name: sco.title };
  const context = {
    actor: xapiAgentForUser({ id: actor.userId, name: actor.name }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(slug), name: enrolment.courseVersion.title },
    language: "fr",
  };
  const navigation = isTerminating
    ? resolveNavigationRequest({ organization, currentId: sco.id, request: navRequest })
    : null;

  return db.$transaction(
    async (tx) => {
      // Serialises the commits of one learner in one package (two tabs, two SCOs), so that the
      // rollup and "not completed yet" are read and written by one commit at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`package-runtime:${enrolment.id}:${activityKey}`}))`;
      const stored = await tx.packageRuntimeState.findUnique({
        where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey } },
        select: { cmi: true },
      });
      const state = readPackageRuntimeState(stored?.cmi, scos[0]!.id);
      const previousSco = state.scos[sco.id];
      const events = scormEvents({ previous: previousSco?.facts ?? null, next, isTerminating });
      const alreadyAnswered = new Set(previousSco?.answered ?? []);
      const newAnswers = interactions.filter((interaction) => !alreadyAnswered.has(interaction.fingerprint));

      const scoState = {
        cmi: resumableCmi(standard, data),
        facts: next,
        answered: [...alreadyAnswered, ...newAnswers.map((interaction) => interaction.fingerprint)].slice(
          -MAX_ANSWERED,
        ),
      };
      const scoStates = { ...state.scos, [sco.id]: scoState };
      const rollup = rollupPackage({ standard, organization, factsOf: (id) => scoStates[id]?.facts });
      // A package of one SCO is that SCO: its own events are the package's, as they always were.
      const packageEvents = isSingleSco
        ? []
        : scormEvents({ previous: statusFacts(state.rollup), next: statusFacts(rollup), isTerminating: false }).filter(
            (event) => event.verb === "completed" || event.verb === "passed" || event.verb === "failed",
          );
      const nextState: TPackageRuntimeState = {
        version: 2,
        currentScoId: navigation?.kind === "sco" ? navigation.scoId : sco.id,
        scos: scoStates,
        rollup,
      };
      if (JSON.stringify(nextState).length > MAX_ATTEMPT_CHARACTERS)
        throw keyedError("INVALID", "errors.packages.runtimeInvalid");
      const statements = buildScormStatements({
        context,
        packageActivity,
        sco: scoActivity,
        scoId: sco.id,
        scoEvents: events,
        scoFacts: next,
        packageEvents,
        packageFacts: statusFacts(rollup),
        interactions: newAnswers,
      });
      await tx.packageRuntimeState.upsert({
        where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey } },
        create: { enrolmentId: enrolment.id, activityKey, cmi: nextState as object },
        update: { cmi: nextState as object },
      });
      if (statements.length > 0)
        await storeStatementsInTransaction(tx, {
          credentials: { kind: "learner", userId: actor.userId, name: actor.name, institutionId: actor.institutionId },
          statements,
          project: projectStatements,
        });
      return {
        verbs: events.map((event) => event.verb),
        packageVerbs: packageEvents.map((event) => event.verb),
        answered: newAnswers.length,
        completion: rollup.completion,
        success: rollup.success,
        navigation,
      };
    },
    { timeout: 15_000 },
  );
}
