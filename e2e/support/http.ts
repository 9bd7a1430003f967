// A small HTTP client for end-to-end specs: JSON in and out, a bearer token or a session cookie.
export interface ApiResponse<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send this text as the body verbatim (for malformed-input tests), with a JSON content type. */
  raw?: string;
  signal?: AbortSignal;
}

/** Talks to one server as one person (or as nobody). */
export class ApiClient {
  /** The session cookie value, when signed in by cookie. */
  session: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly bearer?: string,
    session?: string,
  ) {
    this.session = session;
  }

  /** A client for the same person through another node of the deployment. */
  at(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.bearer, this.session);
  }

  /** Sends a request; a JSON response body is parsed, anything else is left as text. */
  // biome-ignore lint/suspicious/noExplicitAny: specs read loosely-typed JSON; protocol schemas check shapes where it matters
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else if (this.session) {
      headers.cookie = `fw_session=${this.session}`;
      // As a browser would: cookie-authenticated writes carry the page's origin.
      headers.origin ??= new URL(this.baseUrl).origin;
    }
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const text = await response.text();
    const cookie = sessionCookieOf(response.headers);
    if (cookie !== undefined) this.session = cookie || undefined;
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }
}

/** The fw_session value a response sets ('' when it clears it), or undefined when it does not touch it. */
function sessionCookieOf(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const match = /^fw_session=([^;]*)/.exec(line);
    if (match) return /expires=Thu, 01 Jan 1970/i.test(line) ? '' : (match[1] ?? '');
  }
  return undefined;
}

/** Describes a response for an assertion message: the request and what came back. */
export function describeResponse(method: string, path: string, response: ApiResponse<unknown>): string {
  return `${method} ${path} -> ${response.status} ${response.text.slice(0, 500)}`;
}

/** Throws with the request and response when the status is not the expected one. */
export function expectStatus<T>(
  method: string,
  path: string,
  response: ApiResponse<T>,
  ...expected: number[]
): ApiResponse<T> {
  if (!expected.includes(response.status)) {
    throw new Error(`Expected ${expected.join(' or ')}: ${describeResponse(method, path, response)}`);
  }
  return response;
}
