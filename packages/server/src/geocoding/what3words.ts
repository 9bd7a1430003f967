// what3words addresses to points through the what3words REST API (v3 convert-to-coordinates).
import { type GeoPoint, isValidPoint } from '@fellwatch/core';

/** The public API; WHAT3WORDS_API_URL points elsewhere (a self-hosted API server, or a test's imitation). */
export const WHAT3WORDS_DEFAULT_URL = 'https://api.what3words.com/v3';
/** How long a lookup may take before the address is treated as unchecked. */
export const WHAT3WORDS_TIMEOUT_MS = 3000;

/** How to reach the API. Without a key nothing is ever sent. */
export interface What3wordsOptions {
  apiKey: string | undefined;
  baseUrl?: string;
  timeoutMs?: number;
  /** Told why a lookup failed (never the key), e.g. to log a warning. */
  onFailure?(reason: string): void;
}

/** The part of the API's answer this client reads. */
interface ConvertToCoordinatesAnswer {
  coordinates?: { lat?: unknown; lng?: unknown };
  error?: { code?: unknown; message?: unknown };
}

/** Resolves what3words addresses, answering undefined for unknown words, errors and timeouts. */
export class What3wordsClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: What3wordsOptions) {
    this.baseUrl = (options.baseUrl ?? WHAT3WORDS_DEFAULT_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? WHAT3WORDS_TIMEOUT_MS;
  }

  /** True when a key is set, so addresses can be checked. */
  get configured(): boolean {
    return this.options.apiKey !== undefined && this.options.apiKey !== '';
  }

  /** The centre of the address's 3 m square, or undefined when it cannot be confirmed. */
  async resolve(address: string): Promise<GeoPoint | undefined> {
    const { apiKey } = this.options;
    if (!apiKey) return undefined;
    const query = new URLSearchParams({ words: address.replace(/^\/+/, ''), key: apiKey });
    const url = `${this.baseUrl}/convert-to-coordinates?${query}`;
    try {
      // The signal covers reading the body too, so a server that stalls mid-answer is cut off as well.
      const response = await fetch(url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      // Read the text first: a timeout while reading must surface as one, not as unreadable JSON.
      const answer = parseAnswer(await response.text());
      if (!response.ok) {
        // Unknown words are an expected answer (400 BadWords), not a failure of the service.
        if (answer.error?.code !== 'BadWords') this.fail(`HTTP ${response.status} ${errorCode(answer)}`);
        return undefined;
      }
      const point = { lat: answer.coordinates?.lat, lng: answer.coordinates?.lng };
      if (typeof point.lat !== 'number' || typeof point.lng !== 'number') {
        this.fail('an answer without coordinates');
        return undefined;
      }
      const checked = { lat: point.lat, lng: point.lng };
      return isValidPoint(checked) ? checked : undefined;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      this.fail(
        name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `${name} reaching the API`,
      );
      return undefined;
    }
  }

  /**
   * The what3words address ("///filled.count.soap") of the 3 m square holding a point (v3
   * convert-to-3wa), or undefined when it cannot be looked up; for the police handover pack.
   */
  async addressAt(point: GeoPoint): Promise<string | undefined> {
    const { apiKey } = this.options;
    if (!apiKey || !isValidPoint(point)) return undefined;
    const query = new URLSearchParams({ coordinates: `${point.lat},${point.lng}`, key: apiKey });
    try {
      const response = await fetch(`${this.baseUrl}/convert-to-3wa?${query}`, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      const answer: ConvertToCoordinatesAnswer & { words?: unknown } = parseAnswer(await response.text());
      if (
        !response.ok ||
        typeof answer.words !== 'string' ||
        !/^[^.\s]+\.[^.\s]+\.[^.\s]+$/u.test(answer.words)
      ) {
        this.fail(`HTTP ${response.status} ${errorCode(answer)}`.trim());
        return undefined;
      }
      return `///${answer.words}`;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      this.fail(
        name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `${name} reaching the API`,
      );
      return undefined;
    }
  }

  private fail(reason: string): void {
    this.options.onFailure?.(`what3words lookup failed: ${reason}`);
  }
}

function parseAnswer(text: string): ConvertToCoordinatesAnswer {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ConvertToCoordinatesAnswer) : {};
  } catch {
    return {};
  }
}

function errorCode(answer: ConvertToCoordinatesAnswer): string {
  return typeof answer.error?.code === 'string' ? answer.error.code : '';
}
