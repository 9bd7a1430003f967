// The typed fetch wrapper: same-origin cookies, JSON in and out, errors as ApiError.
import { ApiError, errorFromBody, networkError } from './errors.js';

/** Where the API lives, relative to the web client's own origin. */
export const API_BASE = '/api/v1';

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever the server answers 401: the session has ended. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Do not announce a 401 to the session (sign-in itself answers 401 for a wrong password). */
  quietUnauthenticated?: boolean;
}

/** Sends one request and returns the parsed JSON body (undefined for 204). */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  const parsed = await readJson(res);
  if (!res.ok) {
    const error = errorFromBody(res.status, parsed);
    if (res.status === 401 && !options.quietUnauthenticated) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  return parsed as T;
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Uploads a file as multipart form data, reporting progress from 0 to 1 as the bytes leave. */
export function uploadFile<T>(
  path: string,
  field: string,
  file: Blob,
  fileName: string,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(parsed as T);
      } else {
        if (xhr.status === 401) for (const listener of unauthenticatedListeners) listener();
        reject(errorFromBody(xhr.status, parsed));
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(field, file, fileName);
    xhr.send(form);
  });
}
