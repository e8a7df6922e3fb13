import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createTranslator } from "../i18n/translate";
import { jobFilePath, writeJobFile } from "../job-queue/job-file-storage";
import { runIndicatorJob as runJobWith } from "../job-queue/run-indicator-job";
import { runImportJob } from "./run-import-job";

const runIndicatorJob = (jobId: string) =>
  runJobWith(jobId, { STAFF_IMPORT: runImportJob, HEADCOUNT_IMPORT: runImportJob, PROGRESS_EXPORT: runImportJob });
import { createInstitution, createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { importStaff } from "./import-staff";
import { requestCsvImport } from "./request-csv-import";
import { translateLineError } from "./translate-line-error";

// Issue 12 §1: an officer's staff import took over accounts of no institution (a national
// administrator's included). Only agents of the importing institution may be created or updated.
const utf8 = (text: string) => new TextEncoder().encode(text);
const header = "email;nom;categorie;population;sexe;responsable\n";

beforeAll(() => {
  process.env.RELAIS_UPLOAD_DIR ??= mkdtempSync(path.join(tmpdir(), "relais-staff-import-"));
});

async function setUp() {
  const [home, other] = await Promise.all([createInstitution(), createInstitution()]);
  const officer = await createUserWithRoles({
    institutionId: home.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: home.id }],
  });
  const [admin, orphan, stranger, trainer, coordinator, colleague, agent] = await Promise.all([
    createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] }),
    createUserWithRoles({ roles: [] }),
    createUserWithRoles({ institutionId: other.id, roles: [{ role: "AGENT", institutionId: other.id }] }),
    createUserWithRoles({
      institutionId: home.id,
      roles: [
        { role: "AGENT", institutionId: home.id },
        { role: "TRAINER", institutionId: home.id },
      ],
    }),
    createUserWithRoles({ institutionId: home.id, roles: [{ role: "SITE_COORDINATOR", institutionId: home.id }] }),
    createUserWithRoles({ institutionId: home.id, roles: [{ role: "TRAINING_OFFICER", institutionId: home.id }] }),
    createUserWithRoles({ institutionId: home.id, roles: [{ role: "AGENT", institutionId: home.id }] }),
  ]);
  return { home, other, officer, admin, orphan, stranger, trainer, coordinator, colleague, agent };
}

const snapshot = (emails: string[]) =>
  db.user.findMany({
    where: { email: { in: emails } },
    orderBy: { email: "asc" },
    select: { email: true, name: true, institutionId: true, managerId: true, memberships: { select: { role: true } } },
  });

