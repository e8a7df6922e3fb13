// The notifications Relais sends about sessions; each has a title and body in both languages
// (content/messages/*.json, key notifications.kinds.<kind>) and an e-mail with an .ics attachment
// when it concerns a session.
export const NOTIFICATION_KINDS = [
  "registrationConfirmed",
  "registrationPending",
  "approvalRequested",
  "registrationApproved",
  "registrationRefused",
  // Approval in several steps: the manager approved, the officer decides next; a request waiting too long.
  "approvalForwarded",
  "approvalReminder",
  "registrationWaitlisted",
  "seatOffered",
  "offerExpired",
  "registrationCancelled",
  "sessionCancelled",
  "sessionChanged",
  "reminder7",
  "reminder1",
  // Professional networks (lib/networks).
  "networkJoinRequested",
  "networkJoinApproved",
  "networkJoinRefused",
  "networkMention",
  "networkReply",
  "networkReport",
  "networkDigest",
  // Training needs (lib/needs): the officer's decision, and a pooled session that answers the need.
  "needRetained",
  "needDeferred",
  "needRefused",
  "needAnswered",
  // A national online module commissioned for the need (to the requesters), and the commission (to its trainer).
  "needCommissioned",
  "moduleCommissioned",
  // That module, published: the requesters can follow it.
  "commissionedModulePublished",
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Parameters of a session notification, frozen when it is created. */
export type TNotificationParams = {
  sessionId?: string;
  course?: string;
  site?: string;
  /** The first half-day in French; startsAt/endsAt/timeZone let each language spell it (render-notification.ts). */
  date?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  comment?: string;
  expires?: string;
  agent?: string;
  /** Networks: the network's and thread's names, a member's @handle, and a digest's lines in the recipient's language. */
  network?: string;
  thread?: string;
  handle?: string;
  count?: string;
  summary?: string;
  /** Approval reminders: how many days a request has waited at its step. */
  days?: string;
  /** A commissioned national module: the institution that makes it. */
  institution?: string;
};
