"use client";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/auth/authed-action";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

type TOption = { value: string; label: string };
type TProps = {
  action: (
    previous: TActionResult<{ href: string }> | null,
    input: FormData,
  ) => Promise<TActionResult<{ href: string }>>;
  scopes: TOption[];
  accesses: TOption[];
  regions: TOption[];
  themes: TOption[];
  institutions: TOption[];
  labels: Record<
    | "name"
    | "description"
    | "scope"
    | "access"
    | "region"
    | "noRegion"
    | "theme"
    | "noTheme"
    | "institution"
    | "submit"
    | "done",
    string
  >;
};

/** Creates a network among the kinds the server says the person may create; then opens it. A refusal keeps the values, its message under its field. */
export function CreateNetworkForm({ action, scopes, accesses, regions, themes, institutions, labels }: TProps) {
  const router = useRouter();
  const { state, isPending, formRef, formAction, onSubmit, errorFor } = useKeptFormAction(action, {
    onDone: (result) => {
      if (result.ok && result.data?.href) router.push(result.data.href);
    },
  });
  const field = (name: string, id: string) => ({ message: errorFor(name), errorId: `${id}-error` });
  const nameError = field("name", "network-name");
  const descriptionError = field("description", "network-description");
  const regionError = field("regionId", "network-region");
  const institutionError = field("institutionId", "network-institution");
  const isFieldError = [nameError, descriptionError, regionError, institutionError].some((item) => item.message);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      className="form"
      aria-describedby="create-network-status"
    >
      <label htmlFor="network-name">{labels.name}</label>
      <input
        id="network-name"
        name="name"
        required
        minLength={3}
        maxLength={120}
        {...fieldErrorProps(nameError.errorId, nameError.message)}
      />
      <FieldError id={nameError.errorId} message={nameError.message} />
      <label htmlFor="network-description">{labels.description}</label>
      <textarea
        id="network-description"
        name="description"
        rows={3}
        maxLength={2000}
        {...fieldErrorProps(descriptionError.errorId, descriptionError.message)}
      />
      <FieldError id={descriptionError.errorId} message={descriptionError.message} />
      <label htmlFor="network-scope">{labels.scope}</label>
      <select id="network-scope" name="scope">
        {scopes.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor="network-access">{labels.access}</label>
      <select id="network-access" name="access">
        {accesses.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor="network-region">{labels.region}</label>
      <select id="network-region" name="regionId" {...fieldErrorProps(regionError.errorId, regionError.message)}>
        <option value="">{labels.noRegion}</option>
        {regions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={regionError.errorId} message={regionError.message} />
      <label htmlFor="network-theme">{labels.theme}</label>
      <select id="network-theme" name="themeId">
        <option value="">{labels.noTheme}</option>
        {themes.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {institutions.length > 0 && (
        <>
          <label htmlFor="network-institution">{labels.institution}</label>
          <select
            id="network-institution"
            name="institutionId"
            {...fieldErrorProps(institutionError.errorId, institutionError.message)}
          >
            {institutions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError id={institutionError.errorId} message={institutionError.message} />
        </>
      )}
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {labels.submit}
      </button>
      <p id="create-network-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.done : isFieldError ? "" : state.message) : ""}
      </p>
    </form>
  );
}
