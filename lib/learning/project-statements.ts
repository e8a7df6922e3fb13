import "server-only";
import type { TTransaction } from "../db";
import type { TStoredStatement } from "../lrs/types";

/** Called by the LRS inside the transaction that stores each batch of statements. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function projectStatements(tx: TTransaction, statements: TStoredStatement[]): Promise<void> {
  // Owned by lib/learning: maps statements to enrolment progress.
}
