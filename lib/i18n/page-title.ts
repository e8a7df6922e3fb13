import "server-only";
import type { Metadata } from "next";
import { getTranslator } from "./server";
import type { TMessageKey } from "./translate";

/** A page's `generateMetadata`: its title in the reader's language (the layout adds "— Relais"). */
export function pageTitle(key: TMessageKey): () => Promise<Metadata> {
  return async () => {
    const { t } = await getTranslator();
    return { title: t(key) };
  };
}
