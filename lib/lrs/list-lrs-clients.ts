import "server-only";
// The LRS clients an actor manages, with the scopes they may create new ones in: every client
// and "national" for national scope, else those of their institutions. `institutionId` narrows
// the page to one institution (an institution's own page), after checking the actor's right on it.
import { assertCan } from "../auth/assert-can";
import { institutionsWhere, type TActor } from "../auth/permissions";
import { db, type Prisma } from "../db";
import { AppError } from "../errors/app-error";

export type TLrsClientRow = {
  id: string;
  name: string;
  key: string;
  institution: { id: string; name: string } | null;
  canRead: boolean;
  canWrite: boolean;
  createdAt: Date;
  revokedAt: Date | null;
};

export type TLrsClientAdmin = {
  clients: TLrsClientRow[];
  institutions: { id: string; name: string }[];
  isNationalAllowed: boolean;
};

export async function listLrsClients(
  actor: TActor,
  options: { institutionId?: string } = {},
): Promise<TLrsClientAdmin> {
  const scope = institutionsWhere(actor, "lrsClient.manage");
  let where: Prisma.LrsClientWhereInput;
  let institutionWhere: Prisma.InstitutionWhereInput;
  if (options.institutionId !== undefined) {
    assertCan(actor, "lrsClient.manage", { institutionId: options.institutionId });
    where = { institutionId: options.institutionId };
    institutionWhere = { id: options.institutionId };
  } else {
    where = scope === "all" ? {} : { institutionId: { in: scope } };
    institutionWhere = scope === "all" ? {} : { id: { in: scope } };
  }
  const [clients, institutions] = await Promise.all([
    db.lrsClient.findMany({
      where,
      select: {
        id: true,
        name: true,
        key: true,
        canRead: true,
        canWrite: true,
        createdAt: true,
        revokedAt: true,
        institution: { select: { id: true, name: true } },
      },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    }),
    db.institution.findMany({ where: institutionWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  if (options.institutionId !== undefined && institutions.length === 0)
    throw new AppError("NOT_FOUND", "This institution does not exist.");
  return { clients, institutions, isNationalAllowed: options.institutionId === undefined && scope === "all" };
}
