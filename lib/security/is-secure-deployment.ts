import "server-only";
import { env } from "../env";

/**
 * Served over HTTPS: session cookies are Secure (and prefixed) and HSTS is sent. RELAIS_SECURE_COOKIES
 * decides when set; otherwise an https:// NEXTAUTH_URL does.
 */
export function isSecureDeployment(): boolean {
  const config = env();
  return config.RELAIS_SECURE_COOKIES ?? config.NEXTAUTH_URL?.startsWith("https://") === true;
}
