import { describe, expect, it } from "vitest";
import { packageContentOrigin, requestOrigin } from "./package-content-origin";
import { packageContentHeaders } from "./security-headers";

describe("the package content origin", () => {
  it("is the configured origin, never Relais's own", () => {
    expect(
      packageContentOrigin({ configured: "https://contenu.relais.example/x", appOrigin: "https://relais.example" }),
    ).toBe("https://contenu.relais.example");
    expect(packageContentOrigin({ configured: "https://relais.example", appOrigin: "https://relais.example" })).toBe(
      null,
    );
  });

  it("on localhost, the same server as 127.0.0.1 (another site); elsewhere none", () => {
    expect(packageContentOrigin({ appOrigin: "http://localhost:3000" })).toBe("http://127.0.0.1:3000");
    expect(packageContentOrigin({ appOrigin: "http://127.0.0.1:3000" })).toBe(null);
    expect(packageContentOrigin({ appOrigin: "https://relais.example" })).toBe(null);
  });

  it("reads the request's origin from its Host header, or the URL when it has none or a bad one", () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(requestOrigin(headers({ host: "localhost:3400" }), "http://0.0.0.0:3400/player/x")).toBe(
      "http://localhost:3400",
    );
    expect(requestOrigin(headers({}), "http://localhost:3400/player/x")).toBe("http://localhost:3400");
    expect(requestOrigin(headers({ host: "bad host/" }), "http://localhost:3400/")).toBe("http://localhost:3400");
  });
});

describe("a package file's headers", () => {
  it("on Relais's origin: an opaque origin, framed by Relais only", () => {
    const headers = packageContentHeaders({ isolatedFor: null });
    expect(headers["Content-Security-Policy"]).toMatch(/^sandbox allow-scripts allow-forms allow-popups allow-modals;/);
    expect(headers["Content-Security-Policy"]).not.toContain("allow-same-origin");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("on the content origin: that origin kept, framed by the player and the package itself only", () => {
    const headers = packageContentHeaders({ isolatedFor: "http://localhost:3400" });
    expect(headers["Content-Security-Policy"]).toMatch(/^sandbox [^;]*allow-same-origin;/);
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'self' http://localhost:3400");
    expect(headers["X-Frame-Options"]).toBeUndefined();
  });
});
