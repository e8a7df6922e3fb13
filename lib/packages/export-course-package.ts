import "server-only";
import JSZip from "jszip";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import type { TLocale } from "../i18n/config";
import { createTranslator } from "../i18n/translate";
import { xapiActivityId } from "../lrs/xapi-identifiers";
import { buildCmi5Export, buildScorm12Export } from "./build-course-export";

export const ZExportCoursePackage = z.object({
  courseId: z.string().min(1).max(40),
  format: z.enum(["cmi5", "scorm12"]),
});

/**
 * A trainer exports a course they author (course.author on its institution) as a cmi5 or a
 * SCORM 1.2 zip: its latest published version, or its draft when none is published. The
 * export is recorded in the audit log. Another institution's course is NOT_FOUND.
 */
export async function exportCoursePackage(
  actor: TActor,
  input: unknown,
  options: { locale?: TLocale } = {},
): Promise<{ fileName: string; zip: Buffer }> {
  const parsed = ZExportCoursePackage.safeParse(input);
  if (!parsed.success) throw keyedError("INVALID", "errors.packages.exportInvalid");
  const { courseId, format } = parsed.data;
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, slug: true, institutionId: true, language: true },
  });
  if (!course) throw keyedError("NOT_FOUND", "errors.packages.notFound");
  assertCan(actor, "course.author", { institutionId: course.institutionId });
  const select = {
    title: true,
    summary: true,
    modules: {
      orderBy: { position: "asc" },
      select: {
        title: true,
        activities: {
          orderBy: { position: "asc" },
          select: { key: true, kind: true, title: true, content: true },
        },
      },
    },
  } as const;
  const version =
    (await db.courseVersion.findFirst({
      where: { courseId: course.id, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select,
    })) ?? (await db.courseVersion.findFirst({ where: { courseId: course.id }, orderBy: { number: "desc" }, select }));
  if (!version || version.modules.every((module) => module.activities.length === 0))
    throw keyedError("INVALID", "errors.packages.exportEmpty");
  const language = course.language === "en" ? "en" : "fr";
  const t = createTranslator(options.locale ?? language);
  const labels = {
    done: t("packages.export.done"),
    submit: t("packages.export.submit"),
    notExported: t("packages.export.notExported"),
    back: t("packages.export.back"),
    trueLabel: t("packages.export.true"),
    falseLabel: t("packages.export.false"),
  };
  const exported = {
    id: `relais-${course.slug}`,
    title: version.title,
    summary: version.summary,
    language: language as "fr" | "en",
    baseIri: xapiActivityId.course(course.slug),
    modules: version.modules,
  } as const;
  const files = format === "cmi5" ? buildCmi5Export(exported, labels) : buildScorm12Export(exported, labels);
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.data);
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      action: "package.export",
      entityType: "Course",
      entityId: course.id,
      institutionId: course.institutionId,
      data: { format, files: files.length },
    },
  });
  return { fileName: `${course.slug}-${format}.zip`, zip: buffer };
}
