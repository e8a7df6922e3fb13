import "server-only";
import { invalidInput } from "../errors/invalid-input";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { listReadableInstitutions } from "./list-readable-institutions";
import { AppError } from "../errors/app-error";
import { computeNeedsAccess, NEEDS_INDICATORS } from "./needs-access";
import { loadNeedsFacts } from "./load-needs-facts";

export const ZNeedsAccessInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  breakdown: z.enum(["staffCategory", "population", "sex"]).default("staffCategory"),
});

/**
 * The equal-access indicators of needs for what the actor may read: a training officer their
 * institution, a regional correspondent the institutions of their region, a national
 * administrator every institution. Aggregates only.
 */
export async function getNeedsAccess(actor: TActor, input: z.input<typeof ZNeedsAccessInput>) {
  if (!canSometimes(actor, "needs.indicators")) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
  const parsed = ZNeedsAccessInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { year, breakdown } = parsed.data;
  const institutions = await listReadableInstitutions(actor);
  const facts = await loadNeedsFacts({ year, institutionIds: institutions.map((institution) => institution.id) });
  return {
    year,
    breakdown,
    institutions,
    indicators: NEEDS_INDICATORS.map(({ key, unit, definition }) => ({ key, unit, definition })),
    ...computeNeedsAccess(facts, breakdown),
  };
}
