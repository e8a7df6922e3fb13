import { test, expect } from "@playwright/test";
import { signInAs } from "../support/auth";
import { resolveDatabase } from "../../lib/db/local-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { externalTestDatabaseUrl } from "../../testing/test-database-url";
import { E2E } from "../../scripts/e2e-settings";

// The LRS must hold exactly the statements a short journey produces: read back over the LRS's
// own HTTP API (the demo Basic client), and the enrolment's registration read from the database.
const BASIC = {
  Authorization: `Basic ${Buffer.from("demo:demo-secret").toString("base64")}`,
  "X-Experience-API-Version": "1.0.3",
};
const PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress";
const VIDEO = (name: string) => `https://w3id.org/xapi/video/extensions/${name}`;

type TStatement = {
  id: string;
  actor: { account: { name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { id: string; definition?: { type?: string } };
  result?: {
    response?: string;
    success?: boolean;
    completion?: boolean;
    score?: { scaled?: number };
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities?: { parent?: { id: string }[]; grouping?: { id: string }[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
};

async function enrolmentOf(email: string, slug: string) {
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 1 });
  try {
    return await prisma.enrolment.findFirstOrThrow({
      where: { user: { email }, course: { slug } },
      select: { registration: true, userId: true, status: true, progressPercent: true },
    });
  } finally {
    await prisma.$disconnect();
  }
}

test("a short journey stores exactly its xAPI statements: session, progress, video profile, server-scored quiz, completion", async ({
  page,
}) => {
  await signInAs(page, "coordinator@relais.test");
  await page.goto("/courses/rgpd-essentiels");
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await page.getByRole("link", { name: "Commencer la formation" }).click();
  const noPending = () => expect(page.getByText(/en attente d'envoi/)).toBeHidden({ timeout: 30_000 });

  // Lesson 1, then the video: played a little, paused, marked done.
  await expect(page.getByRole("heading", { level: 2, name: "Définitions" })).toBeVisible();
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Le RGPD en 3 minutes" })).toBeVisible();
  const video = page.locator("video.player-video");
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(1);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).click();

  // Lesson 2, then the quiz, passed.
  await expect(page.getByRole("heading", { level: 2, name: "Répondre à une demande" })).toBeVisible();
  await page.getByRole("button", { name: "J'ai terminé cette activité" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Quiz final" })).toBeVisible();
  await page
    .getByRole("group", { name: /numéro d'agent/ })
    .getByLabel("Oui, il permet d'identifier indirectement une personne")
    .check();
  await page
    .getByRole("group", { name: /trois mois/ })
    .getByLabel("Faux")
    .check();
  const sensitive = page.getByRole("group", { name: /données sensibles/ });
  await sensitive.getByLabel("Un certificat médical").check();
  await sensitive.getByLabel("L'adhésion à un syndicat").check();
  await page.getByRole("button", { name: "Valider mes réponses" }).click();
  await expect(page.getByRole("heading", { name: "Formation terminée" })).toBeVisible();
  await noPending();
  // Leaving the quiz ends its session.
  await page.getByRole("link", { name: "Activité précédente" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Répondre à une demande" })).toBeVisible();
  await noPending();

  const enrolment = await enrolmentOf("coordinator@relais.test", "rgpd-essentiels");
  expect(enrolment).toMatchObject({ status: "COMPLETED", progressPercent: 100 });
  // In the order they happened (the browser's timestamps; ties keep the LRS's storage order).
  const readStatements = async () => {
    const response = await page.request.get(
      `/api/xapi/statements?registration=${enrolment.registration}&ascending=true&limit=500`,
      { headers: BASIC },
    );
    expect(response.status()).toBe(200);
    return ((await response.json()) as { statements: TStatement[] }).statements.sort((a, b) =>
      a.timestamp.localeCompare(b.timestamp),
    );
  };
  let statements = await readStatements();
  const course = statements.find((statement) => statement.verb.display["en-US"] === "launched")!.object.id;
  expect(course).toMatch(/\/xapi\/activities\/courses\/rgpd-essentiels$/);
  const name = (id: string) => (id === course ? "course" : id.slice(`${course}/activities/`.length));
  const summarize = (list: TStatement[]) =>
    list.map((statement) => `${statement.verb.display["en-US"]} ${name(statement.object.id)}`);
  // Exactly these, in this order (quiz statements share the attempt's timestamp: compared as a set).
  const quizStatements = [
    "answered rgpd-quiz-1/questions/q1",
    "answered rgpd-quiz-1/questions/q2",
    "answered rgpd-quiz-1/questions/q3",
    "passed rgpd-quiz-1",
  ];
  // The last two leave the browser when the learner navigates, after the page has been shown: the
  // LRS is read until they are there (or the time runs out), not once at a moment that may be early.
  await expect
    .poll(
      async () => {
        statements = await readStatements();
        return summarize(statements).filter((line) => !quizStatements.includes(line));
      },
      { timeout: 30_000 },
    )
    .toEqual([
      "launched course",
      "initialized rgpd-lesson-1",
      "completed rgpd-lesson-1",
      "terminated rgpd-lesson-1",
      "progressed course",
      "initialized rgpd-video-1",
      "played rgpd-video-1",
      "paused rgpd-video-1",
      "completed rgpd-video-1",
      "terminated rgpd-video-1",
      "progressed course",
      "initialized rgpd-lesson-2",
      "completed rgpd-lesson-2",
      "terminated rgpd-lesson-2",
      "progressed course",
      "initialized rgpd-quiz-1",
      // The result is shown in the same visit of the quiz (no reload, no second session), which
      // ends when the learner leaves it.
      "progressed course",
      "completed course",
      "terminated rgpd-quiz-1",
      "initialized rgpd-lesson-2",
    ]);
  const summary = summarize(statements);
  expect(summary.filter((line) => quizStatements.includes(line)).sort()).toEqual([...quizStatements].sort());
  expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);

  // Every statement: this learner, this enrolment's registration, Relais, French; activities carry the course as parent and grouping.
  for (const statement of statements) {
    expect(statement.actor.account.name).toBe(enrolment.userId);
    expect(statement.context).toMatchObject({
      registration: enrolment.registration,
      platform: "Relais",
      language: "fr-FR",
    });
    if (statement.object.id !== course) {
      expect(statement.context.contextActivities?.parent?.map((activity) => activity.id)).toEqual([course]);
      expect(statement.context.contextActivities?.grouping?.map((activity) => activity.id)).toEqual([course]);
    }
  }
  const of = (verb: string, object?: string) =>
    statements.filter(
      (statement) =>
        statement.verb.display["en-US"] === verb && (object === undefined || name(statement.object.id) === object),
    );
  expect(of("progressed").map((statement) => statement.result?.extensions?.[PROGRESS])).toEqual([25, 50, 75, 100]);
  expect(of("completed", "course")[0]?.result).toMatchObject({ completion: true });
  for (const terminated of of("terminated")) expect(terminated.result?.duration).toMatch(/^PT\d+(\.\d+)?S$/);

  // The xAPI Video Profile: time on play; time, progress and played segments on pause; session and length in context.
  const [played] = of("played");
  const [paused] = of("paused");
  // Playback starts at the beginning (the element may report a few milliseconds in); one segment from there to the pause.
  const startedAt = played?.result?.extensions?.[VIDEO("time")] as number;
  const pausedAt = paused?.result?.extensions?.[VIDEO("time")] as number;
  expect(startedAt).toBeGreaterThanOrEqual(0);
  expect(startedAt).toBeLessThan(1);
  expect(pausedAt).toBeGreaterThan(1);
  expect(paused?.result?.extensions?.[VIDEO("progress")]).toBeGreaterThan(0);
  expect(paused?.result?.extensions?.[VIDEO("played-segments")]).toBe(`${startedAt}[.]${pausedAt}`);
  for (const event of [played, paused]) {
    expect(event?.object.definition?.type).toBe("https://w3id.org/xapi/video/activity-type/video");
    expect(event?.context.extensions?.[VIDEO("session-id")]).toEqual(played?.context.extensions?.[VIDEO("session-id")]);
    expect(event?.context.extensions?.[VIDEO("length")]).toBeGreaterThan(10);
  }

  // The quiz, scored on the server: each answer with its response and success, then passed with the scaled score.
  for (const answered of of("answered"))
    expect(answered.result).toMatchObject({ success: true, response: expect.any(String) });
  expect(of("passed")[0]?.result).toMatchObject({ score: { scaled: 1 }, success: true, completion: true });
});
