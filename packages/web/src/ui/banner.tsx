// Polite banners for errors, warnings and information; the words say what kind it is, not only the colour.
import type { ReactNode } from 'react';
import { describeError } from '../api/errors.js';

type Kind = 'error' | 'warning' | 'info' | 'success';

const LABEL: Record<Kind, string> = {
  error: 'Problem',
  warning: 'Please note',
  info: 'Information',
  success: 'Done',
};

interface BannerProps {
  kind: Kind;
  children: ReactNode;
  /** Replaces the default label ("Problem", "Please note", ...). */
  label?: string;
  onDismiss?: () => void;
  action?: ReactNode;
}

/** A banner with a text label; errors are announced assertively, the rest politely. */
export function Banner({ kind, children, label, onDismiss, action }: BannerProps) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="banner-text">
        <strong className="banner-label">{label ?? LABEL[kind]}:</strong> {children}
      </div>
      {(action || onDismiss) && (
        <div className="banner-actions">
          {action}
          {onDismiss && (
            <button type="button" className="btn btn-quiet" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** An error banner for any thrown value, or nothing. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <Banner kind="error" onDismiss={onDismiss}>
      {describeError(error)}
    </Banner>
  );
}

/** A loading line with words, announced to screen readers. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {children}
    </p>
  );
}
