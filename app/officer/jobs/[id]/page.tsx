import { pageTitle } from "@/lib/i18n/page-title";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { getIndicatorJobOrThrow } from "@/lib/job-queue/indicator-job-store";
import { JobProgress } from "@/components/indicators/job-progress";
import { jobProgressLabels } from "@/components/indicators/job-progress-labels";

export const generateMetadata = pageTitle("pageTitles.officerJobsId");

/** A background import or export of the signed-in person; anyone else's job is a 404. */
export default async function JobPage(props: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await props.params;
  const job = await getIndicatorJobOrThrow(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t(job.kind === "PROGRESS_EXPORT" ? "indicators.jobs.exportTitle" : "indicators.jobs.importTitle")}</h1>
      <p className="lead">{t("indicators.jobs.intro")}</p>
      <JobProgress jobId={job.id} labels={jobProgressLabels(t)} />
    </>
  );
}
