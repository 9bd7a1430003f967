// The shape of the risk lexicon, so the data file reads as data and the checker can rely on it.
import type { RiskCategory } from './categories.js';

/**
 * A phrase to look for, written in plain words, mapped to its weight. The words are read the way
 * messages are (lower case, "can't" as "can not"), and a few marks widen a phrase:
 *   `barn|byre`  either word here
 *   `steal*`     any word starting "steal" (stealing, steals)
 *   `@person`    any word of the named group (see `groups`)
 *   `...`        up to three other words here ("fell ... roof" matches "fell off the barn roof")
 */
export type Phrases = Readonly<Record<string, number>>;

/** A message-wide condition that scales some categories' scores down (or, with `present`, not). */
export interface Dampener {
  /** Why this exists, for reviewers. */
  readonly note: string;
  /** Phrases that switch the dampener on. */
  readonly phrases: readonly string[];
  /** The score is multiplied by this (0 to 1). */
  readonly factor: number;
  /** The categories it applies to; all when absent. */
  readonly categories?: readonly RiskCategory[];
  /** Phrases that, when also present, switch it back off ("now" beats "last night"). */
  readonly unless?: readonly string[];
}

/** The words for one category. */
export interface CategoryWords {
  /** Phrases that on their own point to this risk; their weights add up. */
  readonly cues: Phrases;
  /** Phrases that add weight only when a cue of this category is already there. */
  readonly supporting: Phrases;
}

/** Everything the risk check knows, as reviewable data. */
export interface RiskLexicon {
  /** A category whose score reaches this flags the message. */
  readonly threshold: number;
  /**
   * How much of the other categories' evidence each category also counts (0 to 1): "crashed the
   * quad" and "leg's trapped" are each short of the threshold, but together they are a risk.
   */
  readonly otherCategories: number;
  /** Named word lists used as `@name` inside phrases. One word per entry. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  /** Words replaced before matching: contractions written without the apostrophe, dialect, common typos. */
  readonly spellings: Readonly<Record<string, string>>;
  /** Emoji read as words ("🔥" as "fire"); any other emoji is ignored. */
  readonly emoji: Readonly<Record<string, string>>;
  readonly categories: Readonly<Record<RiskCategory, CategoryWords>>;
  /**
   * Ordinary talk: phrases whose words never count as a cue ("dying for a brew", "burning off the
   * heather", "lost a ewe"). A cue sharing any word with one of these is ignored.
   */
  readonly ordinaryTalk: readonly string[];
  readonly negation: {
    /** Words that cancel a cue that starts within `window` words after them, in the same clause. */
    readonly cues: readonly string[];
    readonly window: number;
    /** Like `cues`, for "if" and friends: what follows is supposed, not happening. */
    readonly hypothetical: readonly string[];
    readonly hypotheticalWindow: number;
    /** Phrases that look like a negation but are not one ("not sure", "what if"). */
    readonly notNegations: readonly string[];
  };
  /** Signs that it is happening now; added to every category that already has a cue. */
  readonly urgency: {
    readonly phrases: Phrases;
    /** Added for "!!" or two exclamation marks. */
    readonly exclamations: number;
    /** Added for a shouted word (all capitals) in a message that is not all capitals. */
    readonly capitals: number;
    /** The most urgency can add. */
    readonly most: number;
  };
  readonly dampeners: readonly Dampener[];
}
