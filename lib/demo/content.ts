// Reads the demo referentials and courses from content/ (French and English texts side by side).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActivityKind, CourseVisibility, Modality, TrainingType } from "../db/generated/enums";

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
