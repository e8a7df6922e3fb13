import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZDigestInput = z.object({
  networkId: z.string().min(1).max(100),
  digest: z.enum(["DAILY", "WEEKLY", "OFF"]),
});

/** A member chooses how often the network's digest e-mail comes: their own membership only. */
export async function updateDigestPreference(actor: TActor, input: z.input<typeof ZDigestInput>) {
  const parsed = ZDigestInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { count } = await db.networkMember.updateMany({
    where: { networkId: parsed.data.networkId, userId: actor.userId, status: "ACTIVE" },
    data: { digest: parsed.data.digest },
  });
  if (count === 0) throw networkError("FORBIDDEN", "notMember");
}
