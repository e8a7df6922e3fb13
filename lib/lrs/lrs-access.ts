import "server-only";
// Who may write and read which statements. The rules, in one place:
// - A Basic client needs canWrite to write and canRead to read (403 otherwise).
// - A national client (no institution) reads every statement.
// - An institution-scoped client may only write statements whose actor, when it is a Relais
//   account, belongs to its institution; it reads only statements whose `institutionId` is its
//   own. A statement's institution is the writer's (scoped client, learner) or, for national
//   writers, the institution of the Relais user the actor designates (null for outsiders).
// - A learner (Relais session) writes only statements whose actor is xapiAgentForUser(them)
//   and reads only statements whose actor is them.
// - Relais itself ("relais") writes and reads with national scope.
import type { TTransaction } from "../db";
import { AppError } from "../errors/app-error";
import { agentIfi } from "./agent-ifi";
import type { TJsonObject, TLrsCredentials } from "./types";
import { userIdFromXapiAgent, xapiAgentForUser, xapiBaseUrl } from "./xapi-identifiers";

export function learnerIfi(userId: string): string {
  return agentIfi(xapiAgentForUser({ id: userId }))!;
}

/** The authority the LRS records (spec §2.4.9: set from the credentials, never trusted from the client). */
export function authorityFor(credentials: TLrsCredentials): TJsonObject {
  const relais = { objectType: "Agent", name: "Relais", account: { homePage: xapiBaseUrl(), name: "relais" } };
  switch (credentials.kind) {
    case "client":
      return {
        objectType: "Agent",
        name: credentials.name,
        account: { homePage: `${xapiBaseUrl()}/lrs-clients`, name: credentials.key },
      };
    case "learner":
      // The application (Relais's player) acting for the learner, as for a 3-legged OAuth authority.
      return {
        objectType: "Group",
        member: [relais, xapiAgentForUser({ id: credentials.userId, name: credentials.name })],
      };
    case "relais":
      return relais;
    case "cmi5":
      // Relais (the LMS) acting for the AU of one launch session.
      return {
        objectType: "Group",
        member: [
          relais,
          { objectType: "Agent", account: { homePage: `${xapiBaseUrl()}/cmi5-sessions`, name: credentials.sessionId } },
        ],
      };
  }
}

export function assertCanWrite(credentials: TLrsCredentials): void {
  if (credentials.kind === "client" && !credentials.canWrite)
    throw new AppError("FORBIDDEN", "This LRS client may not write statements.");
}

export function assertCanRead(credentials: TLrsCredentials): void {
  if (credentials.kind === "client" && !credentials.canRead)
    throw new AppError("FORBIDDEN", "This LRS client may not read statements.");
}

/**
 * Checks the actors of a batch against the writer's scope and returns, per statement, the
 * institution the stored row belongs to.
 */
export async function resolveStatementInstitutions(
  tx: TTransaction,
  credentials: TLrsCredentials,
  actors: unknown[],
): Promise<(string | null)[]> {
  if (credentials.kind === "cmi5") {
    actors.forEach((actor, index) => {
      if (agentIfi(actor) !== credentials.actorIfi)
        throw new AppError(
          "FORBIDDEN",
          `statements[${index}].actor: an AU may only send statements about its launch's actor`,
        );
    });
    return actors.map(() => credentials.institutionId);
  }
  if (credentials.kind === "learner") {
    const own = learnerIfi(credentials.userId);
    actors.forEach((actor, index) => {
      if (agentIfi(actor) !== own)
        throw new AppError(
          "FORBIDDEN",
          `statements[${index}].actor: a learner may only send statements about themselves`,
        );
    });
    return actors.map(() => credentials.institutionId);
  }
  const userIds = [...new Set(actors.map(userIdFromXapiAgent).filter((id): id is string => id !== null))];
  const users =
    userIds.length === 0
      ? []
      : await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, institutionId: true } });
  const institutionOf = new Map(users.map((user) => [user.id, user.institutionId]));
  return actors.map((actor, index) => {
    const userId = userIdFromXapiAgent(actor);
    const actorInstitution = userId ? (institutionOf.get(userId) ?? null) : null;
    if (credentials.kind === "client" && credentials.institutionId !== null) {
      if (userId && actorInstitution !== credentials.institutionId) {
        throw new AppError(
          "FORBIDDEN",
          `statements[${index}].actor: this client may only send statements about people of its institution`,
        );
      }
      return credentials.institutionId;
    }
    return actorInstitution;
  });
}

/** The rows of XapiStatement these credentials may read (a Prisma where fragment). */
export function statementReadScope(credentials: TLrsCredentials): { institutionId?: string; actorIfi?: string } {
  assertCanRead(credentials);
  if (credentials.kind === "learner") return { actorIfi: learnerIfi(credentials.userId) };
  if (credentials.kind === "cmi5") return { actorIfi: credentials.actorIfi };
  if (credentials.kind === "client" && credentials.institutionId !== null)
    return { institutionId: credentials.institutionId };
  return {};
}

/** True when a stored row is inside the read scope (for voiding checks on single rows). */
export function isInReadScope(
  credentials: TLrsCredentials,
  row: { institutionId: string | null; actorIfi: string | null },
): boolean {
  if (credentials.kind === "learner") return row.actorIfi === learnerIfi(credentials.userId);
  if (credentials.kind === "cmi5") return row.actorIfi === credentials.actorIfi;
  if (credentials.kind === "client" && credentials.institutionId !== null)
    return row.institutionId === credentials.institutionId;
  return true;
}

/**
 * The tenant of State and profile documents: the institution of an institution-scoped client or
 * of the learner, "" for national writers. Documents are per-tool working data (bookmarks,
 * settings), not records: each institution gets its own namespace, so one institution's tools
 * can neither read nor overwrite another's, and the same key may exist in both.
 */
export function documentScope(credentials: TLrsCredentials): string {
  if (credentials.kind === "relais") return "";
  return credentials.institutionId ?? "";
}

/** The actor whose documents these credentials are limited to (a learner, a cmi5 session), or null. */
export function ownDocumentsIfi(credentials: TLrsCredentials): string | null {
  if (credentials.kind === "learner") return learnerIfi(credentials.userId);
  if (credentials.kind === "cmi5") return credentials.actorIfi;
  return null;
}
