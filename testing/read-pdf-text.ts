import { inflateSync } from "node:zlib";

/**
 * The text drawn in a PDF made by pdf-lib with standard fonts (tests only: checks what a sheet or
 * certificate says). pdf-lib deflates content streams and writes text as hex strings <...> Tj.
 */
export function readPdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const parts: string[] = [];
  let index = 0;
  for (;;) {
    const start = raw.indexOf("stream", index, "latin1");
    if (start < 0) break;
    const dataStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf("endstream", dataStart, "latin1");
    if (end < 0) break;
    const chunk = raw.subarray(dataStart, end);
    let content: string;
    try {
      content = inflateSync(chunk).toString("latin1");
    } catch {
      content = chunk.toString("latin1");
    }
    for (const match of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      parts.push(Buffer.from(match[1]!, "hex").toString("latin1"));
    index = end + 9;
  }
  return parts.join("\n");
}
