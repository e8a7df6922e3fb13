import { setLocaleAction } from "@/app/set-locale.action";

/** The FR/EN switch of the header's quick access: a form, so that it works before hydration too. */
export function LanguageSwitch({
  nextLocale,
  label,
  ariaLabel,
  id,
}: {
  nextLocale: "fr" | "en";
  label: string;
  ariaLabel: string;
  /** Set by the DSFR header, which renders its quick access twice (desktop bar, phone menu). */
  id?: string;
}) {
  return (
    <form action={setLocaleAction} id={id}>
      <input type="hidden" name="locale" value={nextLocale} />
      <button type="submit" className="fr-btn fr-icon-translate-2" lang={nextLocale} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
