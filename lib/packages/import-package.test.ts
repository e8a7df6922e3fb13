import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { translateAppError } from "../errors/localized-error";
import { createTranslator } from "../i18n/translate";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { folderEntries, PACKAGE_FIXTURES, writeZip, type TZipEntryInput } from "../../testing/zip-writer";
import { importPackage } from "./import-package";
import { packageBlobPath } from "./package-storage";

async function zipFile(entries: TZipEntryInput[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "relais-package-"));
  const file = path.join(folder, "package.zip");
  await writeFile(file, writeZip(entries));
  return file;
}

async function trainer() {
  const institution = await createInstitution();
  return createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINER", institutionId: institution.id }],
  });
}

/** The refusal as a person reads it, in both languages. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return {
    code: (error as AppError).code,
    fr: translateAppError(error as AppError, createTranslator("fr")),
    en: translateAppError(error as AppError, createTranslator("en")),
  };
}

describe("importing a package", () => {
  it("imports a genuine SCORM 1.2 package: launch file, mastery score, every file stored by its hash", async () => {
    const actor = await trainer();
    const imported = await importPackage(actor, {
      zipPath: await zipFile(folderEntries(path.join(PACKAGE_FIXTURES, "scorm12"))),
    });
    expect(imported).toMatchObject({ standard: "SCORM_12", launchPath: "sco/index.html", fileCount: 3 });
    expect(imported.title).toBe("RGPD : les bases");
    const stored = await db.contentPackage.findUniqueOrThrow({ where: { id: imported.id }, include: { files: true } });
    expect(stored.manifest).toMatchObject({ masteryScore: 80, schemaVersion: "1.2" });
    expect(stored.files.map((file) => file.path).sort()).toEqual([
      "imsmanifest.xml",
      "sco/index.html",
      "sco/style.css",
    ]);
    for (const file of stored.files) expect(existsSync(packageBlobPath(file.sha256))).toBe(true);
    expect(stored.files.find((file) => file.path === "sco/index.html")?.mediaType).toBe("text/html; charset=utf-8");
    expect(await db.auditLog.count({ where: { entityId: imported.id, action: "package.import" } })).toBe(1);
  });

  it("imports a genuine SCORM 2004 4th edition package with its minNormalizedMeasure", async () => {
    const actor = await trainer();
    const imported = await importPackage(actor, {
      zipPath: await zipFile(folderEntries(path.join(PACKAGE_FIXTURES, "scorm2004"))),
    });
    expect(imported).toMatchObject({ standard: "SCORM_2004", launchPath: "sco/index.html", fileCount: 2 });
    const stored = await db.contentPackage.findUniqueOrThrow({ where: { id: imported.id } });
    expect(stored.manifest).toMatchObject({ masteryScore: 70, schemaVersion: "2004 4th Edition" });
  });

  it("imports a cmi5 course structure with its AUs, moveOn and masteryScore", async () => {
    const actor = await trainer();
    const cmi5 = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://relais.test/cmi5/course-1"><title><langstring lang="fr-FR">Cours cmi5</langstring></title><description><langstring lang="fr-FR">d</langstring></description></course>
  <block id="https://relais.test/cmi5/block-1"><title><langstring lang="fr-FR">Bloc</langstring></title><description><langstring lang="fr-FR">d</langstring></description>
    <au id="https://relais.test/cmi5/au-1" moveOn="CompletedAndPassed" masteryScore="0.8"><title><langstring lang="fr-FR">AU 1</langstring></title><description><langstring lang="fr-FR">d</langstring></description><url>au1/index.html</url></au>
  </block>
</courseStructure>`;
    const imported = await importPackage(actor, {
      zipPath: await zipFile([
        { name: "cmi5.xml", data: cmi5 },
        { name: "au1/index.html", data: "<!doctype html><title>AU</title>" },
      ]),
    });
    expect(imported).toMatchObject({ standard: "CMI5", launchPath: "au1/index.html", title: "Cours cmi5" });
    const stored = await db.contentPackage.findUniqueOrThrow({ where: { id: imported.id } });
    expect(stored.manifest).toMatchObject({
      masteryScore: 80,
      aus: [{ id: "https://relais.test/cmi5/au-1", moveOn: "CompletedAndPassed", masteryScore: 0.8 }],
    });
  });

  it("refuses hostile and malformed packages with a message naming the file and the rule, storing nothing", async () => {
    const actor = await trainer();
    const manifest = (await import("node:fs")).readFileSync(
      path.join(PACKAGE_FIXTURES, "scorm12/imsmanifest.xml"),
      "utf8",
    );
    const sco = { name: "sco/index.html", data: "<!doctype html><title>SCO</title>" };

    const slip = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest },
          sco,
          { name: "../../etc/cron.d/evil", data: "x" },
        ]),
      }),
    );
    expect(slip.code).toBe("INVALID");
    expect(slip.fr).toContain("« ../../etc/cron.d/evil » sort du dossier du paquet");
    expect(slip.en).toContain("“../../etc/cron.d/evil” leaves the package's folder");

    for (const name of ["/etc/passwd", "C:/Windows/evil.dll", "sco\\..\\..\\evil", "sco/./x", "a\u0000b"]) {
      const refused = await refusal(
        importPackage(actor, {
          zipPath: await zipFile([{ name: "imsmanifest.xml", data: manifest }, sco, { name, data: "x" }]),
        }),
      );
      expect(refused.en, name).toMatch(/not a safe relative path|leaves the package's folder/);
    }

    // A bomb: 64 MB of zeros deflate to about 64 KB (ratio ≈ 1000).
    const bomb = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest },
          sco,
          { name: "sco/zeros.bin", data: Buffer.alloc(64 * 1024 * 1024) },
        ]),
      }),
    );
    expect(bomb.fr).toContain("« sco/zeros.bin » se décompresse bien au-delà des limites");
    expect(bomb.en).toContain("“sco/zeros.bin” expands far beyond the limits");

    // A header that lies: declares 10 bytes, inflates to 2 MB; caught while inflating, blobs removed.
    const liar = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest },
          sco,
          { name: "sco/liar.bin", data: Buffer.alloc(2 * 1024 * 1024, 7), declaredSize: 10 },
        ]),
      }),
    );
    expect(liar.en).toContain("“sco/liar.bin” expands far beyond the limits");

    const many = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest },
          sco,
          ...Array.from({ length: 30 }, (_, index) => ({ name: `f${index}.txt`, data: "x" })),
        ]),
        limits: { maxEntries: 20 },
      }),
    );
    expect(many.fr).toBe("Ce paquet contient plus de 20 fichiers : il est refusé.");

    const total = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest },
          sco,
          { name: "big.txt", data: "y".repeat(5000) },
        ]),
        limits: { maxTotalBytes: 4096 },
      }),
    );
    expect(total.en).toContain("Once expanded, this package would exceed");

    const tooLarge = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([{ name: "imsmanifest.xml", data: manifest }, sco]),
        limits: { maxZipBytes: 100 },
      }),
    );
    expect(tooLarge.code).toBe("PAYLOAD_TOO_LARGE");

    const notXml = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([{ name: "imsmanifest.xml", data: "<manifest><organizations>" }, sco]),
      }),
    );
    expect(notXml.fr).toBe("imsmanifest.xml : le XML n'est pas bien formé");
    expect(notXml.en).toBe("imsmanifest.xml: the XML is not well formed");

    const missingSco = await refusal(
      importPackage(actor, { zipPath: await zipFile([{ name: "imsmanifest.xml", data: manifest }]) }),
    );
    expect(missingSco.fr).toBe("imsmanifest.xml : le fichier à lancer n'est pas présent dans le paquet");

    const noSco = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          { name: "imsmanifest.xml", data: manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"') },
          sco,
        ]),
      }),
    );
    expect(noSco.en).toBe("imsmanifest.xml: no “item” refers to a SCO resource to launch");

    const badMastery = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([{ name: "imsmanifest.xml", data: manifest.replace(">80<", ">180<") }, sco]),
      }),
    );
    expect(badMastery.en).toContain("imsmanifest.xml: the mastery score must be between 0 and 100");

    const badCmi5 = await refusal(
      importPackage(actor, {
        zipPath: await zipFile([
          {
            name: "cmi5.xml",
            data: '<courseStructure><course id="https://relais.test/c"/><au id="https://relais.test/a" moveOn="Sometimes"><url>a.html</url></au></courseStructure>',
          },
          { name: "a.html", data: "a" },
        ]),
      }),
    );
    expect(badCmi5.fr).toBe(
      "cmi5.xml : moveOn doit valoir Passed, Completed, CompletedAndPassed, CompletedOrPassed ou NotApplicable",
    );

    // cmi5 §3 and §13: identifiers are IRIs, each used once; the AU URL may not set a launch parameter.
    for (const [structure, rule] of [
      ['<course id="relais.test/c"/><au id="https://relais.test/a"><url>a.html</url></au>', "IRI"],
      ['<course id="https://relais.test/c"/><au id="https://relais.test/c"><url>a.html</url></au>', "twice"],
      [
        '<course id="https://relais.test/c"/><au id="https://relais.test/a"><url>a.html?fetch=x</url></au>',
        "launch parameters",
      ],
    ] as const) {
      const refused = await refusal(
        importPackage(actor, {
          zipPath: await zipFile([
            { name: "cmi5.xml", data: `<courseStructure>${structure}</courseStructure>` },
            { name: "a.html", data: "a" },
          ]),
        }),
      );
      expect(refused.en).toMatch(/^cmi5\.xml: /);
      expect(refused.en).toContain(rule);
    }

    const none = await refusal(importPackage(actor, { zipPath: await zipFile([sco]) }));
    expect(none.en).toBe("No imsmanifest.xml (SCORM) or cmi5.xml (cmi5) file at the root of the package.");

    const notZip = await refusal(
      importPackage(actor, {
        zipPath: await (async () => {
          const file = path.join(await mkdtemp(path.join(tmpdir(), "relais-package-")), "x.zip");
          await writeFile(file, "PK but not really a zip");
          return file;
        })(),
      }),
    );
    expect(notZip.fr).toContain("n'est pas une archive zip lisible");

    // Nothing stored: no package row of this trainer, and the SCO's bytes (inflated before the lying
    // entry failed) were removed with the import.
    expect(await db.contentPackage.count({ where: { createdById: actor.userId } })).toBe(0);
    expect(existsSync(packageBlobPath(createHash("sha256").update(sco.data).digest("hex")))).toBe(false);
  });

  it("refuses a learner: only people who author courses import packages", async () => {
    const institution = await createInstitution();
    const learner = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const refused = await refusal(
      importPackage(learner, { zipPath: await zipFile(folderEntries(path.join(PACKAGE_FIXTURES, "scorm12"))) }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });
});
