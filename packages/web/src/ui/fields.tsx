// Form fields with a visible label, an optional hint and an error tied to the input for screen readers.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { ApiError } from '../api/errors.js';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame({
  id,
  label,
  hint,
  error,
  optional,
  hintId,
  errorId,
  children,
}: FieldFrame & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled single-line input. */
export function TextField({
  label,
  hint,
  error,
  optional,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <Frame {...{ id, label, hint, error, optional, hintId, errorId }}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...input}
      />
    </Frame>
  );
}

/** A labelled multi-line input. */
export function TextArea({
  label,
  hint,
  error,
  optional,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <Frame {...{ id, label, hint, error, optional, hintId, errorId }}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        {...input}
      />
    </Frame>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  children,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <Frame {...{ id, label, hint, error, optional, hintId, errorId }}>
      <select id={id} aria-describedby={describedBy(hintId, errorId, hint, error)} {...select}>
        {children}
      </select>
    </Frame>
  );
}

/** A checkbox with its label beside it (a 44 px tall target). */
export function CheckboxField({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field field-check">
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Which field a server error names, for showing it beside that field. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.field === field ? error.message : null;
}
