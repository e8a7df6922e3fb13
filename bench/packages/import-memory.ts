// Package import at scale, against a running production build (e.g. scripts/e2e-server.ts):
//   npx tsx bench/packages/import-memory.ts http://localhost:3400 [sizesMB=50,200,500]
// For each size it writes a SCORM 1.2 zip of incompressible media (so no zip-bomb rule refuses
// it), signs in as the demo trainer and POSTs it to /api/packages as a stream, sampling the
// server process's resident memory (VmRSS) every 20 ms. The baseline of the same run is the
// server's RSS just before the upload, and for time, copying the same file on the same disk.
// It then times the SCORM runtime's commit round trip (POST /api/packages/runtime) as the demo
// agent, against an authenticated GET /api/auth/session of the same run.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { copyFile, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import archiver from "archiver";

const [base = "http://localhost:3400", sizesArg = "50,200,500"] = process.argv.slice(2);
const sizes = sizesArg.split(",").map(Number);
const MB = 1024 * 1024;
const FIXTURE = path.resolve(import.meta.dirname, "../../testing/packages/scorm12");

/** The pid listening on the server's port (next start's own process). */
function serverPid(): number {
  const port = new URL(base).port;
  const output = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(output);
  if (!match) throw new Error(`no process listens on port ${port}`);
  return Number(match[1]);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function writePackage(file: string, megabytes: number): Promise<void> {
  const archive = archiver("zip", { store: true });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on("close", resolve);
    archive.on("error", reject);
    archive.pipe(out);
  });
  archive.directory(FIXTURE, false);
  const chunk = 8 * MB;
  for (let index = 0; index * chunk < megabytes * MB; index++)
    archive.append(randomBytes(chunk), { name: `media/part-${index}.bin` });
  await archive.finalize();
  await done;
}

/** next-auth's demo provider: the session cookie of a demo account. */
async function signIn(email: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/demo`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, csrfToken, json: "true", callbackUrl: "/" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session.split(";")[0]!;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const pid = serverPid();
const trainer = await signIn("trainer@relais.test");
const folder = await mkdtemp(path.join(tmpdir(), "relais-bench-packages-"));
console.log(`server pid ${pid}, machine load ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`);
console.log("| package | import (s) | copy of the file (s) | ratio | RSS before (MB) | peak RSS growth (MB) |");
console.log("| --- | --- | --- | --- | --- | --- |");
let packageId = "";
for (const megabytes of sizes) {
  const file = path.join(folder, `p${megabytes}.zip`);
  await writePackage(file, megabytes);
  const bytes = (await stat(file)).size;
  const copyStarted = performance.now();
  await copyFile(file, `${file}.copy`);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  await rm(`${file}.copy`);
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const started = performance.now();
  const response = await fetch(`${base}/api/packages?name=p${megabytes}.zip`, {
    method: "POST",
    headers: { cookie: trainer, "content-type": "application/zip", "content-length": String(bytes) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const answer = (await response.json()) as { id?: string; message?: string };
  if (response.status !== 201) throw new Error(`import of ${megabytes} MB: ${response.status} ${answer.message}`);
  packageId = answer.id!;
  console.log(
    `| ${(bytes / MB).toFixed(0)} MB | ${seconds.toFixed(1)} | ${copySeconds.toFixed(1)} | ${(seconds / copySeconds).toFixed(1)} | ${before.toFixed(0)} | ${(peak - before).toFixed(0)} |`,
  );
  await rm(file);
}
await rm(folder, { recursive: true });
console.log(`last package: ${packageId}`);

// The SCORM runtime's commit round trip. The course around the package is written straight into
// the server's database (RELAIS_BENCH_DATABASE_URL; the e2e server's by default), as a trainer's
// publication would leave it, and the demo agent is enrolled.
const { createPrismaClient } = await import("../../lib/db/create-client");
const databaseUrl =
  process.env.RELAIS_BENCH_DATABASE_URL ?? "postgresql://relais:relais-local@127.0.0.1:55402/relais_e2e";
const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
const agent = await prisma.user.findUniqueOrThrow({ where: { email: "agent@relais.test" }, select: { id: true } });
const trainerRow = await prisma.user.findUniqueOrThrow({
  where: { email: "trainer@relais.test" },
  select: { institutionId: true },
});
const theme = await prisma.theme.findFirstOrThrow({ select: { id: true } });
const slug = `bench-package-${Date.now()}`;
const course = await prisma.course.create({
  data: {
    slug,
    institutionId: trainerRow.institutionId!,
    themeId: theme.id,
    trainingType: "T1_ADAPT_POST",
    modality: "ONLINE",
    visibility: "NATIONAL",
    versions: {
      create: {
        number: 1,
        status: "PUBLISHED",
        publishedAt: new Date(),
        title: "Paquet du banc d'essai",
        summary: "Banc d'essai",
        objectives: "Mesurer",
        declaredDurationMinutes: 30,
        completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
        modules: {
          create: [
            {
              position: 0,
              title: "Module",
              activities: { create: [{ key: "sco", position: 0, kind: "PACKAGE", title: "SCO", packageId }] },
            },
          ],
        },
      },
    },
  },
  select: { id: true, versions: { select: { id: true } } },
});
const enrolment = await prisma.enrolment.create({
  data: {
    userId: agent.id,
    courseId: course.id,
    courseVersionId: course.versions[0]!.id,
    registration: crypto.randomUUID(),
    status: "ACTIVE",
  },
  select: { id: true },
});
await prisma.$disconnect();

const learner = await signIn("agent@relais.test");
async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return performance.now() - started;
}
const commit = (index: number) =>
  fetch(`${base}/api/packages/runtime`, {
    method: "POST",
    headers: { cookie: learner, "content-type": "application/json" },
    body: JSON.stringify({
      enrolmentId: enrolment.id,
      activityKey: "sco",
      isTerminating: false,
      data: {
        cmi: {
          core: { lesson_status: "incomplete", lesson_location: `page-${index}`, session_time: "0000:01:00.00" },
          suspend_data: JSON.stringify({ page: index, answers: Array.from({ length: 50 }, (_, i) => i % 4) }),
        },
      },
    }),
  });
const session = () => fetch(`${base}/api/auth/session`, { headers: { cookie: learner } });
await timed(() => commit(0));
await timed(session);
const commits: number[] = [];
const sessions: number[] = [];
for (let index = 1; index <= 50; index++) {
  sessions.push(await timed(session));
  commits.push(await timed(() => commit(index)));
}
console.log(
  `SCORM commit round trip: median ${median(commits).toFixed(1)} ms; authenticated GET /api/auth/session: median ${median(sessions).toFixed(1)} ms; ratio ${(median(commits) / median(sessions)).toFixed(1)} (n=50 each)`,
);
