// Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import { z } from 'zod';
import { Epoch, Id, PublicPerson } from './common.js';
import { ClientId, MessageView } from './messages.js';

const Text = (max: number) => z.string().trim().max(max);

/** How it was handed to the police: an emergency call, the non-emergency number, or the force's online form. */
export const EscalationChannel = z.enum(['999', '101', 'online']);
export type EscalationChannel = z.infer<typeof EscalationChannel>;

/** Open (handed over, no reference yet or not yet taken up), referred (the police have it), closed. */
export const EscalationStatus = z.enum(['open', 'referred', 'closed']);
export type EscalationStatus = z.infer<typeof EscalationStatus>;

/** How it ended, as a fixed code (the note says the rest). */
export const EscalationOutcome = z.enum([
  'arrest',
  'recovered',
  'advice_given',
  'no_further_action',
  'ongoing',
  'other',
]);
export type EscalationOutcome = z.infer<typeof EscalationOutcome>;

/** The shape of a police incident or log number: "DUR-20261129-0042", "Log 123 of 29/11". */
export const POLICE_REFERENCE_PATTERN = /^[A-Za-z0-9/ -]{3,40}$/;

/** A police reference, trimmed: 3-40 letters, digits, '/', '-' and spaces. */
export const PoliceReference = z
  .string()
  .trim()
  .regex(POLICE_REFERENCE_PATTERN, "must be 3-40 letters, digits, '/', '-' or spaces");

/** Escalate a message, or an alert shown in the group (exactly one of the two). */
export const CreateEscalation = z
  .object({
    clientId: ClientId,
    channel: EscalationChannel,
    messageId: Id.optional(),
    alertId: Id.optional(),
  })
  .refine((e) => (e.messageId === undefined) !== (e.alertId === undefined), {
    message: 'give either a message or an alert',
    path: ['messageId'],
  });
export type CreateEscalation = z.infer<typeof CreateEscalation>;

export const SetEscalationReference = z.object({ reference: PoliceReference });
export const ChangeEscalationStatus = z.object({ status: EscalationStatus });
export const RecordEscalationOutcome = z.object({ outcome: EscalationOutcome, note: Text(1000).default('') });
/** "What happened next", posted in the group as a reply to the escalated message. */
export const PostEscalationBack = z.object({ clientId: ClientId, body: Text(4000).pipe(z.string().min(1)) });
/** The reporter's consent to give the police their phone number and email, for this escalation only. */
export const SetContactConsent = z.object({ phone: z.boolean(), email: z.boolean() });
export const EscalationListQuery = z.object({
  status: z.enum(['open', 'referred', 'closed', 'all']).default('all'),
});

/** What the reporter agreed to share with the police for this escalation (nothing until they say so). */
export const ContactConsentView = z.object({ phone: z.boolean(), email: z.boolean(), at: Epoch.nullable() });

/** An escalation as those who handle it see it. */
export const EscalationView = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  organisationId: Id,
  subject: z.object({
    kind: z.enum(['message', 'alert']),
    messageId: Id,
    alertId: Id.nullable(),
    /** A line saying what it is about: the message's first words, or the alert's heading. */
    excerpt: z.string(),
  }),
  channel: EscalationChannel,
  reference: z.string().nullable(),
  status: EscalationStatus,
  outcome: EscalationOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  reporter: PublicPerson,
  escalatedBy: PublicPerson,
  consent: ContactConsentView,
  /** The newest "what happened next" message posted back to the group. */
  postedBackMessageId: Id.nullable(),
  /** Suggested text for "what happened next", composed from the outcome; null until one is recorded. */
  whatHappenedNextDraft: z.string().nullable(),
  createdAt: Epoch,
  updatedAt: Epoch,
});
export type EscalationView = z.infer<typeof EscalationView>;

export const EscalationHistoryAction = z.enum([
  'created',
  'reference',
  'status',
  'outcome',
  'posted_back',
  'consent',
]);

/** One change in an escalation's own history: who, when, and the values it set. */
export const EscalationHistoryEntry = z.object({
  at: Epoch,
  by: PublicPerson,
  action: EscalationHistoryAction,
  detail: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
});
export type EscalationHistoryEntry = z.infer<typeof EscalationHistoryEntry>;

export const EscalationResponse = z.object({
  escalation: EscalationView,
  history: z.array(EscalationHistoryEntry),
});
export const EscalationList = z.object({ escalations: z.array(EscalationView) });
export const EscalationPostedBack = z.object({ escalation: EscalationView, message: MessageView });

/** A point in every format a call handler may ask for. */
export const PackLocation = z.object({
  lat: z.number(),
  lng: z.number(),
  /** Degrees, minutes and seconds: 54°37'30.0"N 2°04'51.6"W. */
  dms: z.string(),
  gridRef: z.string().nullable(),
  plusCode: z.string(),
  /** The what3words address of the point, when the server can look it up. */
  what3words: z.string().nullable(),
  /** Why there is no what3words address, in words ("not available on this server"). */
  what3wordsNote: z.string().nullable(),
});

/** The handover pack: everything a call handler needs, on one screen, and as plain text to copy. */
export const HandoverPack = z.object({
  escalationId: Id,
  channel: EscalationChannel,
  /** The number to call (null for an online report) and the force's online form, when known. */
  call: z.object({ number: z.string().nullable(), onlineReportUrl: z.string().nullable() }),
  group: z.object({ id: Id, name: z.string(), organisationName: z.string() }),
  subject: z.object({ kind: z.enum(['message', 'alert']), title: z.string() }),
  said: z.object({
    text: z.string(),
    at: Epoch,
    by: z.string(),
    edited: z.boolean(),
    deleted: z.boolean(),
  }),
  /** An alert card's fields, in words; empty for a message. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The message it replied to, and the replies to it, oldest first. */
  thread: z.array(
    z.object({ relation: z.enum(['replied_to', 'reply']), by: z.string(), at: Epoch, text: z.string() }),
  ),
  reporter: z.object({
    displayName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    /** What to say about contact details: shared, or "not shared — ask the reporter in the group". */
    contactNote: z.string(),
  }),
  location: PackLocation.nullable(),
  /** The place as the reporter typed it (alerts), and what3words addresses written in the text. */
  placeText: z.string().nullable(),
  what3wordsInText: z.array(z.string()),
  photos: z.array(
    z.object({
      id: Id,
      url: z.string(),
      originalUrl: z.string(),
      sha256: z.string(),
      type: z.string(),
      bytes: z.number().int(),
    }),
  ),
  registrations: z.array(z.string()),
  escalatedBy: z.string(),
  escalatedAt: Epoch,
  reference: z.string().nullable(),
  /** The whole pack as plain text, to read out or copy. */
  text: z.string(),
});
export type HandoverPack = z.infer<typeof HandoverPack>;

/**
 * An escalation of the reporter's own message or alert, as the reporter sees it: how it ended, but not
 * the handlers' note (what the group is told is posted there).
 */
export const ReportedEscalationView = z.object({
  id: Id,
  groupId: Id,
  groupName: z.string(),
  messageId: Id,
  excerpt: z.string(),
  channel: EscalationChannel,
  reference: z.string().nullable(),
  status: EscalationStatus,
  outcome: EscalationOutcome.nullable(),
  consent: ContactConsentView,
  /** Whether the account has a phone number to share at all. */
  hasPhone: z.boolean(),
  createdAt: Epoch,
});
export const ReportedEscalationList = z.object({ escalations: z.array(ReportedEscalationView) });
export const ReportedEscalationResponse = z.object({ escalation: ReportedEscalationView });
