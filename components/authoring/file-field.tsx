"use client";
import { useState } from "react";
import { uploadDocument } from "./upload-media";
import { formatMessage } from "@/lib/i18n/format-message";

export type TFileFieldLabels = {
  file: string;
  fileHint: string;
  uploading: string;
  none: string;
  current: string;
  error: string;
};
type TProps = {
  id: string;
  fileName: string | null;
  labels: TFileFieldLabels;
  onChange: (file: { id: string; fileName: string }) => void;
};

/** Choose the document of a FILE activity: sent at once, checked by the server, refusals spoken. */
export function FileField({ id, fileName, labels, onChange }: TProps) {
  const [message, setMessage] = useState("");
  const [isBusy, setIsBusy] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setIsBusy(true);
    setMessage(labels.uploading);
    try {
      const stored = await uploadDocument(file);
      onChange({ id: stored.id, fileName: stored.fileName });
      setMessage("");
    } catch (error) {
      setMessage(formatMessage(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="form file-field">
      <p className="muted">{fileName ? formatMessage(labels.current, { name: fileName }) : labels.none}</p>
      <label htmlFor={`${id}-file`}>{labels.file}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx"
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
