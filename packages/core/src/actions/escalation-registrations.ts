// Finding UK vehicle registrations in what people wrote, for the police handover pack.

/**
 * The current style (since 2001): two letters, two digits, three letters ("AB12 CDE"). Read in any
 * case, since nothing else people write has this shape, with or without the space.
 */
const CURRENT = /(?<![\p{L}\p{N}])([A-Za-z]{2}\d{2}) ?([A-Za-z]{3})(?![\p{L}\p{N}])/gu;
/**
 * Older styles, still on tractors, trailers and old vans: prefix ("A123 BCD") and suffix ("ABC 123D").
 * Only in capitals: in lower case they collide with ordinary words and roads ("the A1 and").
 */
const PREFIX = /(?<![\p{L}\p{N}])([A-Z]\d{1,3}) ?([A-Z]{3})(?![\p{L}\p{N}])/gu;
const SUFFIX = /(?<![\p{L}\p{N}])([A-Z]{3}) ?(\d{1,3}) ?([A-Z])(?![\p{L}\p{N}])/gu;

/**
 * UK registration-like marks in free text, in capitals with the usual single space ("AB12 CDE"),
 * each once, in the order they first appear. Dateless and Northern Irish marks are not looked for:
 * their shapes ("ABC 123", "1234 AB") are too like ordinary words and numbers to pick out safely.
 */
export function findRegistrations(text: string): string[] {
  const found: { at: number; mark: string }[] = [];
  for (const m of text.matchAll(CURRENT)) found.push({ at: m.index, mark: `${m[1]} ${m[2]}`.toUpperCase() });
  for (const m of text.matchAll(PREFIX)) found.push({ at: m.index, mark: `${m[1]} ${m[2]}` });
  for (const m of text.matchAll(SUFFIX)) found.push({ at: m.index, mark: `${m[1]} ${m[2]}${m[3]}` });
  found.sort((a, b) => a.at - b.at);
  return unique(found.map((f) => f.mark));
}

/**
 * A registration typed into an alert's field, tidied the same way ("ab12cde" -> "AB12 CDE"); other
 * marks are kept as typed, in capitals, because the field says it is a registration.
 */
export function tidyRegistration(typed: string): string {
  const trimmed = typed.trim();
  const [match] = findRegistrations(trimmed.toUpperCase());
  if (match && match.replace(' ', '') === trimmed.toUpperCase().replace(/\s+/g, '')) return match;
  return trimmed.toUpperCase().replace(/\s+/g, ' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
