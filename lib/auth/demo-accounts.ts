// The demo accounts offered by the one-click sign-in page (demo mode only) and created by the seed.
import type { Role } from "../db/generated/enums";

export const DEMO_ACCOUNTS = [
  { email: "agent@relais.test", role: "AGENT", labelKey: "demo.agent" },
  { email: "manager@relais.test", role: "AGENT", labelKey: "demo.manager" },
  { email: "trainer@relais.test", role: "TRAINER", labelKey: "demo.trainer" },
  { email: "coordinator@relais.test", role: "SITE_COORDINATOR", labelKey: "demo.coordinator" },
  { email: "officer@relais.test", role: "TRAINING_OFFICER", labelKey: "demo.officer" },
  { email: "admin@relais.test", role: "NATIONAL_ADMIN", labelKey: "demo.admin" },
  // Training needs across two institutions of one region (lib/demo/seed-needs.ts).
  { email: "correspondent@relais.test", role: "REGIONAL_CORRESPONDENT", labelKey: "demo.correspondent" },
  { email: "agent@ulyon.relais.test", role: "AGENT", labelKey: "demo.lyonAgent" },
  { email: "manager@ulyon.relais.test", role: "AGENT", labelKey: "demo.lyonManager" },
  { email: "officer@ulyon.relais.test", role: "TRAINING_OFFICER", labelKey: "demo.lyonOfficer" },
  // The national library across two institutions (lib/demo/seed-library.ts).
  { email: "trainer@ulyon.relais.test", role: "TRAINER", labelKey: "demo.lyonTrainer" },
] as const satisfies readonly { email: string; role: Role; labelKey: string }[];

export function isDemoAccount(email: string): boolean {
  return DEMO_ACCOUNTS.some((account) => account.email === email.toLowerCase());
}
