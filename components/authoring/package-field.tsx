"use client";
import { useState } from "react";

export type TPackageFieldLabels = {
  file: string;
  fileHint: string;
  uploading: string;
  none: string;
  current: string;
  error: string;
};
type TProps = {
  id: string;
  packageTitle: string | null;
  labels: TPackageFieldLabels;
  onChange: (imported: { id: string; title: string }) => void;
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

/** Import the zip of a PACKAGE activity: sent as is, checked by the server, its refusal spoken. */
export function PackageField({ id, packageTitle, labels, onChange }: TProps) {
  const [message, setMessage] = useState("");
  const [isBusy, setIsBusy] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setIsBusy(true);
    setMessage(labels.uploading);
    try {
      const response = await fetch(`/api/packages?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "content-type": "application/zip" },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { id?: string; title?: string; message?: string };
      if (!response.ok || !body.id) throw new Error(body.message ?? `HTTP ${response.status}`);
      onChange({ id: body.id, title: body.title ?? file.name });
      setMessage("");
    } catch (error) {
      setMessage(fill(labels.error, { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="form file-field">
      <p className="muted">{packageTitle ? fill(labels.current, { name: packageTitle }) : labels.none}</p>
      <label htmlFor={`${id}-file`}>{labels.file}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".zip,application/zip"
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
