// Reads the demo referentials and courses from content/ (French and English texts side by side).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActivityKind, CourseVisibility, Modality, TrainingType } from "../db/generated/enums";
import { ZDraftActivity } from "../authoring/draft-schema";

const CONTENT = path.resolve(import.meta.dirname, "../../content");

type TText = { fr: string; en: string };
export type TCourseContent = {
  slug: string;
  institution: string;
  theme: string;
  trainingType: TrainingType;
  modality: Modality;
  visibility: CourseVisibility;
  language: string;
  requiresApproval: boolean;
  durationMinutes: number;
  title: TText;
  summary: TText;
  objectives: TText;
  modules: { title: TText; activities: { key: string; kind: ActivityKind; title: TText; content: unknown }[] }[];
};
export type TRegion = { code: string; nameFr: string; nameEn: string };
export type TInstitutionContent = {
  code: string;
  name: string;
  region: string;
  lat: number;
  lng: number;
  city: string;
};
export type TSiteContent = {
  code: string;
  name: string;
  institution: string;
  region: string;
  address: string;
  postalCode: string;
  city: string;
  lat: number;
  lng: number;
  accessibility: string;
  openingHours: string;
  rooms: { name: string; capacity: number; features: string[] }[];
};

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(CONTENT, relative), "utf8")) as T;
}

export function loadDemoContent() {
  return {
    regions: readJson<TRegion[]>("referentials/regions.json"),
    themes: readJson<TRegion[]>("referentials/themes.json"),
    institutions: readJson<TInstitutionContent[]>("demo/institutions.json"),
    sites: readJson<TSiteContent[]>("demo/relay-sites.json"),
    courses: readdirSync(path.join(CONTENT, "courses"))
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => readJson<TCourseContent>(`courses/${file}`)),
  };
}

/**
 * Every demo course must be one the editor could have saved and the player can read: each activity is checked with the editor's schema (lib/authoring/draft-schema.ts, which
 * uses the player's quiz schema). A content file that does not pass stops the seed, naming it.
 */
export function assertDemoCourseValid(course: TCourseContent): void {
  for (const [moduleIndex, module] of course.modules.entries())
    for (const [index, activity] of module.activities.entries()) {
      const parsed = ZDraftActivity.safeParse({
        key: activity.key,
        kind: activity.kind,
        title: activity.title.fr,
        titleEn: activity.title.en,
        content: activity.content,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `content/courses/${course.slug}.json: modules[${moduleIndex}].activities[${index}] (${activity.key}): ` +
            `${issue?.path.join(".") || "activity"}: ${issue?.message ?? "invalid"}`,
        );
      }
    }
}
