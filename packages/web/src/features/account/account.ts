// What the account page says about me and my API tokens, as pure functions.
import type { ApiTokenView, Badge, Me } from '../../api/types.js';
import { shortDate } from '../../ui/format.js';

/** Longest token name the server accepts. */
export const MAX_TOKEN_NAME = 80;

/** One organisation I belong to, with what I am there in words. */
export interface MyOrganisation {
  id: string;
  name: string;
  /** The badge other members see beside my name, if my organisation has verified one. */
  badge: Badge | null;
  isAdmin: boolean;
  /** Whether I read what its groups passed to the police: its admins and officers do. */
  seesEscalations: boolean;
  /** What I am there, in words: "Officer", "Organisation admin". */
  roles: string[];
}

const AFFILIATION: Record<Badge['affiliation'], string> = {
  officer: 'Officer',
  staff: 'Staff',
  partner: 'Partner',
};

/** My organisations by name, each with its badge and whether I administer it. */
export function myOrganisations(me: Me): MyOrganisation[] {
  return me.organisations
    .map((o) => ({
      id: o.organisationId,
      name: o.organisationName,
      badge: o.affiliation
        ? {
            organisationId: o.organisationId,
            organisationName: o.organisationName,
            affiliation: o.affiliation,
          }
        : null,
      isAdmin: o.isAdmin,
      seesEscalations: o.isAdmin || o.affiliation === 'officer',
      roles: [
        ...(o.affiliation ? [AFFILIATION[o.affiliation]] : []),
        ...(o.isAdmin ? ['Organisation admin'] : []),
      ],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The badges other members see beside my name. */
export function myBadges(me: Me): Badge[] {
  return myOrganisations(me).flatMap((o) => (o.badge ? [o.badge] : []));
}

/** Newest first, so a token just made is at the top. */
export function sortTokens(tokens: readonly ApiTokenView[]): ApiTokenView[] {
  return [...tokens].sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name, 'en-GB'));
}

/** "Never used", "Last used today", "Last used yesterday" or "Last used 3 Mar 2025". */
export function lastUsedText(lastUsedAt: number | null, now: number = Date.now()): string {
  if (lastUsedAt === null) return 'Never used';
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  if (lastUsedAt >= startOfToday.getTime()) return 'Last used today';
  if (lastUsedAt >= startOfToday.getTime() - 86_400_000) return 'Last used yesterday';
  return `Last used ${shortDate(lastUsedAt)}`;
}

/** Why a token name cannot be used, or null when it is fine (the server checks again). */
export function tokenNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the token a name, so you know later which script uses it.';
  if (trimmed.length > MAX_TOKEN_NAME) return `A token name may be at most ${MAX_TOKEN_NAME} characters.`;
  return null;
}
