import { ActionForm } from "@/components/sessions/action-form";
import type { TActionResult } from "@/lib/auth/authed-action";
import type { TTranslate } from "@/lib/i18n/translate";

type TAction = (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
type TChain = "MANAGER" | "MANAGER_THEN_OFFICER";
const CHAINS: TChain[] = ["MANAGER", "MANAGER_THEN_OFFICER"];

/** The institution's approval chain and reminder delay (its training officer). */
export function InstitutionApprovalForm(props: {
  t: TTranslate;
  institutionId: string;
  approvalChain: TChain;
  approvalReminderDays: number;
  action: TAction;
}) {
  const { t } = props;
  return (
    <section aria-labelledby="approval-settings-title">
      <h2 id="approval-settings-title">{t("costs.approval.title")}</h2>
      <p className="prose">{t("costs.approval.intro")}</p>
      <ActionForm
        id="institution-approval"
        action={props.action}
        hidden={{ institutionId: props.institutionId }}
        submitLabel={t("costs.approval.submit")}
        doneMessage={t("costs.approval.done")}
      >
        <fieldset>
          <legend>{t("costs.approval.chain")}</legend>
          {CHAINS.map((chain) => (
            <label key={chain}>
              <input type="radio" name="approvalChain" value={chain} defaultChecked={props.approvalChain === chain} />{" "}
              {t(`costs.approval.chains.${chain}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="approval-reminder-days">{t("costs.approval.reminderDays")}</label>
        <input
          id="approval-reminder-days"
          name="approvalReminderDays"
          type="number"
          min={1}
          max={30}
          required
          aria-describedby="approval-reminder-hint"
          defaultValue={props.approvalReminderDays}
        />
        <p id="approval-reminder-hint">{t("costs.approval.reminderHint")}</p>
      </ActionForm>
    </section>
  );
}

/** A course's own approval chain, or the agent's institution's (its editors). */
export function CourseApprovalForm(props: {
  t: TTranslate;
  courseId: string;
  approvalChain: TChain | null;
  institutionChain: TChain;
  requiresApproval: boolean;
  action: TAction;
}) {
  const { t } = props;
  return (
    <section aria-labelledby="course-approval-title">
      <h2 id="course-approval-title">{t("costs.approval.courseTitle")}</h2>
      <p className="prose">
        {props.requiresApproval ? t("costs.approval.courseRequires") : t("costs.approval.courseNotRequired")}
      </p>
      <ActionForm
        id="course-approval"
        action={props.action}
        hidden={{ courseId: props.courseId }}
        submitLabel={t("costs.approval.submit")}
        doneMessage={t("costs.approval.done")}
      >
        <fieldset>
          <legend>{t("costs.approval.chain")}</legend>
          <label>
            <input type="radio" name="approvalChain" value="" defaultChecked={props.approvalChain === null} />{" "}
            {t("costs.approval.inherit", { chain: t(`costs.approval.chains.${props.institutionChain}`) })}
          </label>
          {CHAINS.map((chain) => (
            <label key={chain}>
              <input type="radio" name="approvalChain" value={chain} defaultChecked={props.approvalChain === chain} />{" "}
              {t(`costs.approval.chains.${chain}`)}
            </label>
          ))}
        </fieldset>
      </ActionForm>
    </section>
  );
}
