import "server-only";
// Erasure of a departed agent (GDPR art. 17), by a training officer of the agent's institution.
// The person is pseudonymised, not deleted: what the law requires stays (certificates, their
// verification code, attendance records: Code du travail L6353-1 and funders' controls) and so do
// the aggregated indicators (enrolments, completions, hours, scores, survey scores and the agent's
// statistical dimensions: institution, category, population, sex, workplace for travel avoided).
// Everything that names or reaches the person goes: name, e-mail, sign-in identities, roles,
// notifications, free-text comments, quiz answers, xAPI documents; in stored xAPI statements the
// actor becomes a pseudonymous account. All of it, and the audit row, in one transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { localizedAppError } from "../sessions/localize-app-error";
import { xapiBaseUrl } from "../lrs/xapi-identifiers";
import { mboxSha1, pseudonymEmail, pseudonymName } from "./pseudonym";

export const ZEraseAgentInput = z.object({
  userId: z.string().min(1).max(64),
  reason: z.string().trim().min(5).max(1000),
});
export type TEraseAgentInput = z.input<typeof ZEraseAgentInput>;

export type TErasureResult = { pseudonymName: string; statements: number };

/** Statements are rewritten by one set-based UPDATE; a person's whole history fits in this budget. */
const ERASURE_TIMEOUT_MS = 120_000;

/**
 * Pseudonymises an agent who left: refused for another institution's person, for anyone holding
 * a role beyond agent (trainers, officers, coordinators, administrators are erased otherwise),
 * and for someone already erased. Returns the pseudonym shown from now on.
 */
export async function eraseAgent(actor: TActor, input: TEraseAgentInput): Promise<TErasureResult> {
  const parsed = ZEraseAgentInput.safeParse(input);
  if (!parsed.success)
    throw localizedAppError("INVALID", "reason: give the reason of the erasure (5 to 1,000 characters).", {
      messageKey: "privacy.erase.reasonRequired",
      values: {},
    });
  const { userId, reason } = parsed.data;
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
      const target = await tx.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          institutionId: true,
          erasedAt: true,
          memberships: { select: { role: true, institutionId: true } },
        },
      });
      if (!target) throw new AppError("NOT_FOUND", "This person does not exist.");
      // No institution, no scope: an officer's "institution" scope never covers such a person.
      assertCan(actor, "privacy.erase", { institutionId: target.institutionId });
      if (target.erasedAt)
        throw localizedAppError("CONFLICT", "This agent has already been erased.", {
          messageKey: "privacy.erase.alreadyErased",
          values: {},
        });
      const isAgentOnly = target.memberships.every(
        (membership) => membership.role === "AGENT" && membership.institutionId === target.institutionId,
      );
      if (!isAgentOnly || target.id === actor.userId)
        throw localizedAppError(
          "FORBIDDEN",
          "Only an agent of your institution, holding no other role, can be erased here.",
          {
            messageKey: "privacy.erase.notAnAgent",
            values: {},
          },
        );

      const pseudonym = randomUUID();
      const name = pseudonymName(pseudonym);
      const email = pseudonymEmail(pseudonym);
      const statements = await pseudonymiseStatements(tx, { user: target, pseudonym, name, email });
      const oldIfis = agentIfis(target);
      await tx.xapiDocument.deleteMany({ where: { agentIfi: { in: oldIfis } } });
      await tx.authIdentity.deleteMany({ where: { userId } });
      await tx.roleMembership.deleteMany({ where: { userId } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.user.updateMany({ where: { managerId: userId }, data: { managerId: null } });
      await tx.surveyResponse.updateMany({ where: { userId }, data: { comment: null } });
      await tx.enrolmentStatusChange.updateMany({ where: { enrolment: { userId } }, data: { comment: null } });
      await tx.registrationStatusChange.updateMany({ where: { registration: { userId } }, data: { comment: null } });
      await tx.quizAttempt.updateMany({ where: { enrolment: { userId } }, data: { answers: {} } });
      await tx.user.update({
        where: { id: userId },
        data: { name, email, workplaceLabel: null, managerId: null, erasedAt: new Date(), pseudonym },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "privacy.erase",
          entityType: "User",
          entityId: userId,
          institutionId: target.institutionId,
          // Never the former name or e-mail: the audit row must not undo the erasure.
          data: { reason, statements, pseudonymName: name },
        },
      });
      return { pseudonymName: name, statements };
    },
    { timeout: ERASURE_TIMEOUT_MS, maxWait: 10_000 },
  );
}

function agentIfis(user: { id: string; email: string }): string[] {
  return [
    `account:${xapiBaseUrl()} ${user.id}`,
    `mbox:mailto:${user.email.toLowerCase()}`,
    `mbox_sha1sum:${mboxSha1(user.email.toLowerCase())}`,
  ];
}

/**
 * Replaces the person in every stored statement where they appear (as actor, in context or a
 * sub-statement): the account name (their user id), their mailbox and its SHA-1, and their display
 * name, in the statement's JSON and in its indexed columns. One set-based UPDATE: statements keep
 * their ids, order and everything else, so projections and indicators built from them do not move.
 */
async function pseudonymiseStatements(
  tx: Prisma.TransactionClient,
  options: { user: { id: string; name: string; email: string }; pseudonym: string; name: string; email: string },
): Promise<number> {
  const { user, pseudonym, name, email } = options;
  const [accountIfi, mboxIfi, sha1Ifi] = agentIfis(user) as [string, string, string];
  const newAccountIfi = `account:${xapiBaseUrl()} ${pseudonym}`;
  const newMboxIfi = `mbox:mailto:${email}`;
  const newSha1Ifi = `mbox_sha1sum:${mboxSha1(email)}`;
  const oldSha1 = sha1Ifi.slice("mbox_sha1sum:".length);
  return tx.$executeRaw`
    UPDATE "XapiStatement" SET
      statement = replace(replace(replace(replace(statement::text,
        ${JSON.stringify(user.id)}, ${JSON.stringify(pseudonym)}),
        ${JSON.stringify(`mailto:${user.email}`)}, ${JSON.stringify(`mailto:${email}`)}),
        ${JSON.stringify(oldSha1)}, ${JSON.stringify(mboxSha1(email))}),
        ${`"name":${JSON.stringify(user.name)}`}, ${`"name":${JSON.stringify(name)}`})::json,
      "actorIfi" = CASE "actorIfi" WHEN ${accountIfi} THEN ${newAccountIfi} WHEN ${mboxIfi} THEN ${newMboxIfi}
        WHEN ${sha1Ifi} THEN ${newSha1Ifi} ELSE "actorIfi" END,
      "relatedAgents" = array_replace(array_replace(array_replace("relatedAgents",
        ${accountIfi}, ${newAccountIfi}), ${mboxIfi}, ${newMboxIfi}), ${sha1Ifi}, ${newSha1Ifi})
    WHERE "actorIfi" IN (${accountIfi}, ${mboxIfi}, ${sha1Ifi})
       OR "relatedAgents" && ARRAY[${accountIfi}, ${mboxIfi}, ${sha1Ifi}]::text[]
       OR "writerUserId" = ${user.id}`;
}
