import type { PDFFont } from "pdf-lib";

/** Cuts a word wider than the line into pieces that fit (a long code or an unbroken title never runs off the page). */
function splitLongWord(font: PDFFont, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Splits text into lines that fit a width: at spaces, and inside a word only when the word alone is too wide. */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize("NFC").split(/\n+/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const pieces = font.widthOfTextAtSize(word, size) > maxWidth ? splitLongWord(font, word, size, maxWidth) : [word];
      for (const piece of pieces) {
        const candidate = line ? `${line} ${piece}` : piece;
        if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
          lines.push(line);
          line = piece;
        } else line = candidate;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}
