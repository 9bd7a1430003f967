// Checks the lexicon and compiles its phrases once, so checking a message only looks things up.
import { RISK_CATEGORIES, type RiskCategory } from './categories.js';
import type { Phrases, RiskLexicon } from './lexicon-shape.js';
import { type Reading, spellWord } from './normalise.js';
import { compilePhrase, type Phrase, type PhraseContext, PhraseError, PhraseSet } from './phrases.js';

/** What a cue phrase means: its category and weight, and whether it only supports other cues. */
export interface CueMeaning {
  readonly category: RiskCategory;
  readonly weight: number;
  readonly supporting: boolean;
}

/** A dampener ready to apply. */
export interface CompiledDampener {
  readonly factor: number;
  readonly categories: ReadonlySet<RiskCategory>;
}

/** The lexicon with every phrase compiled: what the checker runs on. */
export interface CompiledLexicon {
  readonly threshold: number;
  readonly otherCategories: number;
  readonly reading: Reading;
  readonly cues: PhraseSet<CueMeaning>;
  readonly ordinaryTalk: PhraseSet<null>;
  readonly negators: PhraseSet<'negation' | 'hypothetical'>;
  readonly notNegations: PhraseSet<null>;
  readonly negationWindow: number;
  readonly hypotheticalWindow: number;
  readonly urgency: PhraseSet<number>;
  readonly exclamations: number;
  readonly capitals: number;
  readonly mostUrgency: number;
  readonly dampeners: readonly CompiledDampener[];
  /** Phrases that switch a dampener on; the meaning is the dampener's index. */
  readonly dampenerOn: PhraseSet<number>;
  /** Phrases that switch a dampener back off; the meaning is the dampener's index. */
  readonly dampenerOff: PhraseSet<number>;
}

/** Collects phrases and problems while compiling. */
class Compiler {
  readonly problems: string[] = [];
  readonly context: PhraseContext;

  constructor(
    readonly spellings: ReadonlyMap<string, readonly string[]>,
    groups: ReadonlyMap<string, readonly string[]>,
  ) {
    this.context = { spell: (word) => spellWord(word, spellings), groups };
  }

  phrase<Meaning>(where: string, text: string, meaning: Meaning, into: Phrase<Meaning>[]): void {
    try {
      into.push(compilePhrase(text, meaning, this.context));
    } catch (error) {
      if (!(error instanceof PhraseError)) throw error;
      this.problems.push(`${where}: ${error.message}`);
    }
  }

  list<Meaning>(
    where: string,
    texts: readonly string[],
    meaning: Meaning,
    into: Phrase<Meaning>[] = [],
  ): Phrase<Meaning>[] {
    if (new Set(texts).size !== texts.length) this.problems.push(`${where}: a phrase is listed twice`);
    for (const text of texts) this.phrase(where, text, meaning, into);
    return into;
  }

  weights(
    where: string,
    phrases: Phrases,
    meaning: (weight: number) => Omit<CueMeaning, 'weight'>,
    into: Phrase<CueMeaning>[],
  ): void {
    for (const [text, weight] of Object.entries(phrases)) {
      if (!Number.isFinite(weight) || weight <= 0 || weight > 3) {
        this.problems.push(`${where} "${text}": weight ${weight} must be above 0 and at most 3`);
      }
      this.phrase(where, text, { ...meaning(weight), weight }, into);
    }
  }
}

function checkShape(lexicon: RiskLexicon, problems: string[]): void {
  if (!(lexicon.threshold > 0)) problems.push('threshold must be above 0');
  if (!(lexicon.otherCategories >= 0 && lexicon.otherCategories <= 1))
    problems.push('otherCategories must be 0–1');
  for (const [name, words] of Object.entries(lexicon.groups)) {
    if (words.length === 0) problems.push(`group @${name} is empty`);
    if (new Set(words).size !== words.length) problems.push(`group @${name} lists a word twice`);
    for (const word of words) {
      if (!/^@?[a-z0-9]+$/.test(word)) {
        problems.push(`group @${name}: "${word}" must be one lower-case word or another @group`);
      }
    }
  }
  for (const [word, replacement] of Object.entries(lexicon.spellings)) {
    if (!/^[a-z0-9]+$/.test(word)) problems.push(`spelling "${word}" must be one lower-case word`);
    if (!/^[a-z0-9]+( [a-z0-9]+)*$/.test(replacement))
      problems.push(`spelling "${word}" becomes "${replacement}"`);
  }
  for (const [emoji, words] of Object.entries(lexicon.emoji)) {
    if (!/^[a-z0-9]+( [a-z0-9]+)*$/.test(words)) problems.push(`emoji ${emoji} reads as "${words}"`);
  }
  const { window, hypotheticalWindow } = lexicon.negation;
  for (const [name, size] of [
    ['negation.window', window],
    ['negation.hypotheticalWindow', hypotheticalWindow],
  ] as const) {
    if (!Number.isInteger(size) || size < 1 || size > 10)
      problems.push(`${name} must be a whole number 1–10`);
  }
  const { exclamations, capitals, most } = lexicon.urgency;
  if (![exclamations, capitals, most].every((value) => value >= 0 && value < lexicon.threshold)) {
    problems.push('urgency weights must be at least 0 and below the threshold');
  }
  for (const dampener of lexicon.dampeners) {
    if (!(dampener.factor >= 0 && dampener.factor <= 1))
      problems.push(`dampener "${dampener.note}": factor must be 0–1`);
  }
  for (const category of RISK_CATEGORIES) {
    const words = lexicon.categories[category];
    if (!words) {
      problems.push(`category ${category} is missing`);
      continue;
    }
    if (!Object.values(words.cues).some((weight) => weight >= lexicon.threshold)) {
      problems.push(`category ${category} has no cue strong enough on its own`);
    }
  }
}

