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

describe("findUrlProblem and the proxy's refusals", () => {
  it("refuses undecodable or NUL paths and NUL queries, lets ordinary URLs through", async () => {
    const { findUrlProblem } = await import("./check-request-url");
    expect(findUrlProblem({ pathname: "/verify/%E0%A4%A", search: "" })).toEqual({
      kind: "malformed-encoding",
      part: "path",
    });
    expect(findUrlProblem({ pathname: "/api/reports/jobs/%00", search: "" })?.kind).toBe("nul");
    expect(findUrlProblem({ pathname: "/catalogue", search: "?q=%00" })).toEqual({ kind: "nul", part: "query" });
    expect(findUrlProblem({ pathname: "/courses/%C3%A9t%C3%A9", search: "?q=donn%C3%A9es&x=%" })).toBeNull();
  });

  it("answers a page in the visitor's language and the API in English JSON", async () => {
    const { refuseMalformedUrl } = await import("./refuse-malformed-url");
    const request = (pathname: string, language: string) => ({
      nextUrl: { pathname, search: "" },
      headers: new Headers({ "accept-language": language }),
      cookies: { get: () => undefined },
    });
    const page = refuseMalformedUrl(request("/verify/%E0%A4%A", "en-GB,en;q=0.9"))!;
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<html lang="en">');
    const french = refuseMalformedUrl(request("/verify/%E0%A4%A", "fr-FR"))!;
    expect(await french.text()).toContain("Adresse mal formée");
    const api = refuseMalformedUrl(request("/api/xapi/activities/%00", "fr-FR"))!;
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: "INVALID", message: expect.stringContaining("NUL") });
    expect(refuseMalformedUrl(request("/sessions/abc", "fr"))).toBeUndefined();
  });

  it("refuses server-action arguments React could not decode, not ordinary ones", async () => {
    const { refuseMalformedAction } = await import("./refuse-malformed-action");
    // FormData bodies get their multipart content type (with its boundary) from Request itself.
    const call = (body: BodyInit, contentType?: string) =>
      new Request("http://localhost/sites/x", {
        method: "POST",
        headers: { "next-action": "7f00", ...(contentType ? { "content-type": contentType } : {}) },
        body,
      });
    expect((await refuseMalformedAction(call("[".repeat(20_000), "text/plain;charset=UTF-8")))?.status).toBe(400);
    expect((await refuseMalformedAction(call("not json", "text/plain;charset=UTF-8")))?.status).toBe(400);
    expect(await refuseMalformedAction(call('[null,"ok"]', "text/plain;charset=UTF-8"))).toBeUndefined();
    const deep = new FormData();
    deep.set("0", `[null,${"[".repeat(20_000)}${"]".repeat(20_000)}]`);
    expect(call(deep).headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect((await refuseMalformedAction(call(deep)))?.status).toBe(400);
    const form = new FormData();
    form.set("0", '[null,"$K1"]');
    form.set("1_name", "[[[ not JSON, typed by a person");
    expect(await refuseMalformedAction(call(form))).toBeUndefined();
  });
});
