// Normalising registrations, serials, marking ids and ear tags so that the same thing typed twice compares equal.

/**
 * Uppercases, drops spaces and punctuation, and folds O to 0 and I to 1.
 * Plates and stamped serials are misread and misheard all the time: "AO12 CDE" and "A012CDE" are the
 * same plate to a person reading it off a muddy quad, so both sides are folded the same way before
 * comparing. Letters outside A-Z (after removing accents) are dropped.
 */
export function normaliseIdentifier(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1');
}
