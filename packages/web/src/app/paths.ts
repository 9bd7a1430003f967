// Route patterns and matching for the history-API router; pure, so it can be tested without a DOM.

/** Matches "/groups/:id/admin" against a path; returns the decoded params, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = split(pattern);
  const have = split(path);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** A same-origin path worth returning to after sign-in; anything else becomes "/". */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

function split(path: string): string[] {
  return (path.split('?')[0] ?? '').split('/').filter(Boolean);
}
