import { DAY_MS, RETENTION_DAYS } from "../privacy/retention-policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createMailTransport } from "./mail-transport";
import { deliverPendingEmails } from "./deliver-emails";
import { sendReminders } from "./send-reminders";
import { registerForSession } from "../sessions/register-for-session";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";
import PgBoss from "pg-boss";
import { NOTIFICATION_QUEUES, registerNotificationJobs } from "./register-notification-jobs";
import { startSmtpCapture, type TSmtpCapture } from "../../testing/smtp-capture";

let capture: TSmtpCapture;
let port = 0;
const captured = () => capture.messages;

beforeAll(async () => {
  capture = await startSmtpCapture();
  port = capture.port;
  // Other files, running at the same time on the shared test database, leave unsent
  // notifications; delivery goes oldest first. Sending that backlog once here, with a budget of
  // its own, keeps every test below to the few messages it is about.
  await deliverPendingEmails({ transport: createMailTransport(`smtp://127.0.0.1:${port}`), limit: 100_000 });
}, 300_000);
afterAll(() => capture.close());

/**
 * An instant older than any other file's notifications, so that delivery (oldest first) takes this
 * test's own first; but within the notifications' retention (365 days): a retention run of another
 * file at the same moment deleted rows dated 1970 in the middle of a test.
 */
const firstInLine = () => new Date(Date.now() - (RETENTION_DAYS.notifications - 1) * DAY_MS);

