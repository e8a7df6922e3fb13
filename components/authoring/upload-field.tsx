"use client";
import { useState } from "react";
import { formatMessage } from "@/lib/i18n/format-message";

export type TUploadFieldLabels = {
  file: string;
  fileHint: string;
  uploading: string;
  none: string;
  current: string;
  error: string;
};
type TProps = {
  id: string;
  /** The name of what the activity holds now, shown above the field. */
  currentName: string | null;
  accept: string;
  labels: TUploadFieldLabels;
  /** Sends the chosen file; a refusal is thrown with the server's message, and spoken. */
  upload: (file: File) => Promise<void>;
};

/** One file sent at once when chosen, checked by the server, busy while sending, refusals spoken. */
export function UploadField({ id, currentName, accept, labels, upload }: TProps) {
  const [message, setMessage] = useState("");
  const [isBusy, setIsBusy] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setIsBusy(true);
    setMessage(labels.uploading);
    try {
      await upload(file);
      setMessage("");
    } catch (error) {
      setMessage(formatMessage(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="form file-field">
      <p className="muted">{currentName ? formatMessage(labels.current, { name: currentName }) : labels.none}</p>
      <label htmlFor={`${id}-file`}>{labels.file}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept={accept}
        aria-describedby={`${id}-file-hint`}
        disabled={isBusy}
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      <p className="muted" id={`${id}-file-hint`}>
        {labels.fileHint}
      </p>
      <p role="status" aria-live="polite" className={message && !isBusy ? "error-text" : "muted"}>
        {message}
      </p>
    </div>
  );
}
