import "server-only";
import sharp from "sharp";
import { sniffMediaType } from "../storage/sniff-media-type";
import { localizedAppError } from "../errors/localized-error";

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGE_WIDTH = 1600;

/**
 * An uploaded image made safe to serve: identified by its bytes (PNG, JPEG or WebP; SVG is
 * refused since it can carry scripts), decoded and re-encoded as WebP no wider than `maxWidth`.
 * Re-encoding drops EXIF/XMP metadata (GPS position, camera owner) and anything appended to the file.
 */
export async function processImage(
  bytes: Uint8Array,
  options: { maxWidth?: number } = {},
): Promise<{ data: Buffer; width: number; height: number }> {
  if (bytes.byteLength === 0)
    throw localizedAppError("INVALID", "file: the file is empty", { messageKey: "errors.uploads.empty", values: {} });
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    throw localizedAppError("PAYLOAD_TOO_LARGE", `file: an image may not exceed ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, {
      messageKey: "errors.uploads.imageTooLarge",
      values: { megabytes: MAX_IMAGE_BYTES / 1024 / 1024 },
    });
  const type = sniffMediaType(bytes);
  if (!type || type.kind !== "image")
    throw localizedAppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "file: only PNG, JPEG and WebP images are accepted (checked from the file's content)",
      { messageKey: "errors.uploads.imageType", values: {} },
    );
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate() // apply the EXIF orientation before the metadata is dropped
      .resize({ width: options.maxWidth ?? MAX_IMAGE_WIDTH, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw localizedAppError("INVALID", "file: the image could not be read (damaged or truncated file)", {
      messageKey: "errors.uploads.imageUnreadable",
      values: {},
    });
  }
}
