// Where a form shows why sending it failed: beside the field the server named, or as the form's problem.
import { ApiError, describeError } from '../api/errors.js';

/** A form's own words for the failures it expects. */
export interface FailureWords<Field extends string> {
  /** Said when the request never reached the server: that everything is kept, and what to press. */
  noSignal: string;
  /** Plainer sentences for answers the form expects, by status (a closed alert's 409, a 403). */
  byStatus?: Partial<Record<number, string>>;
  /** The form's field for the server's field path, or null to show the message as the form's problem. */
  fieldOf: (serverField: string | undefined) => Field | null;
}

/** Why sending failed: a message for one field, or (field null) for the form as a whole. */
export interface SubmitFailure<Field extends string> {
  field: Field | null;
  message: string;
}

/**
 * Sorts a failed send: no signal first, then the statuses the form words itself, then a field the
 * server named, else the server's (or the error's) own message.
 */
export function submitFailure<Field extends string>(
  err: unknown,
  words: FailureWords<Field>,
): SubmitFailure<Field> {
  if (err instanceof ApiError) {
    if (err.isNetwork) return { field: null, message: words.noSignal };
    const plain = words.byStatus?.[err.status];
    if (plain) return { field: null, message: plain };
    const field = words.fieldOf(err.field);
    if (field) return { field, message: err.message };
  }
  return { field: null, message: describeError(err) };
}
