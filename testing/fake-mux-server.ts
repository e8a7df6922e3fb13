// A local HTTP server answering like Mux's Video API (https://docs.mux.com/api-reference), so
// the real @mux/mux-node SDK can be exercised with `baseURL` pointing here: direct uploads
// (POST/GET /video/v1/uploads), the upload URL itself (PUT), assets (GET /video/v1/assets/{id}),
// and webhook deliveries signed exactly as Mux signs them.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

type TUpload = {
  id: string;
  url: string;
  status: "waiting" | "asset_created" | "errored" | "cancelled" | "timed_out";
  timeout: number;
  cors_origin: string;
  new_asset_settings: unknown;
  asset_id?: string;
};
type TAsset = {
  id: string;
  status: "preparing" | "ready" | "errored";
  upload_id: string;
  created_at: string;
  duration?: number;
  playback_ids?: { id: string; policy: "public" }[];
  passthrough?: string;
};

const newId = () => randomBytes(12).toString("base64url");

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `mux-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` (Mux's webhook signing scheme). */
export function signMuxWebhook(body: string, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

export async function startFakeMuxServer(options: { tokenId: string; tokenSecret: string }) {
  const uploads = new Map<string, TUpload>();
  const assets = new Map<string, TAsset>();
  const uploadedBytes = new Map<string, number>();
  const expectedAuth = `Basic ${Buffer.from(`${options.tokenId}:${options.tokenSecret}`).toString("base64")}`;
  let baseUrl = "";

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", baseUrl);
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const body = await readBody(request);
      // The upload URL is pre-signed: it carries no API credentials (the browser uses it).
      const put = /^\/upload\/([\w-]+)$/.exec(url.pathname);
      if (put && request.method === "PUT") {
        const upload = uploads.get(put[1]!);
        if (!upload || upload.status !== "waiting") return send(404, { error: { type: "not_found" } });
        const asset: TAsset = {
          id: newId(),
          status: "preparing",
          upload_id: upload.id,
          created_at: String(Math.floor(Date.now() / 1000)),
        };
        assets.set(asset.id, asset);
        uploadedBytes.set(asset.id, body.byteLength);
        Object.assign(upload, { status: "asset_created", asset_id: asset.id });
        response.writeHead(200, { "access-control-allow-origin": upload.cors_origin });
        return response.end();
      }
      if (request.headers.authorization !== expectedAuth)
        return send(401, { error: { type: "unauthorized", messages: ["Unauthorized request"] } });
      if (request.method === "POST" && url.pathname === "/video/v1/uploads") {
        const input = JSON.parse(body.toString("utf8") || "{}") as {
          cors_origin?: string;
          new_asset_settings?: unknown;
          timeout?: number;
        };
        if (!input.cors_origin)
          return send(400, { error: { type: "invalid_parameters", messages: ["cors_origin is required"] } });
        const id = newId();
        const upload: TUpload = {
          id,
          url: `${baseUrl}/upload/${id}`,
          status: "waiting",
          timeout: input.timeout ?? 3600,
          cors_origin: input.cors_origin,
          new_asset_settings: input.new_asset_settings ?? {},
        };
        uploads.set(id, upload);
        return send(201, { data: upload });
      }
      const uploadMatch = /^\/video\/v1\/uploads\/([\w-]+)$/.exec(url.pathname);
      if (request.method === "GET" && uploadMatch) {
        const upload = uploads.get(uploadMatch[1]!);
        return upload
          ? send(200, { data: upload })
          : send(404, { error: { type: "not_found", messages: ["Not found"] } });
      }
      const assetMatch = /^\/video\/v1\/assets\/([\w-]+)$/.exec(url.pathname);
      if (request.method === "GET" && assetMatch) {
        const asset = assets.get(assetMatch[1]!);
        return asset
          ? send(200, { data: asset })
          : send(404, { error: { type: "not_found", messages: ["Not found"] } });
      }
      return send(404, { error: { type: "not_found", messages: [`${request.method} ${url.pathname}`] } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    uploads,
    assets,
    uploadedBytes,
    /** Mux finishes encoding: the asset becomes ready with a public playback id. Returns the webhook event. */
    finishAsset(assetId: string) {
      const asset = assets.get(assetId);
      if (!asset) throw new Error(`no asset ${assetId}`);
      Object.assign(asset, { status: "ready", duration: 12.0, playback_ids: [{ id: newId(), policy: "public" }] });
      return {
        type: "video.asset.ready",
        object: { type: "asset", id: asset.id },
        id: newId(),
        environment: { name: "Test", id: "test" },
        created_at: new Date().toISOString(),
        data: asset,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TFakeMuxServer = Awaited<ReturnType<typeof startFakeMuxServer>>;
