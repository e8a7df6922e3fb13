import { ActionForm } from "@/components/sessions/action-form";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TTranslate } from "@/lib/i18n/translate";

type TProps = {
  t: TTranslate;
  hidden: Record<string, string>;
  institutions: { id: string; name: string }[];
  trainers: { id: string; name: string; institutionId: string; institution: string }[];
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
};

/** Long institution and trainer names must not widen the form past a phone's screen. */
const FULL_WIDTH = { width: "100%", maxWidth: "100%" } as const;

/** A national online module's title, brief and maker (an institution, optionally one of its trainers). */
export function CommissionModuleForm({ t, hidden, institutions, trainers, action }: TProps) {
  return (
    <ActionForm
      id="commission-module"
      action={action}
      hidden={hidden}
      submitLabel={t("costs.commission.submit")}
      doneMessage={t("costs.commission.done")}
    >
      <label htmlFor="commission-title">{t("costs.commission.moduleTitle")}</label>
      <input id="commission-title" name="title" required minLength={3} maxLength={200} style={FULL_WIDTH} />
      <label htmlFor="commission-brief">{t("costs.commission.brief")}</label>
      <textarea
        id="commission-brief"
        name="brief"
        required
        minLength={10}
        maxLength={4000}
        rows={5}
        style={FULL_WIDTH}
      />
      <label htmlFor="commission-maker">{t("costs.commission.maker")}</label>
      <select id="commission-maker" name="maker" required style={FULL_WIDTH}>
        {institutions.map((institution) => (
          <optgroup key={institution.id} label={institution.name}>
            <option value={`${institution.id}|`}>
              {t("costs.commission.institutionOnly", { institution: institution.name })}
            </option>
            {trainers
              .filter((trainer) => trainer.institutionId === institution.id)
              .map((trainer) => (
                <option key={trainer.id} value={`${institution.id}|${trainer.id}`}>
                  {trainer.name} ({trainer.institution})
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </ActionForm>
  );
}
