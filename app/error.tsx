"use client";
import { useSyncExternalStore } from "react";

// Client-side error boundary: it cannot read the server's translator, so it reads <html lang>.
const TEXT = {
  fr: {
    title: "Une erreur est survenue",
    body: "Le problème a été enregistré. Vous pouvez réessayer.",
    retry: "Réessayer",
  },
  en: { title: "Something went wrong", body: "The problem has been logged. You can try again.", retry: "Try again" },
};
const subscribe = () => () => {};

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    subscribe,
    () => document.documentElement.lang,
    () => "fr",
  );
  const text = lang === "en" ? TEXT.en : TEXT.fr;
  return (
    <>
      <h1>{text.title}</h1>
      <p role="alert">{text.body}</p>
      <button type="button" className="button" onClick={reset}>
        {text.retry}
      </button>
    </>
  );
}
