"use client";
import { uploadDocument } from "./upload-media";
import { UploadField, type TUploadFieldLabels } from "./upload-field";

export type TFileFieldLabels = TUploadFieldLabels;
type TProps = {
  id: string;
  fileName: string | null;
  labels: TFileFieldLabels;
  onChange: (file: { id: string; fileName: string }) => void;
};

/** Choose the document of a FILE activity: sent at once, checked by the server, refusals spoken. */
export function FileField({ id, fileName, labels, onChange }: TProps) {
  return (
    <UploadField
      id={id}
      currentName={fileName}
      accept=".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx"
      labels={labels}
      upload={async (file) => {
        const stored = await uploadDocument(file);
        onChange({ id: stored.id, fileName: stored.fileName });
      }}
    />
  );
}
