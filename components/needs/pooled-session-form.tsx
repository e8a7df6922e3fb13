import { ActionForm } from "@/components/sessions/action-form";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TTranslate } from "@/lib/i18n/translate";

type TProps = {
  t: TTranslate;
  hidden: Record<string, string>;
  versions: { id: string; title: string }[];
  places: { value: string; label: string }[];
  defaultDate: string;
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
};

/** The shared session's course, place, date and priority window; the best place comes first. */
export function PooledSessionForm({ t, hidden, versions, places, defaultDate, action }: TProps) {
  return (
    <ActionForm
      id="pooled-session"
      action={action}
      hidden={hidden}
      submitLabel={t("needs.group.submit")}
      doneMessage={t("needs.group.done")}
    >
      <label htmlFor="pooled-course">{t("needs.group.course")}</label>
      <select id="pooled-course" name="courseVersionId" required>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {version.title}
          </option>
        ))}
      </select>
      <label htmlFor="pooled-place">{t("needs.group.place")}</label>
      <select id="pooled-place" name="place" required>
        {places.map((place) => (
          <option key={place.value} value={place.value}>
            {place.label}
          </option>
        ))}
      </select>
      <label htmlFor="pooled-date">{t("needs.group.date")}</label>
      <input id="pooled-date" name="startsAt" type="date" required defaultValue={defaultDate} />
      <fieldset>
        <legend>{t("needs.group.halfDays")}</legend>
        <label>
          <input type="checkbox" name="halfDays" value="MORNING" defaultChecked /> {t("needs.group.morning")}
        </label>
        <label>
          <input type="checkbox" name="halfDays" value="AFTERNOON" defaultChecked /> {t("needs.group.afternoon")}
        </label>
      </fieldset>
      <label htmlFor="pooled-capacity">{t("needs.group.capacity")}</label>
      <input id="pooled-capacity" name="capacity" type="number" min={1} max={500} required defaultValue={12} />
      <label htmlFor="pooled-priority">{t("needs.group.priorityDays")}</label>
      <input id="pooled-priority" name="priorityDays" type="number" min={1} max={60} required defaultValue={14} />
    </ActionForm>
  );
}
