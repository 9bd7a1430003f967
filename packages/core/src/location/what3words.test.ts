// Tests for what3words address recognition: the "///" form only, in any script, never dotted prose.
import { describe, expect, it } from 'vitest';
import { findWhat3wordsAddresses, isWhat3wordsAddress, normaliseWhat3wordsAddress } from './what3words.js';

describe('isWhat3wordsAddress', () => {
  it.each([
    '///filled.count.soap',
    '  ///index.home.raft ',
    '///Filled.Count.Soap',
    '///été.forêt.château',
    '///книга.стол.окно',
  ])('accepts %j', (text) => {
    expect(isWhat3wordsAddress(text)).toBe(true);
  });

  it.each([
    'filled.count.soap',
    '//filled.count.soap',
    '///filled.count',
    '///filled.count.soap.extra',
    '///filled..soap',
    '///filled.c0unt.soap',
    '///filled.count.soap!',
    '///filled count soap',
    'e.g.x',
    'www.example.com',
    '',
  ])('refuses %j', (text) => {
    expect(isWhat3wordsAddress(text)).toBe(false);
  });

  it('normalises to lowercase with the /// prefix', () => {
    expect(normaliseWhat3wordsAddress(' ///Filled.COUNT.soap ')).toBe('///filled.count.soap');
    expect(normaliseWhat3wordsAddress('filled.count.soap')).toBeNull();
  });
});

describe('findWhat3wordsAddresses', () => {
  it('finds addresses in a sentence, leaving trailing punctuation out', () => {
    const text = 'Gate open at ///filled.count.soap. Sheep out near ///Index.Home.Raft, heading west';
    const found = findWhat3wordsAddresses(text);
    expect(found.map((match) => match.address)).toEqual(['///filled.count.soap', '///index.home.raft']);
    for (const match of found) expect(text.slice(match.start, match.end)).toBe(match.text);
    expect(found[1]?.text).toBe('///Index.Home.Raft');
  });

  it('finds an address in brackets or at the start of text', () => {
    expect(findWhat3wordsAddresses('(///filled.count.soap)').map((m) => m.address)).toEqual([
      '///filled.count.soap',
    ]);
    expect(findWhat3wordsAddresses('///a.b.c')[0]).toEqual({
      address: '///a.b.c',
      text: '///a.b.c',
      start: 0,
      end: 8,
    });
  });

  it.each([
    'see e.g.x for details',
    'visit www.example.com today',
    'version 1.2.3 is out',
    'filled.count.soap without the slashes',
    'a path like dir///filled.count.soap',
    'http:///filled.count.soap',
    '///filled.count.soap.extra',
    '///filled.count.soap2',
  ])('finds nothing in %j', (text) => {
    expect(findWhat3wordsAddresses(text)).toEqual([]);
  });
});
