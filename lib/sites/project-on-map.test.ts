import { describe, expect, it } from "vitest";
import { projectOnMap } from "./project-on-map";

const FRAME = { width: 400, height: 300, margin: 20 };

describe("projectOnMap (sites drawn without a tile server)", () => {
  it("keeps north up and west left, fits the points inside the margins with the aspect ratio kept", () => {
    const [grenoble, lyon, marseille] = projectOnMap(
      [
        { name: "Grenoble", lat: 45.19, lng: 5.72 },
        { name: "Lyon", lat: 45.76, lng: 4.84 },
        { name: "Marseille", lat: 43.3, lng: 5.37 },
      ],
      FRAME,
    );
    expect(lyon!.y).toBeLessThan(grenoble!.y); // Lyon is north of Grenoble
    expect(lyon!.x).toBeLessThan(grenoble!.x); // and west of it
    expect(marseille!.y).toBeCloseTo(280, 0); // the southernmost point touches the bottom margin
    expect(lyon!.y).toBeCloseTo(20, 0); // the northernmost the top one
    for (const point of [grenoble!, lyon!, marseille!]) {
      expect(point.x).toBeGreaterThanOrEqual(20);
      expect(point.x).toBeLessThanOrEqual(380);
    }
    // Same scale on both axes: the east-west gap Lyon–Grenoble (0.88° × cos 44.75°) against the
    // north-south gap Lyon–Marseille (2.46°).
    const ratio = (grenoble!.x - lyon!.x) / (marseille!.y - lyon!.y);
    expect(ratio).toBeCloseTo((0.88 * Math.cos((44.75 * Math.PI) / 180)) / 2.46, 2);
  });

  it("puts a single point in the middle and returns nothing for no point", () => {
    expect(projectOnMap([{ lat: 48.85, lng: 2.35 }], FRAME)).toEqual([{ lat: 48.85, lng: 2.35, x: 200, y: 150 }]);
    expect(projectOnMap([], FRAME)).toEqual([]);
  });
});
