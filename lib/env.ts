import "server-only";
import { parseEnv, type TEnv } from "./env-schema";

export type { TEnv };

let cached: TEnv | undefined;
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isDemoMode(): boolean {
  return env().RELAIS_MODE === "demo";
}

export function isOidcEnabled(): boolean {
  return Boolean(env().OIDC_ISSUER);
}

/** The public address of the app, without a trailing slash: the base of links in e-mails, feeds and QR codes. */
export function publicUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
