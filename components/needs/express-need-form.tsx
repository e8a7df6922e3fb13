import { ActionForm } from "@/components/sessions/action-form";
import { TrainingType } from "@/lib/db/generated/enums";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TActionResult } from "@/lib/auth/authed-action";

const TRAINING_TYPES = Object.values(TrainingType);

type TProps = {
  t: TTranslate;
  campaignId: string;
  courses: { id: string; title: string }[];
  themes: { id: string; name: string }[];
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
};

/** The agent's need: a catalogue course, or a free need with its theme and type (the use case says which is required). */
export function ExpressNeedForm({ t, campaignId, courses, themes, action }: TProps) {
  return (
    <ActionForm
      id="express-need"
      action={action}
      hidden={{ campaignId }}
      submitLabel={t("needs.mine.submit")}
      doneMessage={t("needs.mine.done")}
    >
      <label htmlFor="need-course">{t("needs.mine.course")}</label>
      <select id="need-course" name="courseId" defaultValue="">
        <option value="">{t("needs.mine.chooseCourse")}</option>
        {courses.map((course) => (
          <option key={course.id} value={course.id}>
            {course.title}
          </option>
        ))}
      </select>
      <p id="need-free-hint">{t("needs.mine.freeHint")}</p>
      <label htmlFor="need-title">{t("needs.mine.freeTitle")}</label>
      <input id="need-title" name="title" maxLength={200} aria-describedby="need-free-hint" />
      <label htmlFor="need-theme">{t("needs.mine.theme")}</label>
      <select id="need-theme" name="themeId" defaultValue="" aria-describedby="need-free-hint">
        <option value="">{t("needs.mine.chooseTheme")}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
      <label htmlFor="need-type">{t("needs.mine.trainingType")}</label>
      <select id="need-type" name="trainingType" defaultValue="" aria-describedby="need-free-hint">
        <option value="">{t("needs.mine.chooseType")}</option>
        {TRAINING_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`enums.trainingType.${type}`)}
          </option>
        ))}
      </select>
      <label htmlFor="need-priority">{t("needs.mine.priority")}</label>
      <select id="need-priority" name="priority" defaultValue="MEDIUM" required>
        {(["HIGH", "MEDIUM", "LOW"] as const).map((priority) => (
          <option key={priority} value={priority}>
            {t(`enums.needPriority.${priority}`)}
          </option>
        ))}
      </select>
      <label htmlFor="need-justification">{t("needs.mine.justification")}</label>
      <textarea id="need-justification" name="justification" required maxLength={2000} />
    </ActionForm>
  );
}
