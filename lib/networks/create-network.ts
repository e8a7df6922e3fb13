import "server-only";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { can, institutionsWhere, type TAction, type TActor } from "../auth/permissions";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";
import { ensureNetworkProfile } from "./network-profile";

export const ZCreateNetworkInput = z
  .object({
    name: z.string().transform(cleanText).pipe(z.string().trim().min(3).max(120)),
    description: z.string().transform(cleanText).pipe(z.string().trim().max(2000)).default(""),
    scope: z.enum(["NATIONAL", "REGIONAL", "THEMATIC", "INSTITUTION"]),
    access: z.enum(["OPEN", "ON_REQUEST"]).default("OPEN"),
    regionId: z.string().min(1).max(100).optional(),
    themeId: z.string().min(1).max(100).optional(),
    institutionId: z.string().min(1).max(100).optional(),
  })
  .refine((input) => input.scope !== "REGIONAL" || input.regionId, { path: ["regionId"] })
  .refine((input) => input.scope !== "INSTITUTION" || input.institutionId, { path: ["institutionId"] });
export type TCreateNetworkInput = z.input<typeof ZCreateNetworkInput>;

/** The permission each kind of network needs (lib/auth/permissions.ts says who holds it). */
export const CREATE_ACTION: Record<TCreateNetworkInput["scope"], TAction> = {
  NATIONAL: "network.createNational",
  REGIONAL: "network.createRegional",
  THEMATIC: "network.createThematic",
  INSTITUTION: "network.createInstitution",
};

/** Paths of /networks that a network's slug must not shadow. */
const RESERVED_SLUGS = new Set(["search", "profile", "new"]);

export function slugify(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return !base ? "reseau" : RESERVED_SLUGS.has(base) ? `${base}-reseau` : base;
}

/** The kinds of network the actor may create, and where (the create form's choices: lib decides). */
export async function getNetworkCreationOptions(actor: TActor) {
  const scopes = (Object.keys(CREATE_ACTION) as TCreateNetworkInput["scope"][]).filter((scope) =>
    scope === "INSTITUTION"
      ? institutionsWhere(actor, CREATE_ACTION.INSTITUTION) !== "all"
        ? institutionsWhere(actor, CREATE_ACTION.INSTITUTION).length > 0
        : true
      : can(actor, CREATE_ACTION[scope]),
  );
  if (scopes.length === 0) return null;
  const creatable = institutionsWhere(actor, CREATE_ACTION.INSTITUTION);
  const [regions, themes, institutions] = await Promise.all([
    db.region.findMany({ orderBy: { nameFr: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    db.theme.findMany({ orderBy: { nameFr: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    scopes.includes("INSTITUTION")
      ? db.institution.findMany({
          where: creatable === "all" ? {} : { id: { in: creatable } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [],
  ]);
  return { scopes, regions, themes, institutions };
}

/**
 * Creates a network; its creator becomes its first moderator. Institution networks belong to
 * one institution (only a training officer of that institution, or a national administrator,
 * creates one); regional ones name their region.
 */
export async function createNetwork(actor: TActor, input: TCreateNetworkInput) {
  const parsed = ZCreateNetworkInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const data = parsed.data;
  const institutionId = data.scope === "INSTITUTION" ? data.institutionId! : null;
  if (!can(actor, CREATE_ACTION[data.scope], { institutionId })) throw networkError("FORBIDDEN", "cannotCreate");
  if (data.regionId && !(await db.region.findUnique({ where: { id: data.regionId }, select: { id: true } })))
    throw networkError("INVALID", "unknownRegion");
  if (data.themeId && !(await db.theme.findUnique({ where: { id: data.themeId }, select: { id: true } })))
    throw networkError("INVALID", "unknownTheme");
  const base = slugify(data.name);
  const taken = await db.network.count({ where: { slug: base } });
  const slug = taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
  return db.$transaction(async (tx) => {
    await ensureNetworkProfile(tx, actor.userId);
    const network = await tx.network.create({
      data: {
        slug,
        name: data.name,
        description: data.description,
        scope: data.scope,
        access: data.access,
        regionId: data.scope === "REGIONAL" ? data.regionId! : (data.regionId ?? null),
        themeId: data.themeId ?? null,
        institutionId,
        createdById: actor.userId,
        memberCount: 1,
        members: {
          create: { userId: actor.userId, role: "MODERATOR", status: "ACTIVE", joinedAt: new Date() },
        },
      },
      select: { id: true, slug: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.created",
        entityType: "Network",
        entityId: network.id,
        institutionId,
        data: { scope: data.scope, access: data.access },
      },
    });
    return network;
  });
}
