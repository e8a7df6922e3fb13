import { describe, expect, it } from "vitest";
import { parseDashboardParams, toQueryString } from "./parse-dashboard-params";

const NOW = new Date("2026-11-28T12:00:00Z");

describe("dashboard query strings", () => {
  it("defaults to this year to date", () => {
    expect(parseDashboardParams({}, NOW)).toEqual({
      filters: { from: "2026-01-01", to: "2026-11-28", breakdown: "none" },
      indicator: "trainees",
    });
  });

  it("reads a full query", () => {
    const parsed = parseDashboardParams(
      { from: "2025-01-01", to: "2025-12-31", breakdown: "region", regionId: "r1", indicator: "accessRate" },
      NOW,
    );
    expect(parsed).toEqual({
      filters: { from: "2025-01-01", to: "2025-12-31", breakdown: "region", regionId: "r1" },
      indicator: "accessRate",
    });
  });

  it("reports bad values and falls back to the defaults", () => {
    const parsed = parseDashboardParams({ from: "yesterday", breakdown: "planet", indicator: "nope" }, NOW);
    // The first problem, as a message key the page translates (never the field's name).
    expect(parsed.error?.details).toMatchObject({ messageKey: "indicators.filterErrors.from", field: "from" });
    expect(parsed.filters.from).toBe("2026-01-01");
    expect(parsed.indicator).toBe("trainees");
  });

  it("refuses a period that ends before it starts", () => {
    expect(parseDashboardParams({ from: "2026-05-01", to: "2026-04-01" }, NOW).error?.details).toMatchObject({
      messageKey: "indicators.filterErrors.order",
    });
  });

  it("builds the same filters back into a query string", () => {
    expect(toQueryString({ from: "2026-01-01", to: "2026-03-31", breakdown: "sex" }, { format: "csv" })).toBe(
      "from=2026-01-01&to=2026-03-31&breakdown=sex&format=csv",
    );
  });
});
