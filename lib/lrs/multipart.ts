// multipart/mixed (RFC 2046) as xAPI uses it for attachments (spec part three §1.5.2): parsing
// requests and building responses. Pure functions on Buffers.
import { AppError } from "../errors/app-error";

export type TPart = { headers: Map<string, string>; content: Buffer };

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new AppError("INVALID", "Content-Type: multipart/mixed needs a boundary parameter");
  return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): TPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: TPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new AppError("INVALID", "body: no multipart boundary found");
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, position);
    if (next < 0) throw new AppError("INVALID", "body: the multipart body has no closing boundary");
    // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    else if (body[end - 1] === 0x0a) end -= 1;
    const raw = body.subarray(position, end);
    const start = raw[0] === 0x0d && raw[1] === 0x0a ? 2 : raw[0] === 0x0a ? 1 : 0;
    const headerEnd = raw.indexOf("\r\n\r\n", start);
    const headerText = headerEnd < 0 ? "" : raw.subarray(start, headerEnd).toString("utf8");
    const content = headerEnd < 0 ? raw.subarray(start) : raw.subarray(headerEnd + 4);
    const headers = new Map<string, string>();
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    parts.push({ headers, content });
    position = next;
  }
  return parts;
}

export function buildMultipart(
  parts: { headers: Record<string, string>; content: Buffer }[],
  boundary: string,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headerText = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join("\r\n");
    chunks.push(Buffer.from(`--${boundary}\r\n${headerText}\r\n\r\n`), part.content, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
