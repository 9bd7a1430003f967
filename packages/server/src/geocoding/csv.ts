// A streaming CSV reader (RFC 4180): fed text in chunks of any size, it hands back whole records.

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

type State = 'unquoted' | 'quoted' | 'quote-in-quoted';

/**
 * Splits CSV text into records of fields. Quoted fields may hold commas, doubled quotes and line
 * breaks; lines end with LF or CRLF; blank lines are skipped. A chunk may end anywhere, even between
 * the two quotes of an escaped quote or between CR and LF.
 */
export class CsvReader {
  private state: State = 'unquoted';
  private field = '';
  // True once the current field has had any character, so a quote in mid-field is kept as text.
  private fieldStarted = false;
  private record: string[] = [];
  private afterCr = false;

  /** Reads the next chunk and returns the records it completed. */
  push(chunk: string): string[][] {
    const records: string[][] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.afterCr) {
        this.afterCr = false;
        if (chunk.charCodeAt(i) === LF) {
          i += 1;
          continue;
        }
      }
      if (this.state === 'quoted') {
        const quote = chunk.indexOf('"', i);
        if (quote === -1) {
          this.field += chunk.slice(i);
          break;
        }
        this.field += chunk.slice(i, quote);
        i = quote + 1;
        this.state = 'quote-in-quoted';
        continue;
      }
      if (this.state === 'quote-in-quoted') {
        if (chunk.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i += 1;
          this.state = 'quoted';
          continue;
        }
        this.state = 'unquoted';
      }
      let j = i;
      while (j < n) {
        const c = chunk.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j += 1;
      }
      if (j > i) {
        this.field += chunk.slice(i, j);
        this.fieldStarted = true;
      }
      if (j === n) break;
      const c = chunk.charCodeAt(j);
      i = j + 1;
      if (c === QUOTE) {
        if (this.fieldStarted) this.field += '"';
        else this.state = 'quoted';
        this.fieldStarted = true;
      } else if (c === COMMA) {
        this.endField();
      } else {
        this.endRecord(records);
        this.afterCr = c === CR;
      }
    }
    return records;
  }

  /** Finishes the text: returns the last record when the text did not end with a line break. */
  end(): string[][] {
    if (this.state === 'quoted') throw new Error('The CSV ends inside a quoted field.');
    const records: string[][] = [];
    if (this.fieldStarted || this.record.length > 0) this.endRecord(records);
    return records;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.fieldStarted = false;
    this.state = 'unquoted';
  }

  private endRecord(records: string[][]): void {
    const blank = this.record.length === 0 && !this.fieldStarted;
    this.endField();
    if (!blank) records.push(this.record);
    this.record = [];
  }
}
