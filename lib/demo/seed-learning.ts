// Demo media for the online courses: the short WebM video shipped in content/courses/media is
// copied to the local upload folder and attached to the demo courses' video activities, so the
// player streams a real file (HTTP Range) in the demo and in the end-to-end tests.
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { TTransaction } from "../db/create-client";
import type { createRandom } from "./random";
import { uploadRoot } from "../storage/upload-root";

const MEDIA = path.resolve(import.meta.dirname, "../../content/courses/media");
const DEMO_VIDEOS: { file: string; activityKeys: string[]; durationSeconds: number }[] = [
  { file: "relais-intro.webm", activityKeys: ["rgpd-video-1"], durationSeconds: 12 },
];

/** Deterministic without randomness; takes the seed context like the other seed steps. */
export async function seedLearning(tx: TTransaction, context: { random: ReturnType<typeof createRandom> }) {
  void context;
  for (const video of DEMO_VIDEOS) {
    const source = path.join(MEDIA, video.file);
    if (!existsSync(source)) continue;
    const relative = path.join("videos", `demo-${video.file}`);
    const target = path.join(uploadRoot(), relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!existsSync(target) || statSync(target).size !== statSync(source).size) copyFileSync(source, target);
    // Captions (WebVTT) live beside the video, same name with .vtt (WCAG 1.2.2).
    const captions = source.replace(/\.webm$/, ".vtt");
    if (existsSync(captions)) copyFileSync(captions, target.replace(/\.webm$/, ".vtt"));
    const asset = await tx.videoAsset.create({
      data: {
        provider: "LOCAL",
        status: "READY",
        storagePath: relative,
        mimeType: "video/webm",
        durationSeconds: video.durationSeconds,
      },
    });
    await tx.activity.updateMany({
      where: { key: { in: video.activityKeys }, kind: "VIDEO" },
      data: { videoAssetId: asset.id },
    });
  }
}
