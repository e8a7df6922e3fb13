// Runs once when a Next.js server starts: invalid configuration stops it with a readable message
// instead of failing on the first request; then the pg-boss workers start (e-mails, reminders,
// waitlist offers, sessions done), so scheduled work runs even if nobody uses the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env-schema");
  const env = parseEnv(process.env);
  // `next build` loads this file too: no workers there.
  if (!env.RELAIS_JOBS || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./lib/jobs/start-jobs-on-server");
  try {
    await startJobs();
    console.log("Relais jobs started (pg-boss).");
  } catch (error) {
    // The site still serves pages; the next notifying action retries the start.
    console.error("Relais jobs could not start:", error);
  }
}
