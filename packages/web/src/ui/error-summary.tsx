// The "Please check:" list at the top of a long form, the problem line above its button, and the key rule
// long forms share.
import type { KeyboardEvent, Ref } from 'react';

interface ErrorSummaryProps {
  /** The problems found, in the form's order; empty hides the list but keeps the slot. */
  messages: readonly string[];
  /** The slot takes focus when a submit finds problems, so a screen reader reads them out. */
  ref: Ref<HTMLDivElement>;
}

/** The list of a form's problems, in a focusable slot that stays in place when there are none. */
export function ErrorSummary({ messages, ref }: ErrorSummaryProps) {
  return (
    <div ref={ref} tabIndex={-1} className="error-summary-slot">
      {messages.length > 0 && (
        <div className="banner banner-error" role="alert">
          <div className="banner-text">
            <strong className="banner-label">Please check:</strong>
            <ul className="error-summary">
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

/** What stopped the form being sent (no signal, a refusal), just above its button; nothing without one. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="banner banner-error" role="alert">
      <span className="banner-text">
        <strong className="banner-label">Problem:</strong> {problem}
      </span>
    </p>
  );
}

/** A phone's Go key in a text field would send a long form half-written: only its button sends it. */
export function holdEnterInFields(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}
