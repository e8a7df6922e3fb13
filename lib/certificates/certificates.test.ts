import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment, createPublishedCourse } from "../../testing/learning-fixtures";
import { getMyTrainingRecord } from "../records/get-my-training-record";
import { renderTrainingRecordPdf } from "../records/render-training-record-pdf";
import { buildCertificatePdf } from "./build-certificate-pdf";
import { getCertificatePdf } from "./get-certificate-pdf";
import { issueCertificate, type TCertificateDetails } from "./issue-certificate";
import { readPdfText } from "../../testing/read-pdf-text";
import { candidateCodes, formatVerificationCode, generateVerificationCode } from "./verification-code";
import { lookUpCertificate } from "./verify-certificate";

const NAME = "Nguyễn Thị Ánh Ηλέκτρα Łukasiewicz-Ørsted";
const LONG_TITLE =
  `Conduire le changement numérique dans les établissements d'enseignement supérieur : ${"méthodes, outils et retours d'expérience ".repeat(4)}`
    .slice(0, 200)
    .trim();

const DETAILS: TCertificateDetails = {
  agentName: NAME,
  courseTitle: LONG_TITLE,
  objectives: "Savoir conduire un projet ; mesurer ses effets.",
  modality: "HYBRID",
  trainingType: "STATUTORY",
  declaredDurationMinutes: 420,
  dates: ["2026-03-09", "2026-03-10"],
  attendedHours: 7,
  evaluationResult: null,
  institutionName: "Université Grenoble Alpes",
  siteName: "Maison de la formation, Grenoble",
};

/** pdftotext breaks wrapped lines: compare with whitespace folded. */
const folded = (text: string) => text.replace(/\s+/g, " ");

