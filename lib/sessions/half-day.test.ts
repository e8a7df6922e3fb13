import { describe, expect, it } from "vitest";
import { halfDayBounds, zonedTimeToUtc } from "./half-day";
import { distanceKmOrNull } from "./geo";

describe("half-day bounds in the site's time zone", () => {
  it("a winter morning in Paris is UTC+1", () => {
    const { startsAt, endsAt } = halfDayBounds({ date: "2027-01-12", halfDay: "MORNING", timeZone: "Europe/Paris" });
    expect(startsAt.toISOString()).toBe("2027-01-12T08:00:00.000Z");
    expect(endsAt.toISOString()).toBe("2027-01-12T11:30:00.000Z");
  });

  it("a summer afternoon in Paris is UTC+2", () => {
    expect(
      halfDayBounds({ date: "2027-07-01", halfDay: "AFTERNOON", timeZone: "Europe/Paris" }).startsAt.toISOString(),
    ).toBe("2027-07-01T11:30:00.000Z");
  });

  it("overseas time zones work too", () => {
    expect(zonedTimeToUtc("2027-03-01", "09:00", "America/Cayenne").toISOString()).toBe("2027-03-01T12:00:00.000Z");
  });

  it("an invalid date is refused", () => {
    expect(() => zonedTimeToUtc("2027-13-45", "09:00", "Europe/Paris")).toThrow(RangeError);
  });
});

describe("distance from workplace to site", () => {
  it("Grenoble to Lyon is about 95 km as the crow flies", () => {
    const km = distanceKmOrNull({ lat: 45.1885, lng: 5.7245 }, { lat: 45.764, lng: 4.8357 })!;
    expect(km).toBeGreaterThan(90);
    expect(km).toBeLessThan(100);
  });

  it("no workplace coordinates, no distance", () => {
    expect(distanceKmOrNull({ lat: null, lng: 5 }, { lat: 45, lng: 5 })).toBeNull();
  });
});
