import "server-only";
import Mux from "@mux/mux-node";
import { env } from "../env";

let cached: Mux | undefined;

/** The one Mux SDK client, configured from the parsed environment (MUX_BASE_URL lets tests use a local server). */
export function getMuxClient(): Mux {
  const { MUX_TOKEN_ID, MUX_TOKEN_SECRET, MUX_WEBHOOK_SECRET, MUX_BASE_URL } = env();
  cached ??= new Mux({
    tokenId: MUX_TOKEN_ID ?? null,
    tokenSecret: MUX_TOKEN_SECRET ?? null,
    webhookSecret: MUX_WEBHOOK_SECRET ?? null,
    ...(MUX_BASE_URL ? { baseURL: MUX_BASE_URL } : {}),
  });
  return cached;
}
