"use client";
import type { TCourseFields } from "@/lib/authoring/draft-schema";

export type TCourseFieldsLabels = {
  courseFields: string;
  titleFr: string;
  titleEn: string;
  summaryFr: string;
  summaryEn: string;
  objectivesFr: string;
  objectivesEn: string;
  duration: string;
  theme: string;
  trainingType: string;
  modality: string;
  language: string;
  visibility: string;
  visibilityInstitution: string;
  visibilityNational: string;
  requiresApproval: string;
  completion: string;
  quizPassRequired: string;
  minimumMinutes: string;
  requiresOnlineBeforeSession: string;
  minimumAttendedMinutes: string;
  minimumAttendedHint: string;
  trainingTypes: Record<TCourseFields["trainingType"], string>;
  modalities: Record<TCourseFields["modality"], string>;
  languages: Record<TCourseFields["language"], string>;
};
type TProps = {
  value: TCourseFields;
  themes: { code: string; name: string }[];
  labels: TCourseFieldsLabels;
  onChange: (value: TCourseFields) => void;
};

/** Every field of a course, each a labelled control. */
export function CourseFieldsForm({ value, themes, labels, onChange }: TProps) {
  const set = <K extends keyof TCourseFields>(key: K, next: TCourseFields[K]) => onChange({ ...value, [key]: next });
  const text = (
    key: "title" | "titleEn" | "summary" | "summaryEn" | "objectives" | "objectivesEn",
    label: string,
    isLong = false,
  ) =>
    isLong ? (
      <>
        <label htmlFor={`course-${key}`}>{label}</label>
        <textarea
          id={`course-${key}`}
          value={value[key] ?? ""}
          onChange={(event) => set(key, event.target.value)}
          rows={3}
        />
      </>
    ) : (
      <>
        <label htmlFor={`course-${key}`}>{label}</label>
        <input id={`course-${key}`} value={value[key] ?? ""} onChange={(event) => set(key, event.target.value)} />
      </>
    );
  return (
    <fieldset className="form course-fields">
      <legend>{labels.courseFields}</legend>
      {text("title", labels.titleFr)}
      {text("titleEn", labels.titleEn)}
      {text("summary", labels.summaryFr, true)}
      {text("summaryEn", labels.summaryEn, true)}
      {text("objectives", labels.objectivesFr, true)}
      {text("objectivesEn", labels.objectivesEn, true)}
      <label htmlFor="course-duration">{labels.duration}</label>
      <input
        id="course-duration"
        type="number"
        min={5}
        value={value.declaredDurationMinutes}
        onChange={(event) => set("declaredDurationMinutes", Number(event.target.value))}
      />
      <label htmlFor="course-theme">{labels.theme}</label>
      <select id="course-theme" value={value.themeCode} onChange={(event) => set("themeCode", event.target.value)}>
        {themes.map((theme) => (
          <option key={theme.code} value={theme.code}>
            {theme.name}
          </option>
        ))}
      </select>
      <label htmlFor="course-type">{labels.trainingType}</label>
      <select
        id="course-type"
        value={value.trainingType}
        onChange={(event) => set("trainingType", event.target.value as TCourseFields["trainingType"])}
      >
        {Object.entries(labels.trainingTypes).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor="course-modality">{labels.modality}</label>
      <select
        id="course-modality"
        value={value.modality}
        onChange={(event) => set("modality", event.target.value as TCourseFields["modality"])}
      >
        {Object.entries(labels.modalities).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor="course-language">{labels.language}</label>
      <select
        id="course-language"
        value={value.language}
        onChange={(event) => set("language", event.target.value as TCourseFields["language"])}
      >
        {Object.entries(labels.languages).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor="course-visibility">{labels.visibility}</label>
      <select
        id="course-visibility"
        value={value.visibility}
        onChange={(event) => set("visibility", event.target.value as TCourseFields["visibility"])}
      >
        <option value="INSTITUTION">{labels.visibilityInstitution}</option>
        <option value="NATIONAL">{labels.visibilityNational}</option>
      </select>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.requiresApproval}
          onChange={(event) => set("requiresApproval", event.target.checked)}
        />
        {labels.requiresApproval}
      </label>
      <fieldset>
        <legend>{labels.completion}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={value.completionRules.quizPassRequired}
            onChange={(event) =>
              set("completionRules", { ...value.completionRules, quizPassRequired: event.target.checked })
            }
          />
          {labels.quizPassRequired}
        </label>
        <label htmlFor="course-minimum">{labels.minimumMinutes}</label>
        <input
          id="course-minimum"
          type="number"
          min={0}
          value={value.completionRules.minimumMinutes}
          onChange={(event) =>
            set("completionRules", {
              ...value.completionRules,
              minimumMinutes: Math.max(0, Number(event.target.value)),
            })
          }
        />
        {value.modality !== "ONLINE" && (
          <>
            <label htmlFor="course-minimum-attended">{labels.minimumAttendedMinutes}</label>
            <input
              id="course-minimum-attended"
              type="number"
              min={0}
              aria-describedby="course-minimum-attended-hint"
              value={value.completionRules.minimumAttendedMinutes ?? ""}
              onChange={(event) =>
                set("completionRules", {
                  ...value.completionRules,
                  minimumAttendedMinutes:
                    event.target.value === "" ? undefined : Math.max(0, Math.round(Number(event.target.value))),
                })
              }
            />
            <p className="muted" id="course-minimum-attended-hint">
              {labels.minimumAttendedHint}
            </p>
          </>
        )}
        {value.modality === "HYBRID" && (
          <label className="choice">
            <input
              type="checkbox"
              checked={value.requiresOnlineBeforeSession}
              onChange={(event) => set("requiresOnlineBeforeSession", event.target.checked)}
            />
            {labels.requiresOnlineBeforeSession}
          </label>
        )}
      </fieldset>
    </fieldset>
  );
}