describe("verification codes", () => {
  it("carry 80 bits (16 Crockford base32 characters), print in groups of four, and older codes still read", () => {
    const codes = new Set(Array.from({ length: 2000 }, generateVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(formatVerificationCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
    expect(candidateCodes(" abcd-efgh-jkmn-pqrs ")).toEqual(["ABCDEFGHJKMNPQRS"]);
    // Misread letters: O is 0, I and L are 1.
    expect(candidateCodes("O1IL-0000-0000-0000")).toContain("0111000000000000");
    expect(candidateCodes("AN72359TN9RN")).toContain("AN72359TN9RN");
    expect(candidateCodes("x\u0000y")).toBeNull();
    expect(candidateCodes("A".repeat(200))).toBeNull();
  });
});

describe("certificate PDF (pdftotext)", () => {
  it("French: every legal item, the name in every script, the 200-character title whole, the training type in words, the code whole", async () => {
    const pdf = await buildCertificatePdf({
      kind: "ATTENDANCE",
      details: DETAILS,
      verificationCode: "ABCDEFGHJKMNPQRS",
      verificationUrl: "https://relais.example.org/verify/ABCDEFGHJKMNPQRS",
      issuedAt: new Date("2026-03-11T10:00:00Z"),
      locale: "fr",
    });
    const text = folded(readPdfText(pdf));
    expect(LONG_TITLE.length).toBe(200);
    expect(text).toContain(NAME);
    expect(text).toContain(LONG_TITLE);
    expect(text).toContain("Formation statutaire — formation hybride (en ligne et en présentiel)");
    expect(text).not.toContain("STATUTORY");
    expect(text).not.toContain("?");
    for (const item of [
      "Attestation de formation",
      "Objectifs",
      "Savoir conduire un projet ; mesurer ses effets.",
      /Durée prévue 7 ?h/,
      "9 mars 2026, 10 mars 2026",
      /Heures suivies 7 ?h/,
      "Établissement émetteur Université Grenoble Alpes",
      "Code de vérification : ABCD-EFGH-JKMN-PQRS",
      "https://relais.example.org/verify/ABCDEFGHJKMNPQRS",
      "Délivrée le 11 mars 2026",
    ])
      expect(text).toMatch(item);
    // No evaluation was planned: no evaluation line.
    expect(text).not.toContain("Résultat de l'évaluation");
  });

  it("English, with an evaluation result where one was planned", async () => {
    const pdf = await buildCertificatePdf({
      kind: "ACHIEVEMENT",
      details: {
        ...DETAILS,
        modality: "ONLINE",
        trainingType: "T2_JOB_CHANGE",
        attendedHours: null,
        evaluationResult: "85 %",
      },
      verificationCode: "ABCDEFGHJKMNPQRS",
      verificationUrl: "https://relais.example.org/verify/ABCDEFGHJKMNPQRS",
      issuedAt: new Date("2026-03-11T10:00:00Z"),
      locale: "en",
    });
    const text = folded(readPdfText(pdf));
    expect(text).toContain("Training certificate");
    expect(text).toContain(NAME);
    expect(text).toContain("T2 — foreseeable changes of jobs");
    expect(text).toContain("online training");
    expect(text).toMatch(/Evaluation result 85 ?%/);
    expect(text).toContain("Verification code: ABCD-EFGH-JKMN-PQRS");
    expect(text).not.toContain("Hours attended");
  });
});

describe("issued certificates (real database)", () => {
  async function completedEnrolment() {
    const institution = await createInstitution();
    const agent = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    await db.user.update({ where: { id: agent.userId }, data: { name: NAME, locale: "en" } });
    const course = await createPublishedCourse({ institutionId: institution.id, title: LONG_TITLE });
    const enrolment = await createEnrolment({ userId: agent.userId, courseId: course.id, versionId: course.versionId });
    await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const certificate = await issueCertificate({
      kind: "ACHIEVEMENT",
      userId: agent.userId,
      courseId: course.id,
      enrolmentId: enrolment.id,
      hours: 0.75,
      details: { ...DETAILS, modality: "ONLINE", attendedHours: null },
    });
    return { institution, agent, course, enrolment, certificate };
  }

  it("the holder downloads it in their language; another person gets NOT_FOUND; the verification page shows only what a third party needs", async () => {
    const { agent, certificate, institution } = await completedEnrolment();
    const { pdf } = await getCertificatePdf(agent, { certificateId: certificate.id });
    expect(folded(readPdfText(pdf))).toContain("This certifies that");
    const stranger = await createUserWithRoles({ institutionId: institution.id, roles: [{ role: "AGENT" }] });
    await expect(getCertificatePdf(stranger, { certificateId: certificate.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const verification = await lookUpCertificate(formatVerificationCode(certificate.verificationCode).toLowerCase());
    expect(Object.keys(verification).sort()).toEqual(
      ["courseTitle", "dates", "holderName", "hours", "issuedAt", "issuer", "kind", "revokedAt", "status"].sort(),
    );
    expect(verification).toMatchObject({
      status: "VALID",
      holderName: NAME,
      courseTitle: LONG_TITLE,
      issuer: "Université Grenoble Alpes",
      hours: 0.75,
      revokedAt: null,
    });
    const revokedAt = new Date("2026-04-01T09:00:00Z");
    await db.certificate.update({ where: { id: certificate.id }, data: { revokedAt } });
    expect(await lookUpCertificate(certificate.verificationCode)).toMatchObject({ status: "REVOKED", revokedAt });
    expect(await lookUpCertificate("ZZZZ-ZZZZ-ZZZZ-ZZZZ")).toEqual({ status: "UNKNOWN" });
  });

  it("an older 12-character code keeps verifying", async () => {
    const { certificate } = await completedEnrolment();
    await db.certificate.update({
      where: { id: certificate.id },
      data: { verificationCode: `AN72${certificate.id.slice(-8).toUpperCase()}` },
    });
    const old = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
    expect(await lookUpCertificate(old.verificationCode)).toMatchObject({ status: "VALID" });
  });

  it("the training record lists titles and whole codes, in Unicode, however long the title", async () => {
    const { agent, certificate } = await completedEnrolment();
    const record = await getMyTrainingRecord(agent);
    expect(record.certificates).toEqual([
      expect.objectContaining({
        title: LONG_TITLE,
        code: certificate.verificationCode,
        href: `/api/certificates/${certificate.id}`,
      }),
    ]);
    for (const locale of ["fr", "en"] as const) {
      const text = folded(readPdfText(await renderTrainingRecordPdf(record, locale)));
      expect(text).toContain(NAME);
      expect(text).toContain(LONG_TITLE);
      expect(text).toContain(formatVerificationCode(certificate.verificationCode));
      expect(text).not.toContain("?");
    }
  });
});