/** Every problem with the lexicon (empty when it is well-formed): for tests and for reviewers' edits. */
export function lexiconProblems(lexicon: RiskLexicon): string[] {
  return build(lexicon).problems;
}

/** Compiles the lexicon, or throws listing everything wrong with it. */
export function compileLexicon(lexicon: RiskLexicon): CompiledLexicon {
  const { compiled, problems } = build(lexicon);
  if (problems.length > 0) throw new Error(`The risk lexicon has problems:\n${problems.join('\n')}`);
  return compiled;
}

function build(lexicon: RiskLexicon): { compiled: CompiledLexicon; problems: string[] } {
  const spellings = new Map(Object.entries(lexicon.spellings).map(([word, to]) => [word, to.split(' ')]));
  const groups = new Map(Object.entries(lexicon.groups));
  const compiler = new Compiler(spellings, groups);
  checkShape(lexicon, compiler.problems);

  const cues: Phrase<CueMeaning>[] = [];
  for (const category of RISK_CATEGORIES) {
    const words = lexicon.categories[category];
    if (!words) continue;
    compiler.weights(category, words.cues, () => ({ category, supporting: false }), cues);
    compiler.weights(
      `${category} supporting`,
      words.supporting,
      () => ({ category, supporting: true }),
      cues,
    );
  }
  const urgency: Phrase<number>[] = [];
  for (const [text, weight] of Object.entries(lexicon.urgency.phrases)) {
    compiler.phrase('urgency', text, weight, urgency);
  }
  const negators = compiler.list('negation', lexicon.negation.cues, 'negation' as const);
  compiler.list('hypothetical', lexicon.negation.hypothetical, 'hypothetical' as const, negators);
  const dampenerOn: Phrase<number>[] = [];
  const dampenerOff: Phrase<number>[] = [];
  lexicon.dampeners.forEach((dampener, index) => {
    compiler.list(`dampener "${dampener.note}"`, dampener.phrases, index, dampenerOn);
    compiler.list(`dampener "${dampener.note}" unless`, dampener.unless ?? [], index, dampenerOff);
  });

  const compiledCues = new PhraseSet(cues);
  const compiledUrgency = new PhraseSet(urgency);
  const vocabulary = new Set([...compiledCues.words(), ...compiledUrgency.words()]);
  const compiled: CompiledLexicon = {
    threshold: lexicon.threshold,
    otherCategories: lexicon.otherCategories,
    reading: {
      spellings,
      emoji: new Map(Object.entries(lexicon.emoji).map(([emoji, words]) => [emoji, words.split(' ')])),
      vocabulary,
    },
    cues: compiledCues,
    ordinaryTalk: new PhraseSet(compiler.list('ordinary talk', lexicon.ordinaryTalk, null)),
    negators: new PhraseSet(negators),
    notNegations: new PhraseSet(compiler.list('not negations', lexicon.negation.notNegations, null)),
    negationWindow: lexicon.negation.window,
    hypotheticalWindow: lexicon.negation.hypotheticalWindow,
    urgency: compiledUrgency,
    exclamations: lexicon.urgency.exclamations,
    capitals: lexicon.urgency.capitals,
    mostUrgency: lexicon.urgency.most,
    dampeners: lexicon.dampeners.map((dampener) => ({
      factor: dampener.factor,
      categories: new Set(dampener.categories ?? RISK_CATEGORIES),
    })),
    dampenerOn: new PhraseSet(dampenerOn),
    dampenerOff: new PhraseSet(dampenerOff),
  };
  return { compiled, problems: compiler.problems };
}
