import "server-only";
import { db } from "../db";

/** Names of institutions, regions and themes, for breakdown groups (enum values are translated by the UI). */
export async function loadGroupLabels(): Promise<Record<string, { fr: string; en: string }>> {
  const [institutions, regions, themes] = await Promise.all([
    db.institution.findMany({ select: { id: true, name: true } }),
    db.region.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
    db.theme.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
  ]);
  const labels: Record<string, { fr: string; en: string }> = {};
  for (const row of institutions) labels[row.id] = { fr: row.name, en: row.name };
  for (const row of [...regions, ...themes]) labels[row.id] = { fr: row.nameFr, en: row.nameEn };
  return labels;
}
