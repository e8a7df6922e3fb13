// Downloadable course documents are identified by their bytes, never by their name or declared
// type: PDF, and the office formats learners can open everywhere (OpenDocument and Office Open XML,
// both ZIP containers recognised by what they contain).

export type TDocumentType = { mimeType: string; extension: string };

const PDF: TDocumentType = { mimeType: "application/pdf", extension: "pdf" };

const OPEN_DOCUMENT: Record<string, TDocumentType> = {
  "application/vnd.oasis.opendocument.text": { mimeType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  "application/vnd.oasis.opendocument.spreadsheet": {
    mimeType: "application/vnd.oasis.opendocument.spreadsheet",
    extension: "ods",
  },
  "application/vnd.oasis.opendocument.presentation": {
    mimeType: "application/vnd.oasis.opendocument.presentation",
    extension: "odp",
  },
};

// The part every Office Open XML package of that kind must contain (ECMA-376 part 1).
const OFFICE_OPEN_XML: [string, TDocumentType][] = [
  [
    "word/document.xml",
    { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  ],
  [
    "xl/workbook.xml",
    { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  ],
  [
    "ppt/presentation.xml",
    { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
  ],
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

export function identifyDocument(bytes: Uint8Array): TDocumentType | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 5).toString("latin1") === "%PDF-") return PDF;
  if (!ZIP_LOCAL_HEADER.every((byte, index) => buffer[index] === byte)) return null;
  // OpenDocument: the first entry is "mimetype", stored uncompressed, its content right after the
  // 30-byte local header and the 8-byte name (ODF 1.2 part 3, §3.3).
  if (buffer.subarray(30, 38).toString("latin1") === "mimetype") {
    const declared = buffer.subarray(38, 38 + 80).toString("latin1");
    const match = Object.keys(OPEN_DOCUMENT).find(
      (mimeType) => declared.startsWith(mimeType) && !declared.startsWith(`${mimeType}-`),
    );
    return match ? OPEN_DOCUMENT[match]! : null;
  }
  // Office Open XML: entry names are stored in clear in the central directory.
  if (buffer.indexOf("[Content_Types].xml", 0, "latin1") === -1) return null;
  return OFFICE_OPEN_XML.find(([part]) => buffer.indexOf(part, 0, "latin1") !== -1)?.[1] ?? null;
}
