import "server-only";
import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { sessionResource } from "./session-access";
import { embedUnicodeFonts } from "../certificates/pdf-fonts";

const SLOTS_PER_PAGE = 4;
const ROWS_PER_PAGE = 14;

/**
 * The attendance sheet (feuille d'émargement) as PDF: title, dates and hours, one row per trainee
 * with a signature box per half-day (the digital check-in, when there is one, printed in it),
 * the trainers' names with their signature boxes.
 */
export async function buildAttendanceSheet(actor: TActor, sessionId: string): Promise<Uint8Array> {
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      siteId: true,
      course: { select: { institutionId: true, institution: { select: { name: true, timeZone: true } } } },
      courseVersion: { select: { title: true } },
      site: { select: { name: true, address: true, city: true } },
      slots: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          room: { select: { name: true } },
          trainers: { select: { user: { select: { name: true } } } },
          attendances: { select: { userId: true, isPresent: true, method: true, recordedAt: true } },
        },
      },
      registrations: {
        where: { status: "CONFIRMED" },
        select: { userId: true, user: { select: { name: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", "This session does not exist.");
  assertCan(actor, "attendance.record", sessionResource(session));
  const timeZone = session.course.institution.timeZone;
  const day = (date: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone }).format(date);
  const time = (date: Date) => new Intl.DateTimeFormat("fr-FR", { timeStyle: "short", timeZone }).format(date);

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Feuille d'émargement — ${session.courseVersion.title}`);
  pdf.setLanguage("fr-FR");
  // Unicode fonts: every trainee's name prints as written (Latin Extended, Greek, Vietnamese...).
  const { regular, bold } = await embedUnicodeFonts(pdf);
  const text = (page: PDFPage, value: string, x: number, y: number, size = 9, isBold = false) =>
    page.drawText(value, { x, y, size, font: isBold ? bold : regular });
  const box = (page: PDFPage, x: number, y: number, width: number, height: number) =>
    page.drawRectangle({ x, y, width, height, borderColor: rgb(0.3, 0.3, 0.3), borderWidth: 0.7 });

  for (let slotStart = 0; slotStart < Math.max(1, session.slots.length); slotStart += SLOTS_PER_PAGE) {
    const slots = session.slots.slice(slotStart, slotStart + SLOTS_PER_PAGE);
    for (let rowStart = 0; rowStart === 0 || rowStart < session.registrations.length; rowStart += ROWS_PER_PAGE) {
      const rows = session.registrations.slice(rowStart, rowStart + ROWS_PER_PAGE);
      const page = pdf.addPage([841.89, 595.28]);
      text(page, "Feuille d'émargement", 40, 555, 16, true);
      text(page, session.courseVersion.title, 40, 535, 12, true);
      text(
        page,
        `${session.site.name} — ${session.site.address}, ${session.site.city} · ${session.course.institution.name}`,
        40,
        519,
      );
      text(
        page,
        `Dates et horaires : ${session.slots.map((slot) => `${day(slot.startsAt)} ${time(slot.startsAt)}–${time(slot.endsAt)}`).join(" ; ")}`,
        40,
        505,
        8,
      );
      const nameWidth = 200;
      const columnWidth = (841.89 - 80 - nameWidth) / SLOTS_PER_PAGE;
      let y = 470;
      text(page, "Stagiaire", 44, y + 6, 9, true);
      slots.forEach((slot, index) => {
        text(
          page,
          `${day(slot.startsAt)} ${time(slot.startsAt)}–${time(slot.endsAt)}`,
          40 + nameWidth + index * columnWidth + 4,
          y + 12,
          8,
          true,
        );
        text(page, `${slot.room.name}`, 40 + nameWidth + index * columnWidth + 4, y + 2, 7);
      });
      const rowHeight = 26;
      for (const registration of rows) {
        y -= rowHeight;
        box(page, 40, y, nameWidth, rowHeight);
        text(page, registration.user.name, 44, y + 10, 9);
        slots.forEach((slot, index) => {
          const x = 40 + nameWidth + index * columnWidth;
          box(page, x, y, columnWidth, rowHeight);
          const attendance = slot.attendances.find((row) => row.userId === registration.userId);
          if (attendance) {
            const label = attendance.isPresent
              ? `présent·e (${attendance.method === "ROLL_CALL" ? "appel" : "code"} ${time(attendance.recordedAt)})`
              : "absent·e";
            text(page, label, x + 3, y + 3, 6);
          }
        });
      }
      y -= 40;
      text(page, "Formateur·rice(s) — nom et signature", 40, y + 8, 9, true);
      slots.forEach((slot, index) => {
        const x = 40 + nameWidth + index * columnWidth;
        box(page, x, y - 34, columnWidth, 40);
        text(page, slot.trainers.map((trainer) => trainer.user.name).join(", "), x + 3, y - 4, 7);
      });
    }
  }
  return pdf.save();
}