describe("staff import: only agents of the importing institution", () => {
  it("refuses, line by line, anyone beyond an agent of the institution; then nothing is imported", async () => {
    const s = await setUp();
    const newcomer = `${uniqueCode("new")}@test.relais`;
    const named = [s.admin, s.orphan, s.stranger, s.trainer, s.coordinator, s.colleague].map((actor) => actor.email);
    const csv =
      header +
      `${newcomer};Nouvelle;B;CONTRACT;;\n` +
      named.map((email) => `${email};Renamed by officer;C;CONTRACT;;${s.officer.email}`).join("\n");
    const before = await snapshot(named);
    const result = await importStaff(s.officer, { institutionId: s.home.id, bytes: utf8(csv), isDryRun: false });
    expect(result.isImported).toBe(false);
    expect(result.errors.map((error) => [error.line, error.messageKey])).toEqual([
      [3, "indicators.imports.noInstitution"],
      [3, "indicators.imports.notAnAgent"],
      [4, "indicators.imports.noInstitution"],
      [5, "indicators.imports.otherInstitution"],
      [6, "indicators.imports.notAnAgent"],
      [7, "indicators.imports.notAnAgent"],
      [8, "indicators.imports.notAnAgent"],
    ]);
    expect(await snapshot(named)).toEqual(before);
    expect(await db.user.count({ where: { email: newcomer } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "staff.imported", entityId: s.home.id } })).toBe(0);

    // Shown in the reader's language, roles in words.
    const fr = translateLineError(result.errors[1]!, createTranslator("fr"));
    expect(fr.message).toBe(
      `${s.admin.email} a le rôle « Administrateur·rice national·e » : un import ne gère que des agents.`,
    );
    const en = result.errors.map((error) => translateLineError(error, createTranslator("en")).message);
    expect(en[0]).toBe(`${s.admin.email} is an account of no institution: an import cannot take it over.`);
    expect(en[3]).toBe(`${s.stranger.email} belongs to another institution: an import cannot change their account.`);
    expect(en[4]).toBe(`${s.trainer.email} holds the role “Trainer”: an import manages agents only.`);
  });

  it("imports agents of the institution and audits what changed (counts and ids)", async () => {
    const s = await setUp();
    const newcomer = `${uniqueCode("new")}@test.relais`;
    const csv =
      header + `${newcomer};Nouvelle;B;CONTRACT;;${s.agent.email}\n${s.agent.email};Agent renommé;A;CONTRACT;;\n`;
    const result = await importStaff(s.officer, { institutionId: s.home.id, bytes: utf8(csv), isDryRun: false });
    expect(result).toMatchObject({ errors: [], created: 1, updated: 1, isImported: true });
    const created = await db.user.findUniqueOrThrow({ where: { email: newcomer }, include: { memberships: true } });
    expect(created).toMatchObject({ institutionId: s.home.id, managerId: s.agent.userId });
    expect(created.memberships.map((membership) => membership.role)).toEqual(["AGENT"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.agent.userId } })).name).toBe("Agent renommé");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "staff.imported", entityId: s.home.id, actorId: s.officer.userId },
    });
    expect(audit.data).toEqual({
      lines: 2,
      created: 1,
      updated: 1,
      createdIds: [created.id],
      updatedIds: [s.agent.userId],
    });
  });

  it("a manager is only pointed at: a coordinator of the institution may be one, an outsider may not", async () => {
    const s = await setUp();
    const newcomer = `${uniqueCode("new")}@test.relais`;
    const ok = header + `${newcomer};Nouvelle;B;CONTRACT;;${s.coordinator.email}\n`;
    expect(await importStaff(s.officer, { institutionId: s.home.id, bytes: utf8(ok), isDryRun: false })).toMatchObject({
      isImported: true,
    });
    const refused = header + `${newcomer};Nouvelle;B;CONTRACT;;${s.stranger.email}\n`;
    const result = await importStaff(s.officer, { institutionId: s.home.id, bytes: utf8(refused), isDryRun: false });
    expect(result.errors.map((error) => error.messageKey)).toEqual(["indicators.imports.managerUnknown"]);
    expect((await db.user.findUniqueOrThrow({ where: { email: newcomer } })).managerId).toBe(s.coordinator.userId);
  });

  it("background path: a large file naming an administrator is refused at once, nothing queued", async () => {
    const s = await setUp();
    const lines = Array.from({ length: 5 }, () => `${uniqueCode("bulk")}@test.relais;Agent;C;CONTRACT;;`);
    const csv = header + [...lines, `${s.admin.email};Renamed by officer;C;CONTRACT;;`].join("\n");
    const request = await requestCsvImport(s.officer, {
      kind: "staff",
      institutionId: s.home.id,
      bytes: utf8(csv),
      isDryRun: false,
      threshold: 2,
    });
    expect("result" in request && request.result.errors.map((error) => error.line)).toEqual([7, 7]);
    expect(await db.indicatorJob.count({ where: { ownerId: s.officer.userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.admin.userId } })).institutionId).toBeNull();
  });

  it("background path: the job checks again when it runs (a role granted meanwhile), in the owner's language", async () => {
    const s = await setUp();
    const newcomer = `${uniqueCode("new")}@test.relais`;
    const csv = header + `${newcomer};Nouvelle;B;CONTRACT;;\n${s.agent.email};Renamed by officer;C;CONTRACT;;\n`;
    const job = await db.indicatorJob.create({
      data: {
        kind: "STAFF_IMPORT",
        ownerId: s.officer.userId,
        institutionId: s.home.id,
        params: { institutionId: s.home.id, locale: "en" },
      },
    });
    const inputPath = jobFilePath("imports", job.id, "csv");
    await writeJobFile(inputPath, utf8(csv));
    await db.indicatorJob.update({ where: { id: job.id }, data: { inputPath } });
    // Between the upload and the run, the agent became a national administrator.
    await db.roleMembership.create({ data: { userId: s.agent.userId, role: "NATIONAL_ADMIN" } });
    await runIndicatorJob(job.id);
    const ended = await db.indicatorJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended.status).toBe("FAILED");
    expect(ended.errorMessage).toBe(
      `1 invalid line(s), nothing imported. line 3: ${s.agent.email} holds the role “National administrator”: an import manages agents only.`,
    );
    expect(await db.user.count({ where: { email: newcomer } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.agent.userId } })).name).toBe(s.agent.email);
  });
});
