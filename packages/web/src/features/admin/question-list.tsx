// Editing a list of vetting questions: one field each, add and remove, at most ten.
import { TextField } from '../../ui/fields.js';

const MAX_QUESTIONS = 10;

/** The vetting questions fields. */
export function QuestionList({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className="fieldset">
      <legend>Questions for people asking to join</legend>
      <p className="hint">
        For example: "Which farm or village are you from?" Admins see the answers before approving.
      </p>
      {value.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place; position is their identity.
        <div key={i} className="question-row">
          <TextField
            label={`Question ${i + 1}`}
            value={q}
            maxLength={300}
            onChange={(e) => onChange(value.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove<span className="visually-hidden"> question {i + 1}</span>
          </button>
        </div>
      ))}
      {value.length < MAX_QUESTIONS && (
        <button type="button" className="btn btn-secondary" onClick={() => onChange([...value, ''])}>
          Add a question
        </button>
      )}
    </fieldset>
  );
}
