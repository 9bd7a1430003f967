// Escalations in words, and who is offered "Escalate": pure, so they can be tested without a DOM.
import type {
  EscalationChannel,
  EscalationHistoryEntry,
  EscalationOutcome,
  EscalationStatus,
} from '../../api/escalations.js';
import type { GroupRole, Me } from '../../api/types.js';

/** Each channel as a big button names it, with when to use it. */
export const CHANNEL_CHOICES: { channel: EscalationChannel; label: string; when: string }[] = [
  { channel: '999', label: '999 emergency', when: 'Someone is in danger, or a crime is happening now.' },
  { channel: '101', label: '101 non-emergency', when: 'It has happened and nobody is in danger now.' },
  { channel: 'online', label: 'Online report', when: "Not urgent: the police force's online form." },
];

/** Each channel in a list or a heading. */
export const CHANNEL_LABEL: Record<EscalationChannel, string> = {
  '999': '999 (emergency)',
  '101': '101 (non-emergency)',
  online: 'Online report',
};

/** Each status in words: never only a colour. */
export const STATUS_LABEL: Record<EscalationStatus, string> = {
  open: 'Open',
  referred: 'With the police',
  closed: 'Closed',
};

/** A move to each status, as a history line says it. */
const STATUS_CHANGE: Record<EscalationStatus, string> = {
  open: 'reopened it',
  referred: 'noted that the police have it',
  closed: 'closed it',
};

/** Each outcome in words, as the outcome form offers it. */
export const OUTCOME_LABEL: Record<EscalationOutcome, string> = {
  arrest: 'Arrest made',
  recovered: 'Property recovered',
  advice_given: 'Advice given',
  no_further_action: 'No further action',
  ongoing: 'Still being looked into',
  other: 'Something else (say below)',
};

/** The outcomes in the order the form lists them. */
export const OUTCOMES: EscalationOutcome[] = [
  'arrest',
  'recovered',
  'advice_given',
  'no_further_action',
  'ongoing',
  'other',
];

/** The shape the server checks a police reference against, checked here first to say so at once. */
export const POLICE_REFERENCE = /^[A-Za-z0-9/ -]{3,40}$/;

/** What is wrong with a typed police reference, or null when it has the right shape. */
export function referenceProblem(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed.length === 0) return 'Type the reference the police gave you.';
  if (trimmed.length < 3 || trimmed.length > 40) return 'A reference is between 3 and 40 characters long.';
  if (!POLICE_REFERENCE.test(trimmed)) return "Use only letters, numbers, spaces, '/' and '-'.";
  return null;
}

/** Whether I carry a police officer's badge in any organisation. */
function isOfficer(me: Pick<Me, 'organisations'>): boolean {
  return me.organisations.some((o) => o.affiliation === 'officer');
}

/**
 * Whether to offer "Escalate" on a message or alert in a group: its admins and moderators, and officers
 * who are members. The server decides; this only hides a button that would be refused.
 */
export function canOfferEscalation(
  me: Pick<Me, 'organisations'> | null | undefined,
  myRole: GroupRole | null | undefined,
): boolean {
  if (!me || !myRole) return false;
  return myRole === 'admin' || myRole === 'moderator' || isOfficer(me);
}

/** A tap-to-call link for a number: "tel:999". Spaces are dropped, a leading + is kept. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

/** One history entry as a sentence: "Jane Admin recorded the reference DUR-20261129-0042." */
export function historyText(entry: EscalationHistoryEntry): string {
  const who = entry.by.displayName;
  const d = entry.detail;
  switch (entry.action) {
    case 'created':
      return `${who} passed it on: ${CHANNEL_LABEL[d.channel as EscalationChannel] ?? String(d.channel)}.`;
    case 'reference':
      return d.from
        ? `${who} changed the reference from ${String(d.from)} to ${String(d.to)}.`
        : `${who} recorded the reference ${String(d.to)}.`;
    case 'status':
      return `${who} ${STATUS_CHANGE[d.to as EscalationStatus] ?? `set it to ${String(d.to)}`}.`;
    case 'outcome':
      return `${who} recorded the outcome: ${
        OUTCOME_LABEL[d.outcome as EscalationOutcome]?.toLowerCase() ?? String(d.outcome)
      }${d.note ? ` (“${String(d.note)}”)` : ''}.`;
    case 'posted_back':
      return `${who} posted what happened next in the group.`;
    case 'consent':
      return `The reporter ${d.phone || d.email ? 'agreed to share' : 'chose not to share'} their contact details${
        d.phone || d.email
          ? `: ${[d.phone ? 'phone' : '', d.email ? 'email' : ''].filter(Boolean).join(' and ')}`
          : ''
      }.`;
  }
}

/** The statuses a handler may move an escalation on to from where it is now. */
export function nextStatuses(status: EscalationStatus): EscalationStatus[] {
  if (status === 'open') return ['referred', 'closed'];
  if (status === 'referred') return ['closed'];
  return [];
}
