// Test data builders: every test seeds its own rows with unique codes, so tests never depend
// on each other or on the demo data.
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import type { Role } from "../lib/db/generated/enums";
import { loadActor } from "../lib/auth/actor";
import type { TActor } from "../lib/auth/permissions";

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createRegion() {
  const code = uniqueCode("REG");
  return db.region.create({ data: { code, nameFr: `Région ${code}`, nameEn: `Region ${code}` } });
}

export async function createInstitution(options: { regionId?: string } = {}) {
  const regionId = options.regionId ?? (await createRegion()).id;
  const code = uniqueCode("INST");
  return db.institution.create({ data: { code, name: `Institution ${code}`, regionId } });
}

export async function createUserWithRoles(options: {
  institutionId?: string | null;
  roles: { role: Role; institutionId?: string | null; relaySiteId?: string | null }[];
  managerId?: string;
}): Promise<TActor> {
  const email = `${uniqueCode("user")}@test.relais`;
  const user = await db.user.create({
    data: {
      email,
      name: email,
      institutionId: options.institutionId ?? null,
      managerId: options.managerId,
      memberships: {
        create: options.roles.map((role) => ({
          role: role.role,
          institutionId: role.institutionId ?? null,
          relaySiteId: role.relaySiteId ?? null,
        })),
      },
    },
  });
  return (await loadActor(user.id))!;
}
