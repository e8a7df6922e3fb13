import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createRegion } from "../../testing/fixtures";
import { findInputProblem, parseBoundedJson, findRouteParamProblem } from "./find-input-problem";
import { isStorageRefusal, toInputError } from "./input-errors";
import { AppError } from "../errors/app-error";

function nested(depth: number): unknown {
  let value: unknown = { type: "text", text: "x" };
  for (let level = 0; level < depth; level += 1) value = { type: "paragraph", content: [value] };
  return value;
}

describe("findInputProblem", () => {
  it("finds NUL characters in strings, keys, arrays and FormData", () => {
    expect(findInputProblem({ a: ["ok", "b\u0000"] })).toEqual({ kind: "nul", path: "a.1" });
    expect(findInputProblem({ "k\u0000": 1 })).toEqual({ kind: "nul", path: "k\u0000" });
    const form = new FormData();
    form.set("name", "Salle\u0000A");
    expect(findInputProblem(form)).toEqual({ kind: "nul", path: "name" });
    expect(findInputProblem("\uD800")?.kind).toBe("surrogate");
    expect(findInputProblem("😀 é ok")).toBeNull();
  });

  it("refuses 20,000 levels of nesting without overflowing, accepts ordinary depth", () => {
    expect(findInputProblem(nested(20_000))?.kind).toBe("too-deep");
    expect(findInputProblem(nested(20))).toBeNull();
  });
});

describe("parseBoundedJson", () => {
  it("refuses a 20,000-level document before parsing it", () => {
    const text = "[".repeat(20_000) + "]".repeat(20_000);
    expect(parseBoundedJson(text)).toEqual({ ok: false, problem: { kind: "too-deep", path: "" } });
  });
  it("ignores brackets inside strings and reads escaped NUL as NUL", () => {
    expect(parseBoundedJson(JSON.stringify({ text: "[".repeat(500) }))).toMatchObject({ ok: true });
    expect(parseBoundedJson('{"a":"x\\u0000"}')).toMatchObject({ ok: false, problem: { kind: "nul" } });
    expect(parseBoundedJson("{nope")).toMatchObject({ ok: false, problem: { kind: "syntax" } });
  });
});

describe("findRouteParamProblem", () => {
  it("refuses NUL and undecodable escapes, keeps ordinary values", () => {
    expect(findRouteParamProblem("\u0000")).toBe("nul");
    expect(findRouteParamProblem("%E0%A4%A")).toBe("malformed");
    expect(findRouteParamProblem("clx0abc-12")).toBeNull();
  });
});

describe("isStorageRefusal", () => {
  it("recognises PostgreSQL's refusal of a NUL character and maps it to INVALID", async () => {
    const error: unknown = await db.region
      .create({ data: { code: `NUL-${Date.now()}`, nameFr: "a\u0000b", nameEn: "a" } })
      .catch((caught: unknown) => caught);
    expect(isStorageRefusal(error)).toBe(true);
    const mapped = toInputError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe("INVALID");
  });
  it("does not take other database errors for bad input", async () => {
    const region = await createRegion();
    const error: unknown = await db.region
      .create({ data: { code: region.code, nameFr: "a", nameEn: "a" } })
      .catch((caught: unknown) => caught);
    expect(isStorageRefusal(error)).toBe(false);
  });
});
