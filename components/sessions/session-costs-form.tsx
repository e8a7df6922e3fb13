import { ActionForm } from "@/components/sessions/action-form";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TTranslate } from "@/lib/i18n/translate";

type TProps = {
  t: TTranslate;
  sessionId: string;
  /** Amounts already recorded, as euros with two decimals in the reader's format. */
  values: { trainers: string; room: string; catering: string; travel: string };
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
};

const FIELDS = ["trainers", "room", "catering", "travel"] as const;

/** The four costs of a session, in euros with cents. */
export function SessionCostsForm({ t, sessionId, values, action }: TProps) {
  return (
    <ActionForm
      id="session-costs"
      action={action}
      hidden={{ sessionId }}
      submitLabel={t("costs.session.submit")}
      doneMessage={t("costs.session.done")}
    >
      <p id="session-costs-hint">{t("costs.session.hint")}</p>
      {FIELDS.map((name) => (
        <div key={name}>
          <label htmlFor={`cost-${name}`}>{t(`costs.session.fields.${name}`)}</label>
          <input
            id={`cost-${name}`}
            name={name}
            inputMode="decimal"
            autoComplete="off"
            aria-describedby="session-costs-hint"
            defaultValue={values[name]}
            maxLength={20}
          />
        </div>
      ))}
    </ActionForm>
  );
}
