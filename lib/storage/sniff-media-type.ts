// Uploads are identified by their first bytes, never by the name or the declared type.
export type TSniffedType = { mimeType: string; extension: string; kind: "video" | "image" | "document" };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

export function sniffMediaType(bytes: Uint8Array): TSniffedType | null {
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { mimeType: "video/webm", extension: "webm", kind: "video" };
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return { mimeType: "video/mp4", extension: "mp4", kind: "video" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mimeType: "image/png", extension: "png", kind: "image" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", extension: "jpg", kind: "image" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { mimeType: "image/webp", extension: "webp", kind: "image" };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mimeType: "application/pdf", extension: "pdf", kind: "document" };
  return null;
}
