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
