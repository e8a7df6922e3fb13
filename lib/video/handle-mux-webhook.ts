import "server-only";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { applyMuxAssetState } from "./apply-mux-asset-state";
import { getMuxClient } from "./mux-client";

// The fields we use from Mux's webhook events (https://docs.mux.com/guides/listen-for-webhooks).
const ZMuxAsset = z.object({
  id: z.string().min(1),
  status: z.enum(["preparing", "ready", "errored"]),
  upload_id: z.string().optional(),
  duration: z.number().optional(),
  playback_ids: z.array(z.object({ id: z.string(), policy: z.string() })).optional(),
});
const ZMuxEvent = z.object({ type: z.string(), data: z.unknown() });

/**
 * A Mux webhook delivery. The signature (mux-signature: t=<ts>,v1=<HMAC-SHA256 of "<ts>.<body>">)
 * is checked by the SDK on the raw body before anything is parsed; it refuses deliveries older
 * than five minutes, so a captured request cannot be replayed later. A replay within that window
 * is harmless: applying the same state twice changes nothing.
 */
export async function handleMuxWebhook(input: {
  body: string;
  headers: Headers;
}): Promise<{ type: string; assetId: string | null; changed: boolean }> {
  try {
    await getMuxClient().webhooks.verifySignature(input.body, input.headers);
  } catch {
    // The SDK's reason (missing header, bad signature, too old) is logged by no one on purpose: it helps an attacker only.
    // Mux reads these answers, not a person: they stay in English like the xAPI API's.
    throw new AppError("UNAUTHENTICATED", "mux-signature: the webhook signature is missing, invalid or expired");
  }
  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    throw new AppError("INVALID", "body: not JSON");
  }
  const event = ZMuxEvent.safeParse(json);
  if (!event.success) throw new AppError("INVALID", "body: a Mux event has a type and data");
  const { type, data } = event.data;
  if (type !== "video.asset.ready" && type !== "video.asset.errored" && type !== "video.asset.created")
    return { type, assetId: null, changed: false };
  const asset = ZMuxAsset.safeParse(data);
  if (!asset.success)
    throw new AppError("INVALID", `data.${asset.error.issues[0]?.path.join(".")}: ${asset.error.issues[0]?.message}`);
  const result = await applyMuxAssetState({
    uploadId: asset.data.upload_id ?? null,
    providerAssetId: asset.data.id,
    status: type === "video.asset.ready" ? "ready" : type === "video.asset.errored" ? "errored" : asset.data.status,
    playbackId: asset.data.playback_ids?.find((playback) => playback.policy === "public")?.id ?? null,
    durationSeconds: asset.data.duration ?? null,
  });
  return { type, ...result };
}
