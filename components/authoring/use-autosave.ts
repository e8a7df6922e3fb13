"use client";
import { useEffect, useRef, useState } from "react";

export type TSaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; revision: number }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

/**
 * Saves the draft 1.5 s after the last change, sending the revision it was based on. A 409 stops
 * autosaving (the local edits stay in the page and in localStorage) instead of overwriting
 * someone else's work.
 */
export function useAutosave<T>(options: {
  url: string;
  versionId: string;
  initialRevision: number;
  value: T;
  backupKey: string;
}) {
  const [state, setState] = useState<TSaveState>({ kind: "idle" });
  const revision = useRef(options.initialRevision);
  const isFirst = useRef(true);
  const isStopped = useRef(false);
  const { url, versionId, value, backupKey } = options;

  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    window.localStorage.setItem(backupKey, JSON.stringify(value));
    if (isStopped.current) return;
    const timer = window.setTimeout(() => {
      setState({ kind: "saving" });
      void fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ versionId, revision: revision.current, draft: value }),
      })
        .then(async (response) => {
          const body = (await response.json().catch(() => ({}))) as { revision?: number; message?: string };
          if (response.status === 409) {
            isStopped.current = true;
            setState({ kind: "conflict" });
          } else if (response.ok && typeof body.revision === "number") {
            revision.current = body.revision;
            setState({ kind: "saved", revision: body.revision });
          } else {
            setState({ kind: "error", message: body.message ?? String(response.status) });
          }
        })
        .catch(() => setState({ kind: "error", message: "network" }));
    }, 1500);
    return () => window.clearTimeout(timer);
  }, [url, versionId, value, backupKey]);

  return { state, revision };
}
