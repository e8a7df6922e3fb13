// Test data for the needs area (used by *.test.ts only): an institution with an open campaign, an
// officer, a manager and agents reporting to them, each with unique codes.
import { db } from "../lib/db";
import type { TActor } from "../lib/auth/permissions";
import { expressNeed } from "../lib/needs/express-need";
import { decideNeed } from "../lib/needs/decide-need";
import { createInstitution, createUserWithRoles, uniqueCode } from "./fixtures";
import type { StaffCategory, Sex, StaffPopulation } from "../lib/db/generated/enums";

const DAY = 24 * 3600_000;

export async function createTheme() {
  return db.theme.create({ data: { code: uniqueCode("TH"), nameFr: "Thème", nameEn: "Theme" } });
}

export async function createInstitutionWithCampaign(options: { regionId?: string; isOpen?: boolean } = {}) {
  const institution = await createInstitution({ regionId: options.regionId });
  const now = Date.now();
  const campaign = await db.needsCampaign.create({
    data: {
      institutionId: institution.id,
      year: new Date().getUTCFullYear(),
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + (options.isOpen === false ? -DAY : 30 * DAY)),
      instructions: "Préparez votre entretien.",
    },
  });
  const officer = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
  });
  const manager = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "AGENT", institutionId: institution.id }],
  });
  return { institution, campaign, officer, manager };
}

export async function createAgent(options: {
  institutionId: string;
  managerId?: string;
  staffCategory?: StaffCategory;
  population?: StaffPopulation;
  sex?: Sex;
  workplace?: { lat: number; lng: number };
}) {
  const agent = await createUserWithRoles({
    institutionId: options.institutionId,
    managerId: options.managerId,
    roles: [{ role: "AGENT", institutionId: options.institutionId }],
  });
  await db.user.update({
    where: { id: agent.userId },
    data: {
      staffCategory: options.staffCategory ?? "B",
      population: options.population ?? "ADMIN_TECHNICAL",
      sex: options.sex ?? "FEMALE",
      workplaceLat: options.workplace?.lat ?? null,
      workplaceLng: options.workplace?.lng ?? null,
    },
  });
  return agent;
}

/** A free need of the agent on a theme (T1, medium priority), decided by the campaign's officer. */
export async function createDecidedNeed(options: {
  agent: TActor;
  campaignId: string;
  officer: TActor;
  themeId: string;
  decision: "RETAINED" | "DEFERRED" | "REFUSED";
}) {
  const need = await expressNeed(options.agent, {
    campaignId: options.campaignId,
    title: "Gestion de projet",
    themeId: options.themeId,
    trainingType: "T1_ADAPT_POST",
    priority: "MEDIUM",
    justification: "Nouveau poste.",
  });
  await decideNeed(options.officer, {
    needId: need.id,
    decision: options.decision,
    reason: options.decision === "RETAINED" ? "" : "Hors plan",
  });
  return need;
}
