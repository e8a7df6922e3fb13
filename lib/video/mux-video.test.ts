import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { parseEnv } from "../env-schema";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { signMuxWebhook } from "../../testing/fake-mux-server";
import { createPublishedCourse } from "../../testing/learning-fixtures";
import { getVideoProvider } from "./video-provider";
import { handleMuxWebhook } from "./handle-mux-webhook";
import { getVideoAsset } from "./get-video-asset";
import { POST as webhookRoute } from "../../app/api/video/mux/webhook/route";

// The real @mux/mux-node SDK against a local server answering like Mux. The environment must be
// set before lib/env parses it (lib/db does so on import), hence the hoisted start.
const fake = await vi.hoisted(async () => {
  const { startFakeMuxServer } = await import("../../testing/fake-mux-server");
  const server = await startFakeMuxServer({ tokenId: "test-token", tokenSecret: "test-token-secret" });
  Object.assign(process.env, {
    MUX_TOKEN_ID: "test-token",
    MUX_TOKEN_SECRET: "test-token-secret",
    MUX_WEBHOOK_SECRET: "whsec-test-secret",
    MUX_BASE_URL: server.url,
  });
  return server;
});
const SECRET = "whsec-test-secret";
afterAll(() => fake.close());

async function trainerAndAgents() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  const trainer = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "TRAINER", institutionId: a.id }] });
  const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  const agentB = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
  return { a, trainer, agentA, agentB };
}

/** Direct upload as the browser does it: PUT the bytes to the URL Mux gave. */
async function uploadThroughBrowser(url: string) {
  const response = await fetch(url, { method: "PUT", body: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]) });
  expect(response.status).toBe(200);
}

function webhookRequest(event: object, options: { timestamp?: number; tamper?: boolean } = {}) {
  const body = JSON.stringify(event);
  const signature = signMuxWebhook(body, SECRET, options.timestamp);
  return {
    body: options.tamper ? body.replace('"ready"', '"errored"') : body,
    headers: new Headers({ "mux-signature": signature, "content-type": "application/json" }),
  };
}

