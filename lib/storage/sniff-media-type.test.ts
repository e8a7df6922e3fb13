import { describe, expect, it } from "vitest";
import { sniffMediaType } from "./sniff-media-type";

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);

describe("upload type by content", () => {
  it("recognises WebM, MP4, PNG, JPEG, WebP and PDF by their magic bytes", () => {
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3))?.mimeType).toBe("video/webm");
    expect(sniffMediaType(bytes(0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70))?.mimeType).toBe("video/mp4");
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))?.mimeType).toBe("image/png");
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))?.mimeType).toBe("image/jpeg");
    expect(sniffMediaType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))?.mimeType).toBe(
      "image/webp",
    );
    expect(sniffMediaType(bytes(0x25, 0x50, 0x44, 0x46, 0x2d))?.mimeType).toBe("application/pdf");
  });

  it("refuses anything else, whatever it claims to be", () => {
    expect(sniffMediaType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(sniffMediaType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // a Windows executable
    expect(sniffMediaType(new Uint8Array([]))).toBeNull();
  });
});
