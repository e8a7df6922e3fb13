// Test data for the networks area (used by *.test.ts only): institutions in one region, agents,
// a training officer, a national administrator, and networks created through the use cases.
import { db } from "../lib/db";
import { createInstitution, createRegion, createUserWithRoles } from "./fixtures";
import type { TActor } from "../lib/auth/permissions";
import { createNetwork, type TCreateNetworkInput } from "../lib/networks/create-network";
import { joinNetwork } from "../lib/networks/join-network";

export async function createNetworkWorld() {
  const region = await createRegion();
  const [institutionA, institutionB] = [
    await createInstitution({ regionId: region.id }),
    await createInstitution({ regionId: region.id }),
  ];
  const agent = (institutionId: string) =>
    createUserWithRoles({ institutionId, roles: [{ role: "AGENT", institutionId }] });
  const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
  const officerA = await createUserWithRoles({
    institutionId: institutionA.id,
    roles: [
      { role: "TRAINING_OFFICER", institutionId: institutionA.id },
      { role: "AGENT", institutionId: institutionA.id },
    ],
  });
  return {
    region,
    institutionA,
    institutionB,
    admin,
    officerA,
    agentA: await agent(institutionA.id),
    agentB: await agent(institutionB.id),
    agentB2: await agent(institutionB.id),
    newAgent: agent,
  };
}

export async function createTestNetwork(creator: TActor, input: Partial<TCreateNetworkInput> & { regionId?: string }) {
  const created = await createNetwork(creator, {
    name: input.name ?? `Réseau ${Math.random().toString(36).slice(2, 8)}`,
    scope: input.scope ?? "REGIONAL",
    access: input.access ?? "OPEN",
    regionId: input.regionId,
    institutionId: input.institutionId,
    description: input.description ?? "",
  });
  return db.network.findUniqueOrThrow({ where: { id: created.id } });
}

export async function joinAll(networkId: string, actors: TActor[]) {
  for (const actor of actors) await joinNetwork(actor, { networkId });
}

/** A tiptap document of paragraphs. */
export function doc(...paragraphs: string[]): string {
  return JSON.stringify({
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  });
}