describe("Mux video provider (real SDK, local Mux-like server, real signatures)", () => {
  it("requires the token, the secret and the webhook secret together", () => {
    const base = { DATABASE_URL: "postgresql://u:p@localhost/r", NEXTAUTH_SECRET: "0123456789abcdef0123" };
    expect(() => parseEnv({ ...base, MUX_TOKEN_ID: "x" })).toThrow(/MUX_TOKEN_ID.*set together/);
    expect(() => parseEnv({ ...base, MUX_TOKEN_ID: "x", MUX_TOKEN_SECRET: "y" })).toThrow(
      /MUX_WEBHOOK_SECRET must be set together/,
    );
    expect(parseEnv({ ...base, MUX_TOKEN_ID: "x", MUX_TOKEN_SECRET: "y", MUX_WEBHOOK_SECRET: "z" }).MUX_TOKEN_ID).toBe(
      "x",
    );
  });

  it("creates a direct upload, becomes ready on a signed video.asset.ready, ignores a replay, shows it only to those who may see it", async () => {
    const { a, trainer, agentA, agentB } = await trainerAndAgents();
    const provider = getVideoProvider();
    expect(provider.name).toBe("MUX");
    const upload = await provider.createUpload(trainer, { corsOrigin: "http://localhost:3000" });
    expect(upload).toMatchObject({ provider: "MUX", method: "PUT" });
    if (upload.provider !== "MUX") throw new Error("unreachable");
    const row = await db.videoAsset.findUniqueOrThrow({ where: { id: upload.assetId } });
    expect(row).toMatchObject({ provider: "MUX", status: "WAITING_UPLOAD", createdById: trainer.userId });
    expect(fake.uploads.get(row.uploadId!)).toMatchObject({
      cors_origin: "http://localhost:3000",
      new_asset_settings: { playback_policies: ["public"] },
    });

    await uploadThroughBrowser(upload.url);
    const muxAssetId = fake.uploads.get(row.uploadId!)!.asset_id!;
    // Polling: GET uploads/{id} then assets/{id} through the SDK finds the asset still preparing.
    expect(await getVideoAsset(trainer, upload.assetId)).toMatchObject({ status: "PROCESSING", playback: null });
    expect((await db.videoAsset.findUniqueOrThrow({ where: { id: upload.assetId } })).providerAssetId).toBe(muxAssetId);

    const event = fake.finishAsset(muxAssetId);
    const playbackId = fake.assets.get(muxAssetId)!.playback_ids![0]!.id;
    expect(await handleMuxWebhook(webhookRequest(event))).toMatchObject({
      type: "video.asset.ready",
      assetId: upload.assetId,
      changed: true,
    });
    const ready = await db.videoAsset.findUniqueOrThrow({ where: { id: upload.assetId } });
    expect(ready).toMatchObject({ status: "READY", playbackId, durationSeconds: 12 });

    // The same delivery again (Mux retries): accepted, nothing changes, one audit row only.
    expect(await handleMuxWebhook(webhookRequest(event))).toMatchObject({ changed: false });
    expect(await db.auditLog.count({ where: { entityId: upload.assetId, action: "video.mux.ready" } })).toBe(1);

    // Playback: the uploader sees it; learners once a published course of theirs uses it; others never.
    expect((await getVideoAsset(trainer, upload.assetId)).playback).toEqual({
      kind: "mux",
      playbackId,
      src: `/api/video/${upload.assetId}/stream`,
      poster: `https://image.mux.com/${playbackId}/thumbnail.webp?width=960`,
    });
    await expect(getVideoAsset(agentA, upload.assetId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const course = await createPublishedCourse({ institutionId: a.id, visibility: "INSTITUTION" });
    await db.activity.updateMany({ where: { key: course.keys.video }, data: { videoAssetId: upload.assetId } });
    expect((await getVideoAsset(agentA, upload.assetId)).playback?.kind).toBe("mux");
    await expect(getVideoAsset(agentB, upload.assetId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses tampered, unsigned, wrongly signed and expired deliveries, changing nothing", async () => {
    const { trainer } = await trainerAndAgents();
    const upload = await getVideoProvider().createUpload(trainer, { corsOrigin: "http://localhost:3000" });
    if (upload.provider !== "MUX") throw new Error("unreachable");
    await uploadThroughBrowser(upload.url);
    const muxAssetId = [...fake.uploads.values()].find((candidate) => candidate.url === upload.url)!.asset_id!;
    const event = fake.finishAsset(muxAssetId);

    await expect(handleMuxWebhook(webhookRequest(event, { tamper: true }))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      handleMuxWebhook(webhookRequest(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const unsigned = webhookRequest(event);
    unsigned.headers.delete("mux-signature");
    await expect(handleMuxWebhook(unsigned)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const body = JSON.stringify(event);
    await expect(
      handleMuxWebhook({ body, headers: new Headers({ "mux-signature": signMuxWebhook(body, "another-secret") }) }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.videoAsset.findUniqueOrThrow({ where: { id: upload.assetId } })).status).toBe("WAITING_UPLOAD");

    // Over the route handler: the HTTP statuses Mux sees (401 refused, 400 malformed, 200 accepted).
    const asRequest = (request: { body: string; headers: Headers }) =>
      new Request("http://localhost/api/video/mux/webhook", {
        method: "POST",
        body: request.body,
        headers: request.headers,
      });
    expect((await webhookRoute(asRequest(webhookRequest(event, { tamper: true })))).status).toBe(401);
    expect((await webhookRoute(asRequest(webhookRequest({ type: "video.asset.ready", data: {} })))).status).toBe(400);
    const accepted = await webhookRoute(asRequest(webhookRequest(event)));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ assetId: upload.assetId, changed: true });
    expect((await webhookRoute(asRequest(webhookRequest(event)))).status).toBe(200);
    await db.videoAsset.update({ where: { id: upload.assetId }, data: { status: "WAITING_UPLOAD" } });

    // A validly signed event for an asset Relais never created is acknowledged and ignored.
    const foreign = { ...event, data: { ...event.data, id: "not-ours", upload_id: "not-ours" } };
    expect(await handleMuxWebhook(webhookRequest(foreign))).toMatchObject({ assetId: null, changed: false });
    // Signed but malformed: 400 naming the field.
    await expect(
      handleMuxWebhook(webhookRequest({ type: "video.asset.ready", data: { id: 3 } })),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses a direct upload to a non-trainer", async () => {
    const { agentA } = await trainerAndAgents();
    await expect(
      getVideoProvider().createUpload(agentA, { corsOrigin: "http://localhost:3000" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
