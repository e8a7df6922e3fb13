import type { ComponentProps } from "react";
import type { TTranslate } from "@/lib/i18n/translate";
import { ActionForm } from "@/components/sessions/action-form";

/** Each network form's title, button and confirmation (message keys under networks.page). */
const FORMS = {
  digest: ["digest", "digestSave", "digestSaved"],
  resource: ["addResource", "resourceAdd", "resourceAdded"],
  event: ["addEvent", "eventAdd", "eventAdded"],
} as const;

type TProps = Pick<ComponentProps<typeof ActionForm>, "action" | "children" | "isSecondary"> & {
  form: keyof typeof FORMS;
  networkId: string;
  t: TTranslate;
};

/** A titled section holding one form of a network's page (the digest, adding a resource, a meeting). */
export function FormSection({ form, networkId, t, ...props }: TProps) {
  const [title, submit, done] = FORMS[form].map((key) => t(`networks.page.${key}`));
  const id = `${form}-form`;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ActionForm id={id} hidden={{ networkId }} submitLabel={submit!} doneMessage={done!} {...props} />
    </section>
  );
}
