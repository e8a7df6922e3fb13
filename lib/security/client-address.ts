import "server-only";
import { env } from "../env";

/**
 * The client's address as the outermost trusted proxy saw it. Each proxy appends the address of
 * its peer to X-Forwarded-For, so entries left of the proxies' own are whatever the client wrote:
 * with N proxies the client is the N-th entry from the right. Next.js fills the header with the
 * socket's address when it is missing (next start). "unknown" when nothing usable is there: such
 * requests then share one bucket, which is the safe direction for a throttle.
 */
export function clientAddress(headers: Headers, hops: number = env().RELAIS_TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - Math.max(1, hops)] ?? entries[0];
  return entry && /^[0-9A-Fa-f:.]{2,45}$/.test(entry) ? entry : "unknown";
}
