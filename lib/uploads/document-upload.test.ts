import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { toHttpError } from "../errors/app-error";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createCourse } from "../authoring/create-course";
import { draftWith } from "../../testing/authoring-fixtures";
import { getCourseDraft } from "../authoring/get-course-draft";
import { publishCourseDraft } from "../authoring/publish-course-draft";
import { saveCourseDraft } from "../authoring/save-course-draft";
import type { TDraft } from "../authoring/draft-schema";
import { identifyDocument } from "./identify-document";
import { openDocument } from "./open-document";
import { MAX_DOCUMENT_BYTES, storeDocument } from "./store-document";

const filesOnDisk = () =>
  existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "files"))
    ? readdirSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "files")).length
    : 0;

async function realPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Fiche pratique RGPD");
  return pdf.save();
}

async function realXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Données").addRow(["jeu", "licence"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An OpenDocument text as ODF lays it out: first entry "mimetype", stored, its content in clear. */
function openDocumentText(): Uint8Array {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(8, 26);
  return new Uint8Array(
    Buffer.concat([
      header,
      Buffer.from("mimetypeapplication/vnd.oasis.opendocument.text"),
      Buffer.from("PK\u0001\u0002 rest of the archive"),
    ]),
  );
}

async function setUp() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  await db.theme.upsert({
    where: { code: "test-theme" },
    create: { code: "test-theme", nameFr: "Thème test", nameEn: "Test theme" },
    update: {},
  });
  const trainerA = await createUserWithRoles({
    institutionId: a.id,
    roles: [{ role: "TRAINER", institutionId: a.id }],
  });
  const trainerB = await createUserWithRoles({
    institutionId: b.id,
    roles: [{ role: "TRAINER", institutionId: b.id }],
  });
  const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  const agentB = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
  return { a, trainerA, trainerB, agentA, agentB };
}

const withFile = (fileId: string): TDraft => {
  const draft = draftWith("Avec document");
  draft.course.visibility = "INSTITUTION";
  draft.modules[0]!.activities.push({
    key: "file-1",
    kind: "FILE",
    title: "Fiche pratique",
    isRequired: false,
    content: {},
    fileId,
  });
  return draft;
};

describe("course documents (FILE activities): real files, real database", () => {
  it("identifies documents by their content, whatever their name", async () => {
    expect(identifyDocument(await realPdf())).toMatchObject({ extension: "pdf" });
    expect(identifyDocument(await realXlsx())).toMatchObject({ extension: "xlsx" });
    expect(identifyDocument(openDocumentText())).toMatchObject({
      extension: "odt",
      mimeType: "application/vnd.oasis.opendocument.text",
    });
    expect(identifyDocument(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(identifyDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeNull(); // a bare ZIP is not a document
  });

  it("stores an accepted document once, with a clean name; a retried upload returns the same row", async () => {
    const { trainerA } = await setUp();
    const pdf = await realPdf();
    const first = await storeDocument(trainerA, { bytes: pdf, fileName: "../../Fiche RGPD" });
    expect(first).toMatchObject({ fileName: "Fiche RGPD.pdf", mimeType: "application/pdf", sizeBytes: pdf.byteLength });
    const retried = await storeDocument(trainerA, { bytes: pdf, fileName: "../../Fiche RGPD" });
    expect(retried.id).toBe(first.id);
    const renamed = await storeDocument(trainerA, { bytes: pdf, fileName: "Autre nom.pdf" });
    expect(renamed.id).not.toBe(first.id);
    expect(
      readdirSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "files")).filter((name) => name.endsWith(".pdf")),
    ).toHaveLength(1);
  });

  it("refuses a wrong type, an oversized or empty file and a non-trainer, storing nothing", async () => {
    const { trainerA, agentA } = await setUp();
    const filesBefore = filesOnDisk();
    // This test's people only: other files store files in the same database at the same time.
    const theirs = { createdById: { in: [trainerA.userId, agentA.userId] } };
    const html = await storeDocument(trainerA, {
      bytes: new TextEncoder().encode("<html>"),
      fileName: "fiche.pdf",
    }).catch((error: unknown) => error);
    expect(toHttpError(html)).toMatchObject({
      status: 415,
      body: { message: expect.stringMatching(/PDF, OpenDocument/) },
    });
    const oversized = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    oversized.set(new TextEncoder().encode("%PDF-1.7"));
    expect(
      toHttpError(await storeDocument(trainerA, { bytes: oversized }).catch((error: unknown) => error)),
    ).toMatchObject({ status: 413, body: { message: "file: a document may not exceed 20 MB" } });
    await expect(storeDocument(trainerA, { bytes: new Uint8Array() })).rejects.toMatchObject({ code: "INVALID" });
    await expect(storeDocument(agentA, { bytes: await realPdf() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(filesOnDisk()).toBe(filesBefore);
    expect(await db.storedFile.count({ where: theirs })).toBe(0);
  });

  it("learners download it only through a published course they may see; drafts and other institutions get 404", async () => {
    const { a, trainerA, trainerB, agentA, agentB } = await setUp();
    const document = await storeDocument(trainerA, { bytes: await realXlsx(), fileName: "Données été.xlsx" });
    const foreign = await storeDocument(trainerB, { bytes: await realPdf(), fileName: "b.pdf" });
    const course = await createCourse(trainerA, {
      institutionId: a.id,
      title: "Données de recherche",
      themeCode: "test-theme",
    });
    const loaded = await getCourseDraft(trainerA, course.id);
    // Another institution's document cannot be borrowed by id.
    await expect(
      saveCourseDraft(trainerA, {
        courseId: course.id,
        versionId: loaded.draft.id,
        revision: loaded.draft.revision,
        draft: withFile(foreign.id),
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const saved = await saveCourseDraft(trainerA, {
      courseId: course.id,
      versionId: loaded.draft.id,
      revision: loaded.draft.revision,
      draft: withFile(document.id),
    });

    // In a draft only: its author reads it, learners do not.
    expect((await openDocument(trainerA, document.id)).headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    await expect(openDocument(agentA, document.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await publishCourseDraft(trainerA, { courseId: course.id, versionId: loaded.draft.id, revision: saved.revision });
    const { body, headers } = await openDocument(agentA, document.id);
    expect(body.byteLength).toBe(document.sizeBytes);
    expect(headers).toMatchObject({
      "content-disposition": `attachment; filename="Donn_es _t_.xlsx"; filename*=UTF-8''Donn%C3%A9es%20%C3%A9t%C3%A9.xlsx`,
      "x-content-type-options": "nosniff",
    });
    // The course is for its own institution only: another institution's agent and trainer see nothing.
    await expect(openDocument(agentB, document.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openDocument(trainerB, document.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openDocument(agentA, "does-not-exist")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
