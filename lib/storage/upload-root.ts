import path from "node:path";
import { parseEnv } from "../env-schema";

/**
 * Where uploaded files live on disk (images, documents, local videos, job files); git-ignored under
 * .data by default. Read through the parsed settings without lib/env's server-only guard: the demo
 * seed, run by scripts outside Next.js, stores its media here too.
 */
export function uploadRoot(): string {
  // turbopackIgnore: the folder is configuration, not a source file to trace into the build.
  return path.resolve(
    /*turbopackIgnore: true*/ parseEnv(process.env).RELAIS_UPLOAD_DIR ?? path.join(process.cwd(), ".data/uploads"),
  );
}
