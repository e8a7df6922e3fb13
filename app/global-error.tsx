"use client";

// Last resort when the root layout itself fails: both languages, no dependency on the app.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main>
          <h1>Une erreur est survenue</h1>
          <p>Le problème a été enregistré. Vous pouvez réessayer.</p>
          <p lang="en">Something went wrong. The problem has been logged. You can try again.</p>
          <button type="button" onClick={reset}>
            Réessayer / Try again
          </button>
        </main>
      </body>
    </html>
  );
}
