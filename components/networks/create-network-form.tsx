"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/auth/authed-action";

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

/** Creates a network among the kinds the server says the person may create; then opens it. */
export function CreateNetworkForm({ action, scopes, accesses, regions, themes, institutions, labels }: TProps) {
  const router = useRouter();
  const [state, formAction, isPending] = useActionState<TActionResult<{ href: string }> | null, FormData>(
    async (previous, input) => {
      const result = await action(previous, input);
      if (result.ok && result.data?.href) router.push(result.data.href);
      return result;
    },
    null,
  );
  return (
    <form action={formAction} className="form" aria-describedby="create-network-status">
      <label htmlFor="network-name">{labels.name}</label>
      <input id="network-name" name="name" required minLength={3} maxLength={120} />
      <label htmlFor="network-description">{labels.description}</label>
      <textarea id="network-description" name="description" rows={3} maxLength={2000} />
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
      <select id="network-region" name="regionId">
        <option value="">{labels.noRegion}</option>
        {regions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
          <select id="network-institution" name="institutionId">
            {institutions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="button" disabled={isPending}>
        {labels.submit}
      </button>
      <p id="create-network-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.done : state.message) : ""}
      </p>
    </form>
  );
}
