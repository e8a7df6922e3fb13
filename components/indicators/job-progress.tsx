"use client";
import { useEffect, useId, useState } from "react";
import { formatMessage } from "@/lib/i18n/format-message";

type TJob = {
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  progress: number;
  errorMessage: string | null;
  downloadUrl: string | null;
};
export type TJobProgressLabels = {
  progress: string;
  queued: string;
  running: string;
  done: string;
  failed: string;
  download: string;
  lost: string;
};

const POLL_MS = 1_500;

/**
 * A background import or export, polled until it ends. The live region announces the status and
 * each quarter of progress, not every poll: a screen reader would otherwise repeat itself.
 */
export function JobProgress(props: { jobId: string; labels: TJobProgressLabels }) {
  const id = useId();
  const [job, setJob] = useState<TJob | null>(null);
  const [isLost, setIsLost] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isActive = true;
    const poll = async () => {
      try {
        const response = await fetch(`/api/reports/jobs/${encodeURIComponent(props.jobId)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as TJob;
        if (!isActive) return;
        setJob(next);
        if (next.status === "QUEUED" || next.status === "RUNNING") timer = setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (isActive) setIsLost(true);
      }
    };
    void poll();
    return () => {
      isActive = false;
      clearTimeout(timer);
    };
  }, [props.jobId]);
  const { labels } = props;
  const progress = job?.progress ?? 0;
  const announced = Math.floor(progress / 25) * 25;
  const message = isLost
    ? labels.lost
    : job?.status === "DONE"
      ? labels.done
      : job?.status === "FAILED"
        ? formatMessage(labels.failed, { message: job.errorMessage ?? "" })
        : job?.status === "RUNNING"
          ? formatMessage(labels.running, { percent: announced })
          : labels.queued;
  return (
    <div className="panel">
      <label htmlFor={`${id}-progress`}>{labels.progress}</label>
      <progress id={`${id}-progress`} max={100} value={progress} style={{ display: "block", width: "100%" }}>
        {progress} %
      </progress>
      <p role="status" aria-live="polite" className={job?.status === "FAILED" || isLost ? "error-text" : undefined}>
        {message}
      </p>
      {job?.downloadUrl && (
        <p>
          <a className="button" href={job.downloadUrl}>
            {labels.download}
          </a>
        </p>
      )}
    </div>
  );
}
