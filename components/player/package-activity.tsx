"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type TProps = {
  src: string;
  title: string;
  enrolmentId: string;
  activityKey: string;
  savingFailedLabel: string;
};

/**
 * A SCORM package in a sandboxed frame (no allow-same-origin: it cannot reach this page, its
 * cookies or Relais's API). Its run-time (scorm-again, inside the frame) posts each commit here;
 * they are sent in order to Relais, which keeps them and records the statements. After the
 * finishing commit the page is refreshed so the outline shows the activity done.
 */
export function PackageActivity({ src, title, enrolmentId, activityKey, savingFailedLabel }: TProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const router = useRouter();
  const [hasFailed, setHasFailed] = useState(false);
  useEffect(() => {
    let queue = Promise.resolve();
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow) return;
      const message = event.data as { type?: unknown; isTerminating?: unknown; data?: unknown } | null;
      if (message?.type !== "relais-scorm-commit") return;
      const isTerminating = message.isTerminating === true;
      queue = queue.then(async () => {
        try {
          const response = await fetch("/api/packages/runtime", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ enrolmentId, activityKey, isTerminating, data: message.data }),
            keepalive: isTerminating,
          });
          setHasFailed(!response.ok);
          if (response.ok && isTerminating) router.refresh();
        } catch {
          setHasFailed(true);
        }
      });
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [enrolmentId, activityKey, router]);
  return (
    <>
      <iframe
        ref={frame}
        className="package-frame"
        src={src}
        title={title}
        sandbox="allow-scripts allow-forms allow-popups allow-modals"
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
