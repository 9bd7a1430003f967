// The risk check on alerts: an alert's own words are read by the risk lexicon, and a missing person is
// urgent by kind. A worrying alert joins the "needs attention" queue of the group it was raised in.
import type { Alert, AlertKind, Group, Message } from '../model/entities.js';
import type { CreateAlertResult, Ports } from '../ports/index.js';
import { checkRiskByLexicon, type RiskResult } from '../risk/index.js';
import { type RiskNotice, recordRisk } from './safety.js';

/**
 * The free-text fields of each kind read with the summary. A police appeal is not read: the police
 * raised it. A missing person is flagged by kind, not by their description, so nothing personal stays
 * in the queue once their details are withdrawn.
 */
const READ_FIELDS: Record<AlertKind, readonly string[] | null> = {
  stolen: ['marks'],
  found: ['condition', 'marks'],
  animal: [],
  suspicious: ['people'],
  appeal: null,
  missing: null,
};

/** What the queue shows as the reason a missing-person alert needs attention. */
export const MISSING_PERSON_CUE = 'missing-person alert';

const NOT_AT_RISK: RiskResult = { atRisk: false, score: 0, likelihood: 0, categories: [], cues: [] };

/** The words of an alert the risk check reads: its summary and its kind's free text, a line each. */
export function alertRiskText(alert: Pick<Alert, 'kind' | 'details' | 'summary'>): string {
  const fields = READ_FIELDS[alert.kind];
  if (!fields) return '';
  const parts = [alert.summary, ...fields.map((field) => alert.details[field])];
  return parts
    .filter((part): part is string => typeof part === 'string' && part.trim().length > 0)
    .join('\n');
}

/**
 * What the check makes of an alert. A missing person always needs attention, whoever raised it: the
 * group's admins, moderators and officers hear of it in seconds. Other kinds are read by the lexicon
 * for the same signs as a message ("they're in the yard now", "nearly hit one on the bend"); not by
 * the word weights, which were learned from messages and misread descriptions of property.
 */
export function assessAlertRisk(alert: Pick<Alert, 'kind' | 'details' | 'summary'>): RiskResult {
  if (alert.kind === 'missing') {
    return {
      atRisk: true,
      score: 1,
      likelihood: 1,
      categories: ['missing_person'],
      cues: [MISSING_PERSON_CUE],
    };
  }
  const text = alertRiskText(alert);
  return text ? checkRiskByLexicon(text) : NOT_AT_RISK;
}

/**
 * Flags a worrying alert's placement in the group it was raised in, once, as a worrying message is
 * flagged (recordRisk: the queue, and a priority notice to its people but not the poster). Runs for a
 * repeated raise too, so a retry after a failed flag records it. Null when the alert is not worrying.
 */
export async function noticeAlertRisk(
  ports: Ports,
  group: Group,
  created: CreateAlertResult,
): Promise<RiskNotice | null> {
  const result = assessAlertRisk(created.alert);
  if (!result.atRisk) return null;
  const placement: Message | undefined = created.duplicate
    ? (await ports.store.listAlertPlacements(created.alert.id)).find((m) => m.groupId === group.id)
    : created.placements.find((p) => p.message.groupId === group.id)?.message;
  if (!placement) return null;
  return recordRisk(ports, group, placement, result);
}
