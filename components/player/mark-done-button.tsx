"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TPlayerContext, TStatementInput } from "@/lib/learning/xapi-statement";
import { sendPlayerStatement } from "./player-tracker";
import { waitingCount } from "./statement-queue";

type TProps = {
  context: TPlayerContext;
  activity: TStatementInput["object"];
  nextHref: string | null;
  label: string;
  isDone: boolean;
  doneLabel: string;
};

/** "I have finished": records the completion (queued if offline), then moves on. */
export function MarkDoneButton({ context, activity, nextHref, label, isDone, doneLabel }: TProps) {
  const router = useRouter();
  const [isSending, setIsSending] = useState(false);
  async function complete() {
    setIsSending(true);
    await sendPlayerStatement(context, { verb: "completed", object: activity, result: { completion: true } });
    setIsSending(false);
    // Offline: the completion waits in the outbox (the status line says so); moving on would fail.
    if (waitingCount() > 0) return;
    if (nextHref) router.push(nextHref);
    else router.refresh();
  }
  return (
    <button
      type="button"
      className={isDone ? "button button-secondary" : "button"}
      onClick={() => void complete()}
      disabled={isSending}
    >
      {isDone ? doneLabel : label}
    </button>
  );
}
