import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { getSiteOrThrow } from "./site-access";
import { invalidInput } from "../errors/invalid-input";

export const ZUpdateSiteInput = z.object({
  siteId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z -]{3,10}$/i, "postal code"),
  city: z.string().trim().min(1).max(120),
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
  accessibility: z.string().trim().max(2000).default(""),
  openingHours: z.string().trim().max(500).default(""),
  contactEmail: z.union([z.literal(""), z.email()]).default(""),
  contactPhone: z.string().trim().max(30).default(""),
});
export type TUpdateSiteInput = z.input<typeof ZUpdateSiteInput>;

function fieldError(error: z.ZodError) {
  return invalidInput(error);
}

/** The site's coordinator updates its address, coordinates, accessibility, opening hours and contact. */
export async function updateSite(actor: TActor, input: TUpdateSiteInput) {
  const parsed = ZUpdateSiteInput.safeParse(input);
  if (!parsed.success) throw fieldError(parsed.error);
  const { siteId, contactEmail, contactPhone, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(tx, siteId);
    assertCan(actor, "site.manage", { relaySiteId: site.id, institutionId: site.institutionId });
    await tx.relaySite.update({
      where: { id: siteId },
      data: { ...fields, contactEmail: contactEmail || null, contactPhone: contactPhone || null },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "site.updated",
        entityType: "RelaySite",
        entityId: siteId,
        institutionId: site.institutionId,
        data: fields,
      },
    });
  });
}

export { fieldError };
