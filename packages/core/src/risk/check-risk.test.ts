// Unit tests of the risk check through checkRisk (categories, negation, ordinary farm talk, tense,
// dialect and typos, the cues it reports, its speed) and of the hand-written lexicon read on its own
// (its negation, urgency and clause rules, and its own checks). How well the two do together on
// messages is measured in labelled-set.test.ts.
import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess.js';
import type { RiskCategory } from './categories.js';
import { compileLexicon, lexiconProblems } from './compile.js';
import { checkRisk } from './index.js';
import labelled from './labelled-messages.json' with { type: 'json' };
import { RISK_LEXICON } from './lexicon.js';

function flagged(text: string): boolean {
  return checkRisk(text).atRisk;
}

const lexicon = compileLexicon(RISK_LEXICON);

/** What the hand-written lexicon says on its own, without the word weights. */
function lexiconFlags(text: string): boolean {
  return assessRisk(lexicon, text).atRisk;
}

describe('checkRisk', () => {
  it.each<[string, RiskCategory]>([
    ['I want to kill myself', 'self_harm'],
    ["I can't go on", 'self_harm'],
    ["he's not breathing", 'danger_to_life'],
    ["he's got a shotgun and is threatening us", 'danger_to_life'],
    ["they're breaking into the shed right now", 'crime_in_progress'],
    ["the barn's on fire", 'fire'],
    ['bad crash on the A689, car on its roof', 'crash'],
    ['car in the ditch, driver not moving', 'crash'],
    ['my dad with dementia has wandered off', 'missing_person'],
    ["we can't find our Tom, 7, since 4pm", 'missing_person'],
  ])('flags "%s" as %s', (text, category) => {
    const result = checkRisk(text);
    expect(result.atRisk).toBe(true);
    expect(result.categories).toContain(category);
  });

  it.each([
    'This weather is killing me',
    'Dying for a brew',
    "The tractor's dead again",
    'Shot the fox at last',
    'Lambing is murder this year',
    'Fire up the quad, we gather at 7',
    'Spent the day killing the weeds',
    'Crashed out on the sofa at 8',
    'Lost a ewe on the top',
    'Burning off the heather tomorrow',
    'The dog went missing last night',
    'Breaking in a new pony this week',
    'Nearly gave me a heart attack, the bull crept up on me',
    'My back is on fire after shearing',
    'The app crashed again',
    'Drowning in paperwork',
  ])('leaves ordinary talk alone: "%s"', (text) => {
    expect(flagged(text)).toBe(false);
  });

  it('reads a negation: "not on fire" is not "on fire"', () => {
    expect(flagged('The barn is on fire')).toBe(true);
    expect(flagged('The barn is not on fire')).toBe(false);
    expect(flagged("He's not missing, he's at his mate's")).toBe(false);
    expect(flagged('No sign of anyone breaking in')).toBe(false);
    expect(flagged('I am not suicidal, just fed up')).toBe(false);
    expect(flagged('Not breathing, please come')).toBe(true);
    expect(flagged('Nobody would miss me')).toBe(true);
    expect(flagged("It's not our quad, someone is stealing it right now")).toBe(true);
  });

  it('reads "if" and advice as something supposed, not happening', () => {
    expect(flagged('If you see anyone breaking in, ring 999')).toBe(false);
    expect(flagged("If you ever feel you can't go on, ring the Samaritans on 116 123")).toBe(false);
    expect(flagged('Reminder: the fire risk is high this week, no barbecues please')).toBe(false);
  });

  it('tells something happening now from something long past or already handled', () => {
    expect(flagged('Someone is in the yard with a torch now')).toBe(true);
    expect(flagged('Quad stolen last night from the yard')).toBe(false);
    expect(flagged('Barn fire at Eggleston last week, thankfully no one hurt')).toBe(false);
    expect(flagged('Road closed at Langdon Beck after the crash this morning, diversion in place')).toBe(
      false,
    );
  });

  it('hears all clear', () => {
    expect(flagged('False alarm, the barn is fine')).toBe(false);
    expect(flagged("Dad's been found safe and well, thank you all")).toBe(false);
    expect(flagged('Car in the ditch, no one hurt')).toBe(false);
  });

  it('reads dialect, text speak, typos, shouting and emoji', () => {
    expect(checkRisk("Me granda's wandered off").categories).toContain('missing_person');
    expect(checkRisk("Cant find wor bairn anywhere, she's 5").categories).toContain('missing_person');
    expect(checkRisk('HEEELP he stopped breathin').categories).toContain('danger_to_life');
    expect(checkRisk('feeling suicidle tonight').categories).toContain('self_harm');
    expect(checkRisk('sum1 in r yard nw wiv a torch').categories).toContain('crime_in_progress');
    expect(checkRisk('🔥 in the barn, come quick').categories).toContain('fire');
    expect(flagged('Dying for a brew 😂')).toBe(false);
  });

  it("names the message's own words that counted, for the admins", () => {
    const text = "The barn's ON FIRE at Low Row, come quick";
    const result = checkRisk(text);
    expect(result.cues).toEqual(expect.arrayContaining(['ON FIRE', 'come quick']));
    for (const cue of result.cues) expect(text).toContain(cue);
  });

  it('flags what only the word weights recognise, naming a kind and the words that counted', () => {
    const text = 'the lads are loading sheep into a trailer at the top field, not the farmers';
    expect(lexiconFlags(text)).toBe(false);
    const result = checkRisk(text);
    expect(result.atRisk).toBe(true);
    expect(result.categories).toEqual(['crime_in_progress']);
    expect(result.likelihood).toBeGreaterThanOrEqual(0.2);
    expect(result.cues.length).toBeGreaterThan(0);
    for (const cue of result.cues) expect(text).toContain(cue);
    expect(result.cues).not.toContain('into a');
  });

  it('flags what only the lexicon recognises', () => {
    const text = 'Poachers on the estate now';
    expect(checkRisk(text).likelihood).toBeLessThan(0.2);
    expect(checkRisk(text)).toMatchObject({ atRisk: true, categories: ['crime_in_progress'] });
  });

  it('finds nothing in an empty, blank or cue-free message', () => {
    const nothing = { atRisk: false, score: 0, categories: [], cues: [] };
    expect(checkRisk('')).toMatchObject(nothing);
    expect(checkRisk('   \n ')).toMatchObject(nothing);
    expect(checkRisk('Morning all, cracking sunrise over the dale')).toMatchObject(nothing);
  });

  it('takes time in proportion to the message, however long or odd it is', () => {
    const texts = (labelled as { text: string }[]).map((message) => message.text);
    let started = performance.now();
    for (let index = 0; index < 10_000; index++) checkRisk(texts[index % texts.length] ?? '');
    const tenThousand = performance.now() - started;
    const hostile = `${'not '.repeat(5_000)}${'fire '.repeat(5_000)}${'missing my dad since '.repeat(2_000)}`;
    started = performance.now();
    checkRisk(hostile);
    const long = performance.now() - started;
    console.log(
      `risk check: 10,000 labelled messages in ${tenThousand.toFixed(0)} ms; ` +
        `a ${hostile.length.toLocaleString('en-GB')}-character message in ${long.toFixed(0)} ms`,
    );
    // Generous bounds: these catch a pattern gone quadratic, not a slow machine.
    expect(tenThousand).toBeLessThan(3_000);
    expect(long).toBeLessThan(1_000);
  });
});