describe("e-mail notifications through a local SMTP server (real database, real SMTP)", () => {
  it("a registration e-mail goes out in the agent's language with an .ics attachment, once", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await db.user.update({ where: { id: agent!.userId }, data: { locale: "en" } });
    await registerForSession(agent!, { sessionId: session.id });
    // Other files running at the same time leave unsent notifications in the shared database, and
    // delivery goes oldest first: this agent's goes first, so that two deliveries of one message
    // each test "once" without draining everyone else's backlog (minutes on a busy machine).
    await db.notification.updateMany({ where: { userId: agent!.userId }, data: { createdAt: firstInLine() } });
    const transport = createMailTransport(`smtp://127.0.0.1:${port}`);
    await deliverPendingEmails({ transport, limit: 1 });
    await deliverPendingEmails({ transport, limit: 1 });
    const mails = captured().filter((mail) => mail.to === agent!.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain("Subject: Registration confirmed: Accueillir le public");
    expect(mails[0]!.raw).toContain("BEGIN:VCALENDAR");
    expect(mails[0]!.raw).toContain(`${session.slots[0]!.id}@relais`);
    expect(await db.notification.findFirstOrThrow({ where: { userId: agent!.userId } })).toMatchObject({
      emailAttempts: 1,
      emailSentAt: expect.any(Date),
    });
  });

  it("dates in the e-mail and its .ics follow the institution's time zone, not Paris", async () => {
    const context = await createSiteWithStaff();
    await db.institution.update({ where: { id: context.institution.id }, data: { timeZone: "Pacific/Noumea" } });
    const session = await createOpenSession(context, 2);
    const [agent, french] = await createAgents(context.institution.id, 2);
    await db.user.update({ where: { id: agent!.userId }, data: { locale: "en" } });
    await registerForSession(agent!, { sessionId: session.id });
    await registerForSession(french!, { sessionId: session.id });
    // Theirs first (see the first test): the delivery sends exactly their notifications.
    const { count } = await db.notification.updateMany({
      where: { userId: { in: [agent!.userId, french!.userId] }, emailSentAt: null },
      data: { createdAt: firstInLine() },
    });
    await deliverPendingEmails({ transport: createMailTransport(`smtp://127.0.0.1:${port}`), limit: count });
    const mail = captured().find((row) => row.to === agent!.email)!;
    // The morning half-day starts at 08:00 UTC, 19:00 in Nouméa (UTC+11).
    const first = session.slots[0]!.startsAt;
    const local = new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone: "Pacific/Noumea" }).format(first);
    expect(local).toBe("19:00");
    // Each recipient reads the date in their language.
    expect((await db.notification.findFirstOrThrow({ where: { userId: agent!.userId } })).body).toMatch(
      /day,? \d{1,2} [A-Z][a-z]+ \d{4} 19:00–22:30/,
    );
    expect((await db.notification.findFirstOrThrow({ where: { userId: french!.userId } })).body).toMatch(
      /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} [a-zéû]+ \d{4} 19:00–22:30/,
    );
    expect(mail.raw).toContain(`DTSTART:${first.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(mail.raw).toContain("X-WR-TIMEZONE:Pacific/Noumea");
  });

  it("when SMTP is down nothing is lost: delivery fails, the row stays unsent, and goes out once SMTP is back", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await registerForSession(agent!, { sessionId: session.id });
    // Other files leave unsent notifications in the shared database, and delivery stops at the first
    // failure, oldest first: this agent's goes first, so that it is the one that meets the outage.
    await db.notification.updateMany({ where: { userId: agent!.userId }, data: { createdAt: firstInLine() } });
    const down = createMailTransport("smtp://127.0.0.1:9"); // nothing listens on the discard port
    await expect(deliverPendingEmails({ transport: down, limit: 1000 })).rejects.toThrow();
    const row = await db.notification.findFirstOrThrow({ where: { userId: agent!.userId } });
    expect(row.emailSentAt).toBeNull();
    expect(row.emailAttempts).toBeGreaterThanOrEqual(1);
    await deliverPendingEmails({ transport: createMailTransport(`smtp://127.0.0.1:${port}`), limit: 1 });
    expect(captured().filter((mail) => mail.to === agent!.email)).toHaveLength(1);
    expect(captured().find((mail) => mail.to === agent!.email)!.raw).toMatch(/Subject: .*Inscription/);
  });

  it("reminders 7 days and 1 day before, never twice", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await registerForSession(agent!, { sessionId: session.id });
    const first = session.slots[0]!.startsAt.getTime();
    const sevenDaysBefore = new Date(first - 7 * 24 * 3600_000 + 3600_000);
    await sendReminders(sevenDaysBefore);
    await sendReminders(sevenDaysBefore);
    await sendReminders(new Date(first - 12 * 3600_000));
    const kinds = (
      await db.notification.findMany({ where: { userId: agent!.userId, kind: { startsWith: "reminder" } } })
    )
      .map((row) => row.kind)
      .sort();
    expect(kinds).toEqual(["reminder1", "reminder7"]);
  });

  it("pg-boss retries while SMTP is down and delivers once it is back, without anyone calling deliver", async () => {
    // A port where nothing listens yet: take a free one, then release it.
    const probe = await startSmtpCapture();
    const downPort = probe.port;
    await probe.close();
    process.env.SMTP_URL = `smtp://127.0.0.1:${downPort}`;
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await registerForSession(agent!, { sessionId: session.id });
    // First in line, so that the job's first batch holds it whatever other files left unsent.
    await db.notification.updateMany({ where: { userId: agent!.userId }, data: { createdAt: firstInLine() } });
    // Only the notification workers: every area's (startJobs) would also take other files' queued
    // import and export jobs, whose files live in those files' own upload folders, and fail them.
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
    await boss.start();
    await registerNotificationJobs(boss, { schedule: false });
    // Job-level retry settings override the queue's (30 s with backoff) so the test need not wait.
    const jobId = await boss.send(
      NOTIFICATION_QUEUES.deliverEmails,
      {},
      { retryLimit: 50, retryDelay: 1, retryBackoff: false },
    );
    await expect
      .poll(async () => (await boss.getJobById(NOTIFICATION_QUEUES.deliverEmails, jobId!))?.state, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe("retry");
    // The first failure stops the batch (older rows may come first): nothing was marked sent.
    expect((await db.notification.findFirstOrThrow({ where: { userId: agent!.userId } })).emailSentAt).toBeNull();
    const back = await startSmtpCapture({ port: downPort });
    try {
      await expect
        .poll(() => back.messages.filter((mail) => mail.to === agent!.email).length, { timeout: 30_000, interval: 250 })
        .toBe(1);
      await expect
        .poll(async () => (await boss.getJobById(NOTIFICATION_QUEUES.deliverEmails, jobId!))?.state, {
          timeout: 30_000,
          interval: 250,
        })
        .toBe("completed");
      expect(await db.notification.findFirstOrThrow({ where: { userId: agent!.userId } })).toMatchObject({
        emailSentAt: expect.any(Date),
      });
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await back.close();
      delete process.env.SMTP_URL;
    }
  });
});
