import "server-only";
// The right of access and to portability (GDPR art. 15 and 20): everything Relais holds about the
// signed-in person, as one zip of JSON files with a README in their language. Only the actor's
// own data (no parameter names anyone else). Statements, the one set that grows without bound,
// are read page by page and streamed into the archive: memory stays flat whatever their number.
import { Readable } from "node:stream";
import archiver from "archiver";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import type { TLocale } from "../i18n/config";
import { createTranslator } from "../i18n/translate";
import { personalDataIfis } from "./personal-data-ifis";
import { buildExportReadme, type EXPORT_FILES } from "./export-readme";

const STATEMENT_PAGE = 500;

export type TPersonalDataExport = { fileName: string; stream: ReadableStream<Uint8Array> };

function json(value: unknown): string {
  return `${JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2)}\n`;
}

async function loadSmallSets(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      staffCategory: true,
      population: true,
      sex: true,
      workplaceLabel: true,
      workplaceLat: true,
      workplaceLng: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      institution: { select: { code: true, name: true } },
      manager: { select: { name: true, email: true } },
      identities: { select: { provider: true, subject: true, createdAt: true } },
    },
  });
  const [memberships, enrolments, registrations, attendance, certificates, surveys, notifications, documents] =
    await Promise.all([
      db.roleMembership.findMany({
        where: { userId },
        select: {
          role: true,
          createdAt: true,
          institution: { select: { code: true } },
          relaySite: { select: { code: true } },
        },
      }),
      db.enrolment.findMany({
        where: { userId },
        include: {
          course: { select: { slug: true } },
          courseVersion: { select: { number: true, title: true } },
          statusHistory: { select: { fromStatus: true, toStatus: true, comment: true, createdAt: true } },
          activityProgress: { select: { activityKey: true, isCompleted: true, completedAt: true } },
          quizAttempts: {
            select: {
              activityKey: true,
              number: true,
              answers: true,
              scaledScore: true,
              isPassed: true,
              createdAt: true,
            },
          },
        },
        orderBy: { enrolledAt: "asc" },
      }),
      db.registration.findMany({
        where: { userId },
        include: {
          session: {
            select: { id: true, course: { select: { slug: true } }, site: { select: { code: true, name: true } } },
          },
          statusHistory: { select: { fromStatus: true, toStatus: true, comment: true, createdAt: true } },
        },
        orderBy: { createdAt: "asc" },
      }),
      db.attendance.findMany({
        where: { userId },
        select: {
          isPresent: true,
          method: true,
          recordedAt: true,
          slot: { select: { sessionId: true, halfDay: true, startsAt: true, endsAt: true } },
        },
        orderBy: { recordedAt: "asc" },
      }),
      db.certificate.findMany({ where: { userId }, orderBy: { issuedAt: "asc" } }),
      db.surveyResponse.findMany({ where: { userId }, include: { course: { select: { slug: true } } } }),
      db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
      db.xapiDocument.findMany({ where: { agentIfi: { in: personalDataIfis(userId, user.email) } } }),
    ]);
  const audit = await db.auditLog.findMany({
    where: { OR: [{ actorId: userId }, { entityType: "User", entityId: userId }] },
    select: { action: true, entityType: true, entityId: true, data: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const jobs = await db.indicatorJob.findMany({
    where: { ownerId: userId },
    select: { kind: true, status: true, params: true, resultName: true, createdAt: true, finishedAt: true },
  });
  return {
    "profile.json": user,
    "memberships.json": memberships,
    "enrolments.json": enrolments,
    "registrations.json": registrations,
    "attendance.json": attendance,
    "certificates.json": certificates,
    "survey-responses.json": surveys,
    "notifications.json": notifications,
    "xapi-documents.json": documents.map((document) => ({
      ...document,
      content: document.contentType.includes("json")
        ? Buffer.from(document.content).toString("utf8")
        : Buffer.from(document.content).toString("base64"),
    })),
    "activity-log.json": { audit, jobs },
  } satisfies Record<(typeof EXPORT_FILES)[number], unknown> as Record<string, unknown>;
}

/** The person's statements as one JSON array, read STATEMENT_PAGE at a time along the seq index. */
async function* statementsJson(userId: string, ifis: string[]): AsyncGenerator<string> {
  yield "[";
  let after = -1n;
  let isFirst = true;
  for (;;) {
    const page = await db.xapiStatement.findMany({
      where: {
        seq: { gt: after },
        OR: [{ actorIfi: { in: ifis } }, { relatedAgents: { hasSome: ifis } }, { writerUserId: userId }],
      },
      select: { seq: true, statement: true, isVoided: true },
      orderBy: { seq: "asc" },
      take: STATEMENT_PAGE,
    });
    for (const row of page) {
      yield `${isFirst ? "\n" : ",\n"}${JSON.stringify({ ...(row.statement as object), relaisVoided: row.isVoided })}`;
      isFirst = false;
    }
    if (page.length < STATEMENT_PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  yield "\n]\n";
}

/** Builds the archive of the actor's own data; the caller streams it as the HTTP answer. */
export async function exportPersonalData(
  actor: TActor,
  options: { locale: TLocale; now?: Date },
): Promise<TPersonalDataExport> {
  assertCan(actor, "privacy.exportOwn", { userId: actor.userId });
  const now = options.now ?? new Date();
  const sets = await loadSmallSets(actor.userId);
  const t = createTranslator(options.locale);
  const archive = archiver("zip", { zlib: { level: 6 } });
  archive.append(buildExportReadme({ t, locale: options.locale, now, name: actor.name }), { name: "README.md" });
  for (const [name, value] of Object.entries(sets)) archive.append(json(value), { name });
  archive.append(Readable.from(statementsJson(actor.userId, personalDataIfis(actor.userId, actor.email))), {
    name: "statements.json",
  });
  void archive.finalize();
  return {
    fileName: `relais-${t("privacy.export.fileStem")}-${now.toISOString().slice(0, 10)}.zip`,
    stream: Readable.toWeb(archive) as ReadableStream<Uint8Array>,
  };
}
