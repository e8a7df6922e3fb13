import "server-only";
import { canSometimes } from "../auth/permissions";
import type { TVideoProvider } from "./video-provider";
import { localizedAppError } from "../errors/localized-error";

/** Local provider: the browser posts the file to /api/video (lib/video/store-local-video.ts), ready at once. */
export const localVideoProvider: TVideoProvider = {
  name: "LOCAL",
  async createUpload(actor) {
    if (!canSometimes(actor, "course.author"))
      throw localizedAppError("FORBIDDEN", "Only trainers upload videos.", {
        messageKey: "errors.uploads.trainersOnly",
        values: {},
      });
    return { provider: "LOCAL", method: "POST", url: "/api/video", assetId: null };
  },
  async refreshAsset() {
    // Local videos are READY when stored: nothing to ask anyone.
  },
};
