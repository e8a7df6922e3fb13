import { ActionForm } from "@/components/sessions/action-form";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TTranslate } from "@/lib/i18n/translate";

type TProps = {
  t: TTranslate;
  actionId: string;
  title: string;
  /** yyyy-mm-dd in the institution's time zone, or today's date when never marked. */
  doneOn: string;
  actualCost: string;
  participantIds: string[];
  candidates: { id: string; name: string }[];
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
};

/** Marks an external training done: its end date, real cost and the agents who followed it. */
export function ExternalDoneForm(props: TProps) {
  const { t, actionId } = props;
  return (
    <details>
      <summary>{t("costs.external.summary", { title: props.title })}</summary>
      <ActionForm
        id={`external-done-${actionId}`}
        action={props.action}
        hidden={{ actionId }}
        submitLabel={t("costs.external.submit")}
        doneMessage={t("costs.external.done")}
      >
        <label htmlFor={`external-date-${actionId}`}>{t("costs.external.doneOn")}</label>
        <input id={`external-date-${actionId}`} name="doneOn" type="date" required defaultValue={props.doneOn} />
        <label htmlFor={`external-cost-${actionId}`}>{t("costs.external.actualCost")}</label>
        <input
          id={`external-cost-${actionId}`}
          name="actualCost"
          inputMode="decimal"
          maxLength={20}
          defaultValue={props.actualCost}
        />
        <fieldset>
          <legend>{t("costs.external.participants")}</legend>
          {props.candidates.length === 0 && <p>{t("costs.external.noCandidates")}</p>}
          {props.candidates.map((candidate) => (
            <label key={candidate.id}>
              <input
                type="checkbox"
                name="participantIds"
                value={candidate.id}
                defaultChecked={props.participantIds.includes(candidate.id)}
              />{" "}
              {candidate.name}
            </label>
          ))}
        </fieldset>
      </ActionForm>
    </details>
  );
}
