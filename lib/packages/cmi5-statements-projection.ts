import "server-only";
import type { TTransaction } from "../db";
import { projectStatements } from "../learning/project-statements";
import type { TStatementProjection, TStoredStatement } from "../lrs/types";
import type { TXapiRequest } from "../lrs/xapi-route";
import { parseBoundedJson } from "../input/find-input-problem";
import { applyCmi5StatementRules, type TCmi5SessionFacts } from "./cmi5-statement-rules";
import { readCmi5Progress } from "./cmi5-progress";
import { cmi5ActivityId, type TCmi5LaunchMode } from "./cmi5-vocabulary";
import { readCmi5Structure } from "./launch-cmi5-au";
import { recordCmi5Satisfaction } from "./record-cmi5-satisfaction";

type TRawFlags = Map<string, { hasTimestamp: boolean }>;

/** What the LRS fills in when a statement lacks it (id, timestamp), read from the request itself. */
function readRawFlags(request: TXapiRequest): TRawFlags {
  const flags: TRawFlags = new Map();
  const parsed = parseBoundedJson(request.body.toString("utf8"));
  if (!parsed.ok) return flags;
  const list = Array.isArray(parsed.value) ? (parsed.value as unknown[]) : [parsed.value];
  const putId = request.method === "PUT" ? request.params.get("statementId") : null;
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const raw = item as { id?: unknown; timestamp?: unknown };
    const id = putId ?? (typeof raw.id === "string" ? raw.id : null);
    if (id) flags.set(id.toLowerCase(), { hasTimestamp: raw.timestamp !== undefined });
  }
  return flags;
}

async function enforceCmi5Rules(
  tx: TTransaction,
  sessionId: string,
  statements: TStoredStatement[],
  flags: TRawFlags,
): Promise<void> {
  // One writer per session at a time: the rules read and change its facts.
  await tx.$queryRaw`SELECT "id" FROM "Cmi5Session" WHERE "id" = ${sessionId}::uuid FOR UPDATE`;
  const session = await tx.cmi5Session.findUniqueOrThrow({
    where: { id: sessionId },
    include: { registration: { include: { package: { select: { id: true, title: true, manifest: true } } } } },
  });
  const registration = session.registration;
  const structure = readCmi5Structure(registration.package);
  const au = structure.aus[session.auIndex];
  const progress = readCmi5Progress(registration.progress);
  const auProgress = progress.aus[String(session.auIndex)] ?? {};
  let facts: TCmi5SessionFacts = {
    sessionId,
    registration: registration.id,
    activityId: cmi5ActivityId.au(registration.packageId, session.auIndex),
    actorIfi: registration.actorIfi,
    launchMode: session.launchMode as TCmi5LaunchMode,
    masteryScore: au?.masteryScore ?? null,
    hasReadLearnerPreferences: session.learnerPreferencesReadAt !== null,
    isInitialized: session.initializedAt !== null,
    isTerminated: session.terminatedAt !== null,
    isCompleted: auProgress.completed === true,
    isPassed: auProgress.passed === true,
    hasFailed: auProgress.failedSessionId === sessionId,
  };
  const before = facts;
  for (const statement of statements) {
    const raw = flags.get(statement.id);
    facts = applyCmi5StatementRules(facts, statement, {
      hasId: raw !== undefined,
      hasTimestamp: raw?.hasTimestamp ?? false,
    });
  }
  const now = new Date();
  await tx.cmi5Session.update({
    where: { id: sessionId },
    data: {
      ...(facts.isInitialized && !before.isInitialized ? { initializedAt: now } : {}),
      ...(facts.isTerminated && !before.isTerminated ? { terminatedAt: now } : {}),
      lastRequestAt: now,
    },
  });
  if (facts.hasFailed && !before.hasFailed) {
    progress.aus[String(session.auIndex)] = { ...auProgress, failedSessionId: sessionId };
    await tx.cmi5Registration.update({ where: { id: registration.id }, data: { progress: progress as object } });
  }
  if (facts.isCompleted !== before.isCompleted || facts.isPassed !== before.isPassed) {
    const next = await recordCmi5Satisfaction(tx, {
      registration: { ...registration, actor: registration.actor as Record<string, unknown> },
      structure,
      progress: {
        ...progress,
        aus: {
          ...progress.aus,
          [String(session.auIndex)]: {
            ...progress.aus[String(session.auIndex)],
            completed: facts.isCompleted,
            passed: facts.isPassed,
          },
        },
      },
      sessionId,
    });
    await tx.cmi5Registration.update({ where: { id: registration.id }, data: { progress: next as object } });
  }
}

/**
 * The projection of a statements request: Relais's learning projection, and for a cmi5 session's
 * credentials the cmi5 rules, in the storing transaction, so that a statement breaking them is
 * refused with 403 and nothing stored (cmi5 §9; the LMS "MUST reject" them), and what the AU
 * reaches (completed, passed) moves its registration on (satisfied, Relais completion).
 */
export function statementsProjectionFor(request: TXapiRequest): TStatementProjection {
  const credentials = request.credentials;
  if (credentials.kind !== "cmi5") return projectStatements;
  const flags = readRawFlags(request);
  return async (tx, statements) => {
    await projectStatements(tx, statements);
    await enforceCmi5Rules(tx, credentials.sessionId, statements, flags);
  };
}
