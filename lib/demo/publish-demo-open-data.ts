import "server-only";
// A fresh demo shows open data: the demo's national administrator publishes it with the same
// code, the same statistical secrecy and the same audit row as the "Publier" button in /admin.
import { loadActor } from "../auth/load-actor";
import { db } from "../db";
import { openDataYears } from "../opendata/get-open-data";
import { publishOpenData } from "../opendata/publish-open-data";

export const DEMO_ADMIN_EMAIL = "admin@relais.test";

/** Publishes last year and this year to date (the years the demo data covers); returns them. */
export async function publishDemoOpenData(now = new Date()): Promise<number[]> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } });
  const actor = await loadActor(admin.id);
  if (!actor) throw new Error(`The demo administrator ${DEMO_ADMIN_EMAIL} is missing.`);
  const years = openDataYears(now).slice(0, 2).reverse();
  for (const year of years) await publishOpenData(actor, { year });
  return years;
}
