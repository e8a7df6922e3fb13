// Pure (no database): also used by the demo seed, which runs outside Next.js.
/** A handle from a name: "Claire Fontaine" → "claire.fontaine" (accents dropped), what @mentions type. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "")
    .slice(0, 30);
  return base.length >= 3 ? base : `membre.${base || "x"}`;
}
