"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type TProps = {
  src: string;
  /** Served from the package content origin: the frame keeps that origin (still not Relais's). */
  isIsolated: boolean;
  title: string;
  enrolmentId: string;
  activityKey: string;
  /** The SCO in the frame (null for cmi5), and the player's URL for this activity (a SCO: `&sco=<id>`). */
  scoId: string | null;
  hrefBase: string;
  savingFailedLabel: string;
  endedLabel: string;
};
type TCommitAnswer = { navigation?: { kind: "sco"; scoId: string } | { kind: "exit" } | null };

/**
 * A SCORM package in a sandboxed frame: it cannot reach this page, its cookies or Relais's API,
 * either because its documents have an opaque origin or, served from the package content origin,
 * because that origin is not Relais's (its own frames then script each other, as packages expect). Its run-time (scorm-again, inside the frame) posts each commit here;
 * they are sent in order to Relais, which keeps them and records the statements. After the
 * finishing commit the player goes where the SCO's navigation request leads (Relais decides, the
 * answer says), or closes the SCO on exit, and the page is refreshed so the outline shows progress.
 */
export function PackageActivity({
  src,
  isIsolated,
  title,
  enrolmentId,
  activityKey,
  scoId,
  hrefBase,
  savingFailedLabel,
  endedLabel,
}: TProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const router = useRouter();
  const [hasFailed, setHasFailed] = useState(false);
  const [isEnded, setIsEnded] = useState(false);
  useEffect(() => {
    let queue = Promise.resolve();
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow) return;
      const message = event.data as {
        type?: unknown;
        isTerminating?: unknown;
        navRequest?: unknown;
        data?: unknown;
      } | null;
      if (message?.type !== "relais-scorm-commit") return;
      const isTerminating = message.isTerminating === true;
      const navRequest = typeof message.navRequest === "string" ? message.navRequest : undefined;
      queue = queue.then(async () => {
        try {
          const response = await fetch("/api/packages/runtime", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              enrolmentId,
              activityKey,
              ...(scoId ? { scoId } : {}),
              isTerminating,
              navRequest,
              data: message.data,
            }),
            keepalive: isTerminating,
          });
          setHasFailed(!response.ok);
          if (!response.ok || !isTerminating) return;
          const navigation = ((await response.json()) as TCommitAnswer).navigation ?? null;
          if (navigation?.kind === "sco") router.push(`${hrefBase}&sco=${encodeURIComponent(navigation.scoId)}`);
          else {
            if (navigation?.kind === "exit") setIsEnded(true);
            router.refresh();
          }
        } catch {
          setHasFailed(true);
        }
      });
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [enrolmentId, activityKey, scoId, hrefBase, router]);
  if (isEnded) return <p role="status">{endedLabel}</p>;
  return (
    <>
      <iframe
        ref={frame}
        className="package-frame"
        src={src}
        title={title}
        sandbox={`allow-scripts allow-forms allow-popups allow-modals${isIsolated ? " allow-same-origin" : ""}`}
        referrerPolicy="no-referrer"
        style={{ width: "100%", minHeight: "70vh", border: "1px solid #ddd" }}
      />
      {hasFailed && (
        <p role="alert" className="error-text">
          {savingFailedLabel}
        </p>
      )}
    </>
  );
}
