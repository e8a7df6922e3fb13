import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

// DejaVu Sans (npm dejavu-fonts-ttf, shipped with the install, nothing fetched at run time)
// covers Latin Extended, Vietnamese, Greek and Cyrillic: pdf-lib's standard fonts are WinAnsi
// only and print anything else as "?". The files are read from node_modules at run time, so the
// Next.js bundle does not carry them.
const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const cache = new Map<string, Uint8Array>();

function fontBytes(file: string): Uint8Array {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(path.join(FONT_DIR, file)));
    cache.set(file, bytes);
  }
  return bytes;
}

/** Embeds the regular and bold Unicode fonts (subset: only the glyphs used end up in the file). */
export async function embedUnicodeFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fontBytes("DejaVuSans.ttf"), { subset: true }),
    pdf.embedFont(fontBytes("DejaVuSans-Bold.ttf"), { subset: true }),
  ]);
  return { regular, bold };
}
