import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The text of a PDF as a reader gets it (tests only), with poppler's pdftotext (Debian package
 * poppler-utils): it decodes embedded subset fonts through their ToUnicode maps, so a "?" or a
 * cut code in the result is what a person would see.
 */
export function readPdfText(bytes: Uint8Array, options: { layout?: boolean } = {}): string {
  const folder = mkdtempSync(path.join(tmpdir(), "relais-pdf-"));
  try {
    const file = path.join(folder, "document.pdf");
    writeFileSync(file, bytes);
    return execFileSync("pdftotext", [...(options.layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
      timeout: 30_000,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