describe('the lexicon on its own', () => {
  it('cancels a cue that a negation comes before, in the same clause', () => {
    expect(lexiconFlags('The barn is on fire')).toBe(true);
    expect(lexiconFlags('The barn is not on fire')).toBe(false);
    expect(lexiconFlags("He's missing")).toBe(true);
    expect(lexiconFlags("He's not missing, he's at his mate's")).toBe(false);
    expect(lexiconFlags("Can't see any smoke now")).toBe(false);
    expect(lexiconFlags('No sign of anyone breaking in')).toBe(false);
    expect(lexiconFlags('I am not suicidal, just fed up')).toBe(false);
  });

  it('keeps cues whose own words are negative, and words that only look like a negation', () => {
    expect(lexiconFlags('Not breathing, please come')).toBe(true);
    expect(lexiconFlags('Nobody would miss me')).toBe(true);
    expect(lexiconFlags("No one's seen him since this morning and he has dementia")).toBe(true);
    expect(lexiconFlags("Not sure, but I think the barn's on fire")).toBe(true);
    expect(lexiconFlags("Don't know what to do, he's not breathing")).toBe(true);
  });

  it('ends a negation at a clause break', () => {
    expect(lexiconFlags('No one hurt in the end. Car on its roof at the bends')).toBe(false);
    expect(lexiconFlags("It's not our quad, someone is stealing it right now")).toBe(true);
  });

  it('counts urgency towards a cue, but never alone', () => {
    expect(lexiconFlags('Poachers on the estate')).toBe(false);
    expect(lexiconFlags('Poachers on the estate now')).toBe(true);
    expect(lexiconFlags('POACHERS on the estate!!')).toBe(true);
    expect(lexiconFlags('Come quick!! Right now!!')).toBe(false);
  });

  it('adds up signs from different categories', () => {
    const result = assessRisk(lexicon, "Crashed the quad down the bank, leg's trapped");
    expect(result.atRisk).toBe(true);
    expect(result.categories).toContain('crash');
  });

  it('is well-formed', () => {
    expect(lexiconProblems(RISK_LEXICON)).toEqual([]);
  });

  it('reports broken phrases, unknown groups, bad weights and a category that can never fire alone', () => {
    const broken = {
      ...RISK_LEXICON,
      categories: {
        ...RISK_LEXICON.categories,
        fire: {
          cues: { '... fire': 0.5, '@nowhere fire': 0.5, smoke: 0, "isn't|wasn't burning": 0.5 },
          supporting: {},
        },
      },
      ordinaryTalk: ['fire up', 'fire up'],
    };
    const problems = lexiconProblems(broken).join('\n');
    expect(problems).toContain('"..." must sit between words');
    expect(problems).toContain('unknown group @nowhere');
    expect(problems).toContain('weight 0 must be above 0');
    expect(problems).toContain('write it outside a | list');
    expect(problems).toContain('category fire has no cue strong enough on its own');
    expect(problems).toContain('ordinary talk: a phrase is listed twice');
  });
});
