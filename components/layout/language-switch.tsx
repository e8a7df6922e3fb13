import { setLocaleAction } from "@/app/set-locale.action";

export function LanguageSwitch({
  nextLocale,
  label,
  ariaLabel,
}: {
  nextLocale: "fr" | "en";
  label: string;
  ariaLabel: string;
}) {
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={nextLocale} />
      <button type="submit" className="button button-tertiary" lang={nextLocale} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
