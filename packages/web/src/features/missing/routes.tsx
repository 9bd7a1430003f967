// The screens of this feature by address; null when the address is not one of them.
import type { ReactNode } from 'react';

/** The screen for `path`, or null. Screens load on demand (React.lazy) to keep the first download small. */
export function missingRoute(_path: string, _query: URLSearchParams): ReactNode | null {
  return null;
}
