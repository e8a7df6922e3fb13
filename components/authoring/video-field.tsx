"use client";
import { useEffect, useState } from "react";
import { uploadPoster, uploadVideo, waitForVideo, type TVideoStatus } from "./upload-media";
import { formatMessage } from "@/lib/i18n/format-message";

export type TVideoFieldLabels = {
  file: string;
  fileHint: string;
  uploading: string;
  status: Record<TVideoStatus["status"], string>;
  none: string;
  poster: string;
  posterHint: string;
  posterAlt: string;
  error: string;
};
type TProps = {
  id: string;
  assetId: string | null;
  labels: TVideoFieldLabels;
  onChange: (assetId: string, status: TVideoStatus) => void;
};

/** Choose the video of an activity or a lesson embed: upload, follow processing, set the poster (local videos). */
export function VideoField({ id, assetId, labels, onChange }: TProps) {
  const [status, setStatus] = useState<TVideoStatus | null>(null);
  const [message, setMessage] = useState("");
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    if (!assetId) return;
    const controller = new AbortController();
    waitForVideo(assetId, setStatus, controller.signal).catch(() => setStatus(null));
    return () => controller.abort();
  }, [assetId]);

  async function onVideo(file: File | undefined) {
    if (!file) return;
    setIsBusy(true);
    setMessage(labels.uploading);
    try {
      const uploaded = await uploadVideo(file);
      const ready = await waitForVideo(uploaded, setStatus, new AbortController().signal);
      onChange(uploaded, ready);
      setMessage("");
    } catch (error) {
      setMessage(formatMessage(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsBusy(false);
    }
  }

  async function onPoster(file: File | undefined) {
    if (!file || !status) return;
    try {
      const { poster } = await uploadPoster(status.id, file);
      // A new query string so the browser shows the new poster at the same address.
      setStatus({ ...status, poster: `${poster}?v=${Date.now().toString(36)}` });
      setMessage("");
    } catch (error) {
      setMessage(formatMessage(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <div className="form video-field">
      <p className="muted" id={`${id}-status`}>
        {status ? labels.status[status.status] : labels.none}
      </p>
      {/* The poster comes from an authenticated API route: next/image's optimizer cannot fetch it. */}
      {status?.poster && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={status.poster} alt={labels.posterAlt} className="video-poster-preview" width={320} />
      )}
      <label htmlFor={`${id}-file`}>{labels.file}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="video/mp4,video/webm"
        aria-describedby={`${id}-file-hint`}
        disabled={isBusy}
        onChange={(event) => void onVideo(event.target.files?.[0])}
      />
      <p className="muted" id={`${id}-file-hint`}>
        {labels.fileHint}
      </p>
      {status?.provider === "LOCAL" && status.status === "READY" && (
        <>
          <label htmlFor={`${id}-poster`}>{labels.poster}</label>
          <input
            id={`${id}-poster`}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${id}-poster-hint`}
            onChange={(event) => void onPoster(event.target.files?.[0])}
          />
          <p className="muted" id={`${id}-poster-hint`}>
            {labels.posterHint}
          </p>
        </>
      )}
      <p role="status" aria-live="polite" className={message && !isBusy ? "error-text" : "muted"}>
        {message}
      </p>
    </div>
  );
}
