// Normalising registrations, serials, marking ids and ear tags so that the same thing typed twice compares equal.

/**
 * Uppercases, drops spaces and punctuation, and folds O to 0 and I to 1.
 * Plates and stamped serials are misread and misheard all the time: "AO12 CDE" and "A012CDE" are the
 * same plate to a person reading it off a muddy quad, so both sides are folded the same way before
 * comparing. Accents are removed; other letters outside A-Z are dropped.
 */
export function normaliseIdentifier(text: string): string {
  // Matching normalises every candidate's fields, so plain ASCII (nearly everything) takes a quick loop.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 127) return normaliseSlowly(text);
    if (code >= 97 && code <= 122) code -= 32;
    if (code === 79) out += '0';
    else if (code === 73) out += '1';
    else if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) out += String.fromCharCode(code);
  }
  return out;
}

function normaliseSlowly(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1');
}

/**
 * Whether `text` normalises to `normalised`, compared character by character without building the
 * normalised string: ranking checks every candidate's identifiers, and most differ in the first few.
 */
export function normalisesTo(text: string, normalised: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 127) return normaliseIdentifier(text) === normalised;
    if (code >= 97 && code <= 122) code -= 32;
    if (code === 79) code = 48;
    else if (code === 73) code = 49;
    else if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) continue;
    if (j >= normalised.length || normalised.charCodeAt(j) !== code) return false;
    j++;
  }
  return j === normalised.length;
}
