import type { Prisma } from "../db";

/** What other members see of a person: the name, the handle, and only the fields they chose to show. */
export const AUTHOR_SELECT = {
  id: true,
  name: true,
  email: true,
  workplaceLabel: true,
  institution: { select: { name: true } },
  networkProfile: {
    select: { handle: true, headline: true, showInstitution: true, showEmail: true, showWorkplace: true },
  },
} as const satisfies Prisma.UserSelect;

export type TAuthorRow = Prisma.UserGetPayload<{ select: typeof AUTHOR_SELECT }>;

export type TAuthorCard = {
  id: string;
  name: string;
  handle: string | null;
  headline: string | null;
  institution: string | null;
  email: string | null;
  workplace: string | null;
};

/** The single place deciding which profile fields leave the server (a field not chosen is never sent). */
export function authorCard(user: TAuthorRow): TAuthorCard {
  const profile = user.networkProfile;
  return {
    id: user.id,
    name: user.name,
    handle: profile?.handle ?? null,
    headline: profile?.headline || null,
    institution: profile?.showInstitution !== false ? (user.institution?.name ?? null) : null,
    email: profile?.showEmail ? user.email : null,
    workplace: profile?.showWorkplace ? (user.workplaceLabel ?? null) : null,
  };
}
