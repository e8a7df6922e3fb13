import { describe, expect, it, vi } from "vitest";

// RELAIS_SECURE_COOKIES was parsed and never used: it now decides next-auth's cookies and HSTS.
async function optionsWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  const { authOptions } = await import("../auth/options");
  const { isSecureDeployment } = await import("./is-secure-deployment");
  return { useSecureCookies: authOptions().useSecureCookies, isSecure: isSecureDeployment() };
}

describe("Secure cookies and HSTS", () => {
  it("follow RELAIS_SECURE_COOKIES, else the scheme of NEXTAUTH_URL", async () => {
    const url = process.env.NEXTAUTH_URL;
    try {
      expect(await optionsWith({ NEXTAUTH_URL: "https://relais.example", RELAIS_SECURE_COOKIES: undefined })).toEqual({
        useSecureCookies: true,
        isSecure: true,
      });
      expect(await optionsWith({ NEXTAUTH_URL: "http://localhost:3000", RELAIS_SECURE_COOKIES: undefined })).toEqual({
        useSecureCookies: false,
        isSecure: false,
      });
      // TLS ends at the load balancer, NEXTAUTH_URL says http internally: the variable forces it on.
      expect(await optionsWith({ NEXTAUTH_URL: "http://localhost:3000", RELAIS_SECURE_COOKIES: "true" })).toEqual({
        useSecureCookies: true,
        isSecure: true,
      });
      expect(await optionsWith({ NEXTAUTH_URL: "https://relais.example", RELAIS_SECURE_COOKIES: "false" })).toEqual({
        useSecureCookies: false,
        isSecure: false,
      });
    } finally {
      process.env.NEXTAUTH_URL = url;
      delete process.env.RELAIS_SECURE_COOKIES;
    }
  });
});
