// Shapes shared by the LRS and the modules it feeds (lib/learning projections).
import type { TTransaction } from "../db";

export type TJsonObject = Record<string, unknown>;

/** A statement as the LRS stored it: the client's JSON with id, stored, timestamp, authority and version set. */
export type TStoredStatement = TJsonObject & {
  id: string;
  actor: TJsonObject;
  verb: TJsonObject & { id: string };
  object: TJsonObject;
  timestamp: string;
  stored: string;
  authority: TJsonObject;
  version: string;
  context?: TJsonObject;
  result?: TJsonObject;
};

/** Work done on newly stored statements inside the storing transaction (see TStoreStatementsOptions.project). */
export type TStatementProjection = (tx: TTransaction, statements: TStoredStatement[]) => Promise<void>;

/** Who is calling the LRS: a Basic-authenticated client, a learner through their Relais session, or Relais itself. */
export type TLrsCredentials =
  | {
      kind: "client";
      clientId: string;
      key: string;
      name: string;
      institutionId: string | null;
      canRead: boolean;
      canWrite: boolean;
    }
  | { kind: "learner"; userId: string; name: string; institutionId: string | null }
  /** Relais itself (attendance, quiz results): national scope. */
  | { kind: "relais" }
  /**
   * A cmi5 AU's launch session (the auth-token its fetch URL handed out, lib/lrs/cmi5-session-credentials.ts):
   * it speaks only for the launch's actor, in the registration's institution.
   */
  | { kind: "cmi5"; sessionId: string; registration: string; actorIfi: string; institutionId: string | null };
