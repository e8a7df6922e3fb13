import "server-only";
import { z } from "zod";
import { db, type TTransaction } from "../db";
import type { TActor } from "../auth/permissions";
import { invalidNetworkInput } from "./network-errors";
import { cleanText } from "./post-content";
import { handleFromName } from "./handle";

export { handleFromName };

/** The person's network profile, created with defaults (name only shown, plus institution) on first need. */
export async function ensureNetworkProfile(tx: TTransaction, userId: string) {
  const existing = await tx.networkProfile.findUnique({ where: { userId }, select: { handle: true } });
  if (existing) return existing;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const base = handleFromName(user.name);
  // Homonyms: the first keeps the plain handle, the next get a number.
  const taken = await tx.networkProfile.findMany({
    where: { handle: { startsWith: base } },
    select: { handle: true },
  });
  const used = new Set(taken.map((row) => row.handle));
  let handle = base;
  for (let n = 2; used.has(handle); n++) handle = `${base}${n}`;
  return tx.networkProfile.create({ data: { userId, handle }, select: { handle: true } });
}

export const ZProfileInput = z.object({
  /** Required: a profile form posted without it (a forged or truncated call) is refused. */
  headline: z.string().transform(cleanText).pipe(z.string().trim().max(120)),
  showInstitution: z.boolean(),
  showEmail: z.boolean(),
  showWorkplace: z.boolean(),
});

export async function getNetworkProfile(actor: TActor) {
  return db.$transaction(async (tx) => {
    await ensureNetworkProfile(tx, actor.userId);
    return tx.networkProfile.findUniqueOrThrow({
      where: { userId: actor.userId },
      select: { handle: true, headline: true, showInstitution: true, showEmail: true, showWorkplace: true },
    });
  });
}

/** What a member shows other members: their own choice, for their own profile only. */
export async function updateNetworkProfile(actor: TActor, input: z.input<typeof ZProfileInput>) {
  const parsed = ZProfileInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  await db.$transaction(async (tx) => {
    await ensureNetworkProfile(tx, actor.userId);
    await tx.networkProfile.update({ where: { userId: actor.userId }, data: parsed.data });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.profile.updated",
        entityType: "NetworkProfile",
        entityId: actor.userId,
        institutionId: actor.institutionId,
        data: { ...parsed.data, headline: undefined },
      },
    });
  });
}
