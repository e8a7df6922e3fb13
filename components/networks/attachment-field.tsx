"use client";
import { useState } from "react";
import { formatMessage } from "@/lib/i18n/format-message";

export type TAttachmentLabels = { attach: string; uploading: string; done: string; error: string; remove: string };
type TProps = {
  id: string;
  files: { id: string; fileName: string }[];
  labels: TAttachmentLabels;
  onAdd: (file: { id: string; fileName: string }) => void;
  onRemove: (fileId: string) => void;
};

/** Attach documents to a post: each is sent at once to the uploads (checked by content), its outcome spoken. */
export function AttachmentField({ id, files, labels, onAdd, onRemove }: TProps) {
  const [message, setMessage] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  async function upload(file: File | undefined) {
    if (!file) return;
    setIsBusy(true);
    setMessage(labels.uploading);
    try {
      const form = new FormData();
      form.set("file", file);
      const response = await fetch("/api/networks/attachments", { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as { id?: string; fileName?: string; message?: string };
      if (!response.ok || !body.id) throw new Error(body.message ?? `HTTP ${response.status}`);
      onAdd({ id: body.id, fileName: body.fileName ?? file.name });
      setMessage(formatMessage(labels.done, { name: body.fileName ?? file.name }));
    } catch (error) {
      setMessage(formatMessage(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <div className="file-field">
      <label htmlFor={id}>{labels.attach}</label>
      <input
        id={id}
        type="file"
        accept=".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx"
        disabled={isBusy || files.length >= 5}
        onChange={(event) => {
          void upload(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      {files.length > 0 && (
        <ul>
          {files.map((file) => (
            <li key={file.id}>
              {file.fileName}{" "}
              <button type="button" className="button button-tertiary" onClick={() => onRemove(file.id)}>
                {formatMessage(labels.remove, { name: file.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}
