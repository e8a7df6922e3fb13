import "server-only";
import { db } from "../db";
import type { VideoStatus } from "../db/generated/enums";

/** What Mux told us about an asset, from a webhook or from GET /video/v1/assets/{id}. */
export type TMuxAssetState = {
  uploadId: string | null;
  providerAssetId: string | null;
  status: "preparing" | "ready" | "errored";
  playbackId: string | null;
  durationSeconds: number | null;
};

const STATUS: Record<TMuxAssetState["status"], VideoStatus> = {
  preparing: "PROCESSING",
  ready: "READY",
  errored: "ERRORED",
};

/**
 * Records Mux's state on our row, found by asset id or by the direct upload that created it.
 * Idempotent: a replayed webhook or a poll after the webhook changes nothing and writes no
 * second audit row. A READY asset never goes back to PROCESSING (events may arrive out of order).
 */
export async function applyMuxAssetState(state: TMuxAssetState): Promise<{ assetId: string | null; changed: boolean }> {
  const keys = [
    ...(state.providerAssetId ? [{ providerAssetId: state.providerAssetId }] : []),
    ...(state.uploadId ? [{ uploadId: state.uploadId }] : []),
  ];
  if (keys.length === 0) return { assetId: null, changed: false };
  return db.$transaction(async (tx) => {
    const row = await tx.videoAsset.findFirst({
      where: { provider: "MUX", OR: keys },
      select: { id: true, status: true, playbackId: true, providerAssetId: true, createdById: true },
    });
    if (!row) return { assetId: null, changed: false };
    const status = STATUS[state.status];
    if (row.status === "READY" && status !== "READY") return { assetId: row.id, changed: false };
    const next = {
      status,
      providerAssetId: state.providerAssetId ?? row.providerAssetId,
      playbackId: state.playbackId ?? row.playbackId,
    };
    if (
      row.status === next.status &&
      row.playbackId === next.playbackId &&
      row.providerAssetId === next.providerAssetId
    )
      return { assetId: row.id, changed: false };
    // Compare-and-set on the status read above, so two concurrent deliveries audit once.
    const { count } = await tx.videoAsset.updateMany({
      where: { id: row.id, status: row.status },
      data: { ...next, ...(state.durationSeconds !== null ? { durationSeconds: state.durationSeconds } : {}) },
    });
    if (count === 0) return { assetId: row.id, changed: false };
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: `video.mux.${state.status}`,
        entityType: "VideoAsset",
        entityId: row.id,
        data: { providerAssetId: next.providerAssetId, playbackId: next.playbackId },
      },
    });
    return { assetId: row.id, changed: true };
  });
}
