// Scores one message against the compiled lexicon: cues, negation, ordinary talk, urgency, dampeners.
import { RISK_CATEGORIES, type RiskCategory } from './categories.js';
import type { CompiledLexicon, CueMeaning } from './compile.js';
import { negationTest } from './negation.js';
import { readMessage, type Token } from './normalise.js';
import type { Found } from './phrases.js';

/** What the lexicon found in one message. */
export interface LexiconResult {
  /** True when a category's score reached the lexicon's threshold. */
  atRisk: boolean;
  /** The lexicon's score: its highest category's, rounded to two decimals; its threshold is 0.8. */
  score: number;
  /** The kinds of risk, the strongest first (empty when not at risk). */
  categories: RiskCategory[];
  /** The words or phrases that counted, for the admins' view. */
  cues: string[];
}

/** Picks the heaviest matches that share no word, so "barn on fire" does not count "fire" again. */
function heaviestApart<Meaning>(
  found: readonly Found<Meaning>[],
  weight: (found: Found<Meaning>) => number,
): Found<Meaning>[] {
  const taken = new Set<number>();
  const ordered = [...found].sort(
    (a, b) =>
      weight(b) - weight(a) || b.tokens.length - a.tokens.length || (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0),
  );
  const picked: Found<Meaning>[] = [];
  for (const match of ordered) {
    if (match.tokens.some((index) => taken.has(index))) continue;
    for (const index of match.tokens) taken.add(index);
    picked.push(match);
  }
  return picked;
}

function sum<Item>(items: readonly Item[], weight: (item: Item) => number): number {
  return items.reduce((total, item) => total + weight(item), 0);
}

/**
 * Builds a test for whether a cue is ordinary talk: an ordinary-talk phrase shares a word with it,
 * unless the cue is longer and contains the whole ordinary phrase. So "lost a ewe" hides "lost" and
 * "fire up" hides "fire up", but "the bull has pinned him" still counts around "bull ... pinned".
 */
function ordinaryTalkTest(ordinary: readonly Found<null>[]): (cueTokens: readonly number[]) => boolean {
  const byToken = new Map<number, Found<null>[]>();
  for (const found of ordinary) {
    for (const index of found.tokens) {
      const list = byToken.get(index) ?? [];
      list.push(found);
      byToken.set(index, list);
    }
  }
  return (cueTokens) => {
    const own = new Set(cueTokens);
    const containsMore = (found: Found<null>) =>
      cueTokens.length > found.tokens.length && found.tokens.every((word) => own.has(word));
    return cueTokens.some((index) => (byToken.get(index) ?? []).some((found) => !containsMore(found)));
  };
}

