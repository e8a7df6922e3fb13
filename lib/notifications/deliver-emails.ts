import "server-only";
import type { Transporter } from "nodemailer";
import { db } from "../db";
import { buildIcal } from "../time/build-ical";
import { timeZoneOf } from "../time/time-zone";
import { mailSettings } from "./mail-transport";
import type { TNotificationParams } from "./notification-kinds";
import { publicUrl } from "../env";

async function icsFor(sessionId: string): Promise<string | null> {
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      courseVersion: { select: { title: true } },
      site: { select: { name: true, address: true, city: true, institution: { select: { timeZone: true } } } },
      slots: { select: { id: true, startsAt: true, endsAt: true, room: { select: { name: true } } } },
    },
  });
  if (!session) return null;
  return buildIcal({
    name: session.courseVersion.title,
    timeZone: timeZoneOf(session.site),
    slots: session.slots.map((slot) => ({
      id: slot.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      title: session.courseVersion.title,
      room: slot.room.name,
      location: `${session.site.name}, ${session.site.address}, ${session.site.city}`,
      isCancelled: session.status === "CANCELLED",
    })),
  });
}

/**
 * Sends the e-mails of notifications not sent yet (the outbox). Each one is locked while being
 * sent (SKIP LOCKED: parallel workers share the work) and marked sent only after the SMTP server
 * accepted it. When SMTP is down the error propagates, nothing is marked, and the job retries.
 */
export async function deliverPendingEmails(options: { transport: Transporter; limit?: number }): Promise<number> {
  const pending = await db.notification.findMany({
    where: { emailSentAt: null },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  const { MAIL_FROM } = mailSettings();
  let sent = 0;
  for (const { id } of pending) {
    try {
      sent += await db.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<
            { id: string }[]
          >`SELECT id FROM "Notification" WHERE id = ${id} AND "emailSentAt" IS NULL FOR UPDATE SKIP LOCKED`;
          if (locked.length === 0) return 0;
          const notification = await tx.notification.findUniqueOrThrow({
            where: { id },
            select: {
              title: true,
              body: true,
              params: true,
              link: true,
              user: { select: { email: true, name: true } },
            },
          });
          const params = notification.params as TNotificationParams;
          const ics = params.sessionId ? await icsFor(params.sessionId) : null;
          const base = publicUrl();
          await options.transport.sendMail({
            from: MAIL_FROM,
            to: { name: notification.user.name, address: notification.user.email },
            subject: notification.title,
            text: `${notification.body}\n\n${notification.link ? `${base}${notification.link}` : base}\n`,
            ...(ics ? { icalEvent: { filename: "session.ics", method: "PUBLISH", content: ics } } : {}),
          });
          await tx.notification.update({
            where: { id },
            data: { emailSentAt: new Date(), emailAttempts: { increment: 1 } },
          });
          return 1;
        },
        { timeout: 30_000 },
      );
    } catch (error) {
      await db.notification.update({ where: { id }, data: { emailAttempts: { increment: 1 } } });
      throw error;
    }
  }
  return sent;
}
