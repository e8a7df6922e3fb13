"use client";
import { UploadField, type TUploadFieldLabels } from "./upload-field";

export type TPackageFieldLabels = TUploadFieldLabels;
type TProps = {
  id: string;
  packageTitle: string | null;
  labels: TPackageFieldLabels;
  onChange: (imported: { id: string; title: string }) => void;
};

/** Import the zip of a PACKAGE activity: sent as is, checked by the server, its refusal spoken. */
export function PackageField({ id, packageTitle, labels, onChange }: TProps) {
  return (
    <UploadField
      id={id}
      currentName={packageTitle}
      accept=".zip,application/zip"
      labels={labels}
      upload={async (file) => {
        const response = await fetch(`/api/packages?name=${encodeURIComponent(file.name)}`, {
          method: "POST",
          headers: { "content-type": "application/zip" },
          body: file,
        });
        const body = (await response.json().catch(() => ({}))) as { id?: string; title?: string; message?: string };
        if (!response.ok || !body.id) throw new Error(body.message ?? `HTTP ${response.status}`);
        onChange({ id: body.id, title: body.title ?? file.name });
      }}
    />
  );
}
