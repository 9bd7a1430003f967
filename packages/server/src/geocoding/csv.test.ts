// Tests of the streaming CSV reader: quoting, line endings, and chunks that split anything anywhere.
import { describe, expect, it } from 'vitest';
import { CsvReader } from './csv.js';

/** Reads `text` fed in chunks of `size` characters. */
function read(text: string, size = text.length): string[][] {
  const reader = new CsvReader();
  const records: string[][] = [];
  for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
  records.push(...reader.end());
  return records;
}

const SAMPLE =
  'pcd,pcds,lat,long\r\n' +
  '"DL132AB","DL13 2AB",54.748,-2.006\r\n' +
  'plain,"with, comma","say ""hi""",\r\n' +
  '"line\nbreak","",x"y,"ab"c\n' +
  '\n' +
  'last,row,without,newline';

const EXPECTED = [
  ['pcd', 'pcds', 'lat', 'long'],
  ['DL132AB', 'DL13 2AB', '54.748', '-2.006'],
  ['plain', 'with, comma', 'say "hi"', ''],
  ['line\nbreak', '', 'x"y', 'abc'],
  ['last', 'row', 'without', 'newline'],
];

describe('CsvReader', () => {
  it('reads quoted fields, doubled quotes, empty fields and both line endings, skipping blank lines', () => {
    expect(read(SAMPLE)).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 5, 7, 13])('gives the same records when fed %i characters at a time', (size) => {
    expect(read(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('keeps a trailing empty field and reads a file that ends with a line break', () => {
    expect(read('a,b,\n"",c\n')).toEqual([
      ['a', 'b', ''],
      ['', 'c'],
    ]);
  });

  it('refuses text that ends inside a quoted field', () => {
    const reader = new CsvReader();
    reader.push('a,"unfinished\n');
    expect(() => reader.end()).toThrow(/inside a quoted field/);
  });
});
