import "server-only";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { listReadableInstitutions } from "./list-readable-institutions";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { COST_INDICATORS, computeCostIndicators } from "./costs";
import { loadCostFacts } from "./load-cost-facts";

export const ZCostIndicatorsInput = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/**
 * The cost indicators for what the actor may read (the same scopes as the needs indicators): a
 * training officer their institution, a regional correspondent the region's institutions, a
 * national administrator every institution, with the total over all of them.
 */
export async function getCostIndicators(actor: TActor, input: z.input<typeof ZCostIndicatorsInput>) {
  if (!canSometimes(actor, "needs.indicators")) throw keyedError("FORBIDDEN", "errors.codes.FORBIDDEN");
  const parsed = ZCostIndicatorsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const institutions = await listReadableInstitutions(actor);
  const facts = await loadCostFacts({
    year: parsed.data.year,
    institutionIds: institutions.map((institution) => institution.id),
  });
  const { total, byInstitution: rows } = computeCostIndicators(facts);
  const names = new Map(institutions.map((institution) => [institution.id, institution.name]));
  return {
    year: parsed.data.year,
    indicators: COST_INDICATORS.map(({ key, unit, definition }) => ({ key, unit, definition })),
    total,
    institutions: rows
      .map((row) => ({ ...row, name: names.get(row.institutionId) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
  };
}
