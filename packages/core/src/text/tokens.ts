// Splits message text into plain text, web links and what3words addresses, for rendering without HTML.
import { findWhat3wordsAddresses } from '../location/what3words.js';

/** One piece of a message body. Clients render each as a text node or an anchor, never as HTML. */
export type MessageToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'w3w'; text: string; address: string };

interface Span {
  start: number;
  end: number;
  token: MessageToken;
}

// Only http and https are ever links, so "javascript:", "data:" and other schemes stay text. The URL
// must not be glued to a preceding word ("xhttps://...") and ends at whitespace or at characters
// that cannot appear unescaped in a URL.
const URL_CANDIDATE = /(?<![\p{L}\p{N}])https?:\/\/[^\s<>"'`{}|\\^]+/giu;
// Punctuation that usually closes the sentence around a link rather than belonging to it.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}*]$/;

/** Removes trailing sentence punctuation, keeping a ")" that closes a "(" inside the link. */
function trimLink(candidate: string): string {
  let link = candidate;
  while (TRAILING_PUNCTUATION.test(link)) {
    if (link.endsWith(')') && count(link, '(') >= count(link, ')')) break;
    link = link.slice(0, -1);
  }
  return link;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** True when the link has a host and no credentials ("https://bank.example@evil.example" misleads). */
function isSafeLink(link: string): boolean {
  const authority = link.replace(/^https?:\/\//i, '').split(/[/?#]/, 1)[0] ?? '';
  return /[\p{L}\p{N}]/u.test(authority) && !authority.includes('@');
}

function findLinks(body: string): Span[] {
  const spans: Span[] = [];
  for (const match of body.matchAll(URL_CANDIDATE)) {
    const link = trimLink(match[0]);
    if (!isSafeLink(link)) continue;
    spans.push({
      start: match.index,
      end: match.index + link.length,
      token: { kind: 'link', text: link, href: link },
    });
  }
  return spans;
}

/**
 * Tokenises a message body into text, http(s) links and what3words addresses. Concatenating the
 * tokens' text gives back the body exactly.
 */
export function tokenizeMessage(body: string): MessageToken[] {
  const links = findLinks(body);
  const addresses: Span[] = findWhat3wordsAddresses(body)
    .filter((found) => !links.some((link) => found.start < link.end && link.start < found.end))
    .map((found) => ({
      start: found.start,
      end: found.end,
      token: { kind: 'w3w', text: found.text, address: found.address },
    }));
  const spans = [...links, ...addresses].sort((a, b) => a.start - b.start);

  const tokens: MessageToken[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.start > cursor) tokens.push({ kind: 'text', text: body.slice(cursor, span.start) });
    tokens.push(span.token);
    cursor = span.end;
  }
  if (cursor < body.length) tokens.push({ kind: 'text', text: body.slice(cursor) });
  return tokens;
}
