// The README of a personal data archive, in the person's language: what each file holds.
import type { TLocale } from "../i18n/config";
import type { TMessageKey, TTranslate } from "../i18n/translate";

export const EXPORT_FILES = [
  "profile.json",
  "memberships.json",
  "enrolments.json",
  "registrations.json",
  "attendance.json",
  "certificates.json",
  "survey-responses.json",
  "notifications.json",
  "xapi-documents.json",
  "activity-log.json",
] as const;

const ALL_FILES = [...EXPORT_FILES, "statements.json"] as const;

export function buildExportReadme(options: { t: TTranslate; locale: TLocale; now: Date; name: string }): string {
  const { t, locale, now, name } = options;
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(now);
  const lines = [
    `# ${t("privacy.export.readmeTitle")}`,
    "",
    t("privacy.export.readmeIntro", { name, date }),
    "",
    `## ${t("privacy.export.readmeFiles")}`,
    "",
    ...ALL_FILES.map(
      (file) =>
        `- \`${file}\` — ${t(`privacy.export.files.${file.replace(".json", "").replace("-", "_")}` as TMessageKey)}`,
    ),
    "",
    t("privacy.export.readmeRights"),
    "",
  ];
  return lines.join("\n");
}
