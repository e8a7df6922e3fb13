import "server-only";
import type { TActor } from "../auth/permissions";
import { env } from "../env";
import { localVideoProvider } from "./local-video-provider";
import { muxVideoProvider } from "./mux-video-provider";

/**
 * How the trainer's browser sends a video file: to Relais itself (multipart POST, local
 * provider) or straight to the provider (PUT to a one-time URL, Mux direct upload), in which
 * case the asset row exists already and becomes READY when the provider says so.
 */
export type TVideoUpload =
  | { provider: "LOCAL"; method: "POST"; url: string; assetId: null }
  | { provider: "MUX"; method: "PUT"; url: string; assetId: string };

/** One interface, two implementations; pages, routes and the editor never name a provider. */
export type TVideoProvider = {
  name: "LOCAL" | "MUX";
  createUpload(actor: TActor, options: { corsOrigin: string }): Promise<TVideoUpload>;
  /** Brings a pending asset up to date from the provider (the webhook may be late or lost). */
  refreshAsset(assetId: string): Promise<void>;
};

/** Mux when its token is configured (lib/env-schema.ts requires the webhook secret with it), local otherwise. */
export function getVideoProvider(): TVideoProvider {
  const { MUX_TOKEN_ID, MUX_TOKEN_SECRET } = env();
  return MUX_TOKEN_ID && MUX_TOKEN_SECRET ? muxVideoProvider : localVideoProvider;
}