/** The message's own words for a match, from its first matched word to its last. */
function wordsOf(text: string, tokens: readonly Token[], match: Found<unknown>): string {
  const first = tokens[match.tokens[0] ?? 0];
  const last = tokens[match.tokens[match.tokens.length - 1] ?? 0];
  return first && last ? text.slice(first.start, last.end) : '';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The factor each category's score is multiplied by, from the dampeners the message switches on. A
 * negated trigger does not count ("not a controlled burn", "no keepers about").
 */
function dampening(
  lexicon: CompiledLexicon,
  tokens: readonly Token[],
  negated: (tokens: readonly number[]) => boolean,
): Map<RiskCategory, number> {
  const said = (found: Found<number>) => !negated(found.tokens);
  const on = new Set(
    lexicon.dampenerOn
      .findIn(tokens)
      .filter(said)
      .map((found) => found.phrase.meaning),
  );
  for (const found of lexicon.dampenerOff.findIn(tokens).filter(said)) on.delete(found.phrase.meaning);
  const factors = new Map<RiskCategory, number>(RISK_CATEGORIES.map((category) => [category, 1]));
  for (const index of on) {
    const dampener = lexicon.dampeners[index];
    if (!dampener) continue;
    for (const category of dampener.categories) {
      factors.set(category, (factors.get(category) ?? 1) * dampener.factor);
    }
  }
  return factors;
}

/** Reads a message and scores it for every category. */
export function assessRisk(lexicon: CompiledLexicon, text: string): LexiconResult {
  const message = readMessage(text, lexicon.reading);
  const { tokens } = message;
  // Most messages name no cue at all; they need none of the work below.
  const candidates = lexicon.cues.findIn(tokens);
  if (candidates.length === 0) return { atRisk: false, score: 0, categories: [], cues: [] };
  const masked = ordinaryTalkTest(lexicon.ordinaryTalk.findIn(tokens));
  const negated = negationTest({
    tokens,
    cues: candidates,
    negators: lexicon.negators.findIn(tokens),
    notNegations: lexicon.notNegations.findIn(tokens),
    window: lexicon.negationWindow,
    hypotheticalWindow: lexicon.hypotheticalWindow,
  });
  // A supporting phrase is context (a time, an age, "dementia"), not a claim, so negation leaves it be.
  const counts = (found: Found<CueMeaning>) =>
    !masked(found.tokens) && (found.phrase.meaning.supporting || !negated(found.tokens));
  const said = (found: Found<unknown>) => !masked(found.tokens) && !negated(found.tokens);

  const urgent = heaviestApart(lexicon.urgency.findIn(tokens).filter(said), (found) => found.phrase.meaning);
  const urgency = Math.min(
    lexicon.mostUrgency,
    sum(urgent, (found) => found.phrase.meaning) +
      (message.exclamations ? lexicon.exclamations : 0) +
      (message.shouting ? lexicon.capitals : 0),
  );

  const cueWeight = (found: Found<CueMeaning>) => found.phrase.meaning.weight;
  const found = candidates.filter(counts);
  const factors = dampening(lexicon, tokens, negated);
  // Each category's own evidence: its heaviest cues that share no word, then its supporting phrases
  // that add a word of their own ("since yesterday" beside "not seen since"; not "999" inside "call 999").
  const evidence = new Map<RiskCategory, number>();
  const counted: Found<unknown>[] = [];
  for (const category of RISK_CATEGORIES) {
    const ofCategory = found.filter((match) => match.phrase.meaning.category === category);
    const cues = heaviestApart(
      ofCategory.filter((match) => !match.phrase.meaning.supporting),
      cueWeight,
    );
    if (cues.length === 0) continue;
    const cueWords = new Set(cues.flatMap((match) => match.tokens));
    const supporting = heaviestApart(
      ofCategory.filter((match) => match.phrase.meaning.supporting),
      cueWeight,
    ).filter((match) => !match.tokens.every((index) => cueWords.has(index)));
    evidence.set(
      category,
      (sum(cues, cueWeight) + sum(supporting, cueWeight)) * (factors.get(category) ?? 1),
    );
    counted.push(...cues, ...supporting);
  }
  if (counted.length > 0) counted.push(...urgent);

  // A category's score: its own evidence and the message's urgency (both dampened as the category
  // is), plus a share of the other categories' evidence.
  const total = sum([...evidence.values()], (value) => value);
  const scores = new Map<RiskCategory, number>();
  const alone = new Map<RiskCategory, number>();
  for (const [category, own] of evidence) {
    const withUrgency = own + urgency * (factors.get(category) ?? 1);
    alone.set(category, round(withUrgency));
    scores.set(category, round(withUrgency + lexicon.otherCategories * (total - own)));
  }
  const score = Math.max(0, ...scores.values());
  const atRisk = score >= lexicon.threshold;
  // Name the categories that reach the threshold on their own evidence; when only the sum across
  // categories does, name the strongest one.
  const byScore = (a: RiskCategory, b: RiskCategory) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0);
  const named = RISK_CATEGORIES.filter((category) => (alone.get(category) ?? 0) >= lexicon.threshold).sort(
    byScore,
  );
  const strongest = [...scores.keys()].sort(byScore).slice(0, 1);
  const categories = !atRisk ? [] : named.length > 0 ? named : strongest;
  const cues = [
    ...new Set(
      counted
        .sort((a, b) => (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0))
        .map((match) => wordsOf(text, tokens, match))
        .filter((words) => words !== ''),
    ),
  ];
  return { atRisk, score, categories, cues };
}
