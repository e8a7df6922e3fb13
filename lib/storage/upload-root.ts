import path from "node:path";
import { env } from "../env";

/** Where uploaded files live on disk (images, documents, local videos, job files); git-ignored under .data by default. */
export function uploadRoot(): string {
  // turbopackIgnore: the folder is configuration, not a source file to trace into the build.
  return path.resolve(/*turbopackIgnore: true*/ env().RELAIS_UPLOAD_DIR ?? path.join(process.cwd(), ".data/uploads"));
}
