import { describe, expect, it } from "vitest";
import { buildPagePolicy, isCrossOriginServerAction } from "./security-headers";

describe("security headers", () => {
  it("the page policy runs only nonced scripts and takes lesson media from Relais, plus Mux's hosts when configured", () => {
    const local = buildPagePolicy({ nonce: "abc", isDevelopment: false, isMuxEnabled: false });
    expect(local).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(local).not.toContain("unsafe-eval");
    expect(local).toContain("media-src 'self' blob:;");
    expect(local).toContain("frame-ancestors 'none'");
    expect(local).toContain("object-src 'none'");
    expect(local).not.toContain("mux.com");
    const mux = buildPagePolicy({
      nonce: "abc",
      isDevelopment: false,
      isMuxEnabled: true,
      muxUploadOrigin: "http://127.0.0.1:4010",
    });
    expect(mux).toContain("media-src 'self' blob: https://stream.mux.com;");
    expect(mux).toContain("img-src 'self' data: blob: https://image.mux.com;");
    expect(mux).toContain("http://127.0.0.1:4010");
    expect(buildPagePolicy({ nonce: "abc", isDevelopment: true, isMuxEnabled: false })).toContain("'unsafe-eval'");
  });

  it("a server-action POST whose Origin is not the app's host is recognised (answered 403 by proxy.ts)", () => {
    const request = (headers: Record<string, string>, method = "POST") => ({ method, headers: new Headers(headers) });
    const action = { "next-action": "x", host: "relais.example" };
    expect(isCrossOriginServerAction(request({ ...action, origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginServerAction(request({ ...action, origin: "null" }))).toBe(true);
    expect(isCrossOriginServerAction(request({ ...action, origin: "https://relais.example" }))).toBe(false);
    expect(
      isCrossOriginServerAction(
        request({
          ...action,
          host: "10.0.0.5:3000",
          "x-forwarded-host": "relais.example",
          origin: "https://relais.example",
        }),
      ),
    ).toBe(false);
    // No Origin (Next lets it through), not an action, not a POST: left to Next.
    expect(isCrossOriginServerAction(request(action))).toBe(false);
    expect(isCrossOriginServerAction(request({ host: "relais.example", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossOriginServerAction(request({ ...action, origin: "https://evil.example" }, "GET"))).toBe(false);
  });
});
