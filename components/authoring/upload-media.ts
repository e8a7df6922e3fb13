"use client";
// Browser side of media uploads. Videos go where the provider says (lib/video/video-provider.ts):
// to Relais (multipart POST) or straight to Mux (PUT to the direct-upload URL); the editor then
// polls the status until the provider has finished. Images always go to /api/uploads.

export type TVideoStatus = {
  id: string;
  provider: "LOCAL" | "MUX";
  status: "WAITING_UPLOAD" | "PROCESSING" | "READY" | "ERRORED";
  poster: string | null;
};

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? `HTTP ${response.status}`);
}

async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.set("file", file);
  const response = await fetch(url, { method: "POST", body: form });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function uploadImage(file: File): Promise<{ url: string; width: number; height: number }> {
  return postFile("/api/uploads", file);
}

export async function uploadPoster(assetId: string, file: File): Promise<{ poster: string }> {
  return postFile(`/api/video/${assetId}/poster`, file);
}

export async function getVideoStatus(assetId: string): Promise<TVideoStatus> {
  const response = await fetch(`/api/video/${assetId}/status`, { cache: "no-store" });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as TVideoStatus;
}

/** Uploads a video and resolves with its asset id once the provider has accepted the file. */
export async function uploadVideo(file: File): Promise<string> {
  const response = await fetch("/api/video/uploads", { method: "POST" });
  if (!response.ok) throw await failure(response);
  const upload = (await response.json()) as {
    provider: "LOCAL" | "MUX";
    method: "POST" | "PUT";
    url: string;
    assetId: string | null;
  };
  if (upload.provider === "LOCAL") return (await postFile<{ id: string }>(upload.url, file)).id;
  const put = await fetch(upload.url, {
    method: "PUT",
    body: file,
    headers: { "content-type": file.type || "application/octet-stream" },
  });
  if (!put.ok) throw new Error(`HTTP ${put.status}`);
  return upload.assetId!;
}

/** Polls until the video is READY or ERRORED (Mux encodes for a while; local videos are ready at once). */
export async function waitForVideo(
  assetId: string,
  onStatus: (status: TVideoStatus) => void,
  signal: AbortSignal,
): Promise<TVideoStatus> {
  for (;;) {
    const status = await getVideoStatus(assetId);
    onStatus(status);
    if (status.status === "READY" || status.status === "ERRORED" || signal.aborted) return status;
    await new Promise((resolve) => window.setTimeout(resolve, 3000));
  }
}

/** A downloadable course document (FILE activity): PDF, OpenDocument or Office, checked by the server. */
export async function uploadDocument(file: File): Promise<{ id: string; fileName: string; sizeBytes: number }> {
  return postFile("/api/uploads/files", file);
}
