"use client";
import { useEffect, useSyncExternalStore } from "react";
import type { Statement } from "@xapi/xapi";
import { buildStatement, type TPlayerContext, type TStatementInput } from "@/lib/learning/xapi-statement";
import { EXTENSION, toIsoDuration } from "@/lib/learning/xapi-vocabulary";
import { enqueue, onPendingChange, startOutbox, waitingCount } from "./statement-queue";
import { formatMessage } from "@/lib/i18n/format-message";

type TObject = TStatementInput["object"];
type TProps = {
  context: TPlayerContext;
  course: TObject;
  activity: TObject | null;
  progress: { percent: number; isCompleted: boolean };
  labels: { pending: string; synced: string };
};

export function sendPlayerStatement(context: TPlayerContext, input: TStatementInput): Promise<void> {
  return enqueue(buildStatement(context, input) as unknown as Statement);
}

/**
 * The player's session events: "launched" (course) once per browser session and registration,
 * "initialized" when an activity opens, "terminated" with the time spent when it closes
 * (navigation or the page being hidden for good); for the course, "progressed" with the
 * percentage and "completed" once the server's projection says so. Shows how many statements
 * wait to be sent.
 */
export function PlayerTracker({ context, course, activity, progress, labels }: TProps) {
  const pending = useSyncExternalStore(
    (notify) => {
      const unsubscribe = onPendingChange(notify);
      return () => void unsubscribe();
    },
    waitingCount,
    () => 0,
  );
  useEffect(() => startOutbox(), []);

  // The percentage is the server's (computed from the stored statements), reported each time it
  // changes; remembered per registration so reloading the page does not repeat it.
  useEffect(() => {
    const progressedKey = `relais.xapi.progressed.${context.registration}`;
    if (progress.percent > 0 && window.localStorage.getItem(progressedKey) !== String(progress.percent)) {
      window.localStorage.setItem(progressedKey, String(progress.percent));
      void sendPlayerStatement(context, {
        verb: "progressed",
        object: course,
        result: { extensions: { [EXTENSION.progress]: progress.percent } },
      });
    }
    const completedKey = `relais.xapi.completed.${context.registration}`;
    if (progress.isCompleted && !window.localStorage.getItem(completedKey)) {
      window.localStorage.setItem(completedKey, "1");
      void sendPlayerStatement(context, { verb: "completed", object: course, result: { completion: true } });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [progress.percent, progress.isCompleted]);

  useEffect(() => {
    const launchedKey = `relais.xapi.launched.${context.registration}`;
    if (!window.sessionStorage.getItem(launchedKey)) {
      window.sessionStorage.setItem(launchedKey, "1");
      void sendPlayerStatement(context, { verb: "launched", object: course });
    }
    if (!activity) return;
    const openedAt = Date.now();
    let isTerminated = false;
    void sendPlayerStatement(context, { verb: "initialized", object: activity });
    const terminate = () => {
      if (isTerminated) return;
      isTerminated = true;
      void sendPlayerStatement(context, {
        verb: "terminated",
        object: activity,
        result: { duration: toIsoDuration((Date.now() - openedAt) / 1000) },
      });
    };
    window.addEventListener("pagehide", terminate);
    return () => {
      window.removeEventListener("pagehide", terminate);
      terminate();
    };
    // The activity id identifies the visit; the context is stable for the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activity?.id]);

  return (
    <p role="status" className="muted" aria-live="polite">
      {pending > 0 ? formatMessage(labels.pending, { waiting: pending }) : ""}
    </p>
  );
}
