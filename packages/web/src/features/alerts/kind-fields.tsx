// The alert form's own fields for each kind: choices as big radio rows, text fields labelled, required in words.
import { useId } from 'react';
import type { PropertyCategory } from '../../api/types.js';
import { TextArea, TextField } from '../../ui/fields.js';
import {
  type AlertDraft,
  type DraftErrors,
  type DraftField,
  type FieldSpec,
  HAS_WHEN,
  KIND_FIELDS,
  PROPERTY_FIELDS,
  type Vulnerability,
} from './alert-draft.js';
import { ACTIVITY_LABEL, CATEGORY_LABEL, VULNERABILITY_LABEL } from './labels.js';

const CATEGORIES = Object.keys(CATEGORY_LABEL) as PropertyCategory[];
const ACTIVITIES = Object.keys(ACTIVITY_LABEL) as NonNullable<AlertDraft['activity']>[];
const VULNERABILITIES = Object.keys(VULNERABILITY_LABEL) as Vulnerability[];
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface KindFieldsProps {
  draft: AlertDraft;
  onChange: (d: AlertDraft) => void;
  errors: DraftErrors;
}

/** Every field of the draft's kind. */
export function KindFields({ draft, onChange, errors }: KindFieldsProps) {
  const setText = (name: DraftField, value: string) =>
    onChange({ ...draft, text: { ...draft.text, [name]: value } });
  const fields = (specs: readonly FieldSpec[]) =>
    specs.map((spec) => (
      <DraftText key={spec.name} spec={spec} draft={draft} onText={setText} error={errors[spec.name]} />
    ));

  switch (draft.kind) {
    case 'stolen':
    case 'found':
      return (
        <>
          <Choices
            legend={draft.kind === 'stolen' ? 'What was stolen? (required)' : 'What was found? (required)'}
            options={CATEGORIES.map((c) => ({ value: c, label: upper(CATEGORY_LABEL[c]) }))}
            value={draft.category}
            onChange={(category) => onChange({ ...draft, category })}
            error={errors.category}
            columns
          />
          {fields(PROPERTY_FIELDS)}
          {draft.kind === 'stolen' && <WhenFields draft={draft} onText={setText} errors={errors} />}
          {fields(KIND_FIELDS[draft.kind])}
        </>
      );
    case 'animal':
      return (
        <>
          <Choices
            legend="Loose or found? (required)"
            options={[
              { value: 'loose', label: 'Loose, on the land or on a road' },
              { value: 'found', label: 'Found, and being held' },
            ]}
            value={draft.situation}
            onChange={(situation) => onChange({ ...draft, situation })}
            error={errors.situation}
          />
          {draft.situation === 'loose' && (
            <RoadHazard checked={draft.onRoad} onChange={(onRoad) => onChange({ ...draft, onRoad })} />
          )}
          {fields(KIND_FIELDS.animal)}
        </>
      );
    case 'suspicious': {
      const [vehicle, rest] = [KIND_FIELDS.suspicious.slice(0, 6), KIND_FIELDS.suspicious.slice(6)];
      return (
        <>
          <Choices
            legend="What was seen? (required)"
            options={ACTIVITIES.map((a) => ({ value: a, label: upper(ACTIVITY_LABEL[a]) }))}
            value={draft.activity}
            onChange={(activity) => onChange({ ...draft, activity })}
            error={errors.activity}
          />
          <fieldset className="fieldset">
            <legend>Vehicle, if there was one</legend>
            {fields(vehicle)}
          </fieldset>
          {fields(rest)}
          <WhenFields draft={draft} onText={setText} errors={errors} />
        </>
      );
    }
    case 'appeal':
      return <>{fields(KIND_FIELDS.appeal)}</>;
    case 'missing': {
      const [who, rest] = [KIND_FIELDS.missing.slice(0, 4), KIND_FIELDS.missing.slice(4)];
      return (
        <>
          {fields(who)}
          <TextField
            label="Last seen when (required)"
            type="datetime-local"
            value={draft.text.lastSeenAt ?? ''}
            error={errors.lastSeenAt ?? null}
            aria-required
            onChange={(e) => setText('lastSeenAt', e.target.value)}
          />
          {fields(rest.slice(0, 1))}
          <Vulnerabilities
            value={draft.vulnerabilities}
            onChange={(vulnerabilities) => onChange({ ...draft, vulnerabilities })}
          />
          {fields(rest.slice(1))}
        </>
      );
    }
  }
}

/** What makes them especially at risk, as tick boxes: any, all or none. */
function Vulnerabilities({
  value,
  onChange,
}: {
  value: Vulnerability[];
  onChange: (v: Vulnerability[]) => void;
}) {
  const toggle = (v: Vulnerability, on: boolean) =>
    onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className="choice-list">
      <legend>Anything that puts them at more risk? Tick any that apply.</legend>
      {VULNERABILITIES.map((v) => (
        <label key={v} className="choice">
          <input type="checkbox" checked={value.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
          {upper(VULNERABILITY_LABEL[v])}
        </label>
      ))}
    </fieldset>
  );
}

function DraftText({
  spec,
  draft,
  onText,
  error,
}: {
  spec: FieldSpec;
  draft: AlertDraft;
  onText: (name: DraftField, value: string) => void;
  error: string | undefined;
}) {
  const common = {
    label: spec.required ? `${spec.label} (required)` : spec.label,
    hint: spec.hint,
    error: error ?? null,
    maxLength: spec.max,
    value: draft.text[spec.name] ?? '',
    'aria-required': spec.required ? true : undefined,
  };
  if (spec.multiline) {
    return <TextArea {...common} rows={3} onChange={(e) => onText(spec.name, e.target.value)} />;
  }
  return (
    <TextField
      {...common}
      inputMode={spec.numeric ? 'numeric' : undefined}
      autoCapitalize={spec.code ? 'characters' : undefined}
      autoCorrect={spec.code ? 'off' : undefined}
      spellCheck={spec.code ? false : undefined}
      onChange={(e) => onText(spec.name, e.target.value)}
    />
  );
}

/** When it happened, as a window: between a start and an end, either optional. */
function WhenFields({
  draft,
  onText,
  errors,
}: {
  draft: AlertDraft;
  onText: (name: DraftField, value: string) => void;
  errors: DraftErrors;
}) {
  if (!HAS_WHEN.has(draft.kind)) return null;
  return (
    <fieldset className="fieldset">
      <legend>When</legend>
      <p className="hint">As closely as you know it, e.g. between locking up last night and this morning.</p>
      <TextField
        label="From"
        type="datetime-local"
        value={draft.text.whenFrom ?? ''}
        error={errors.whenFrom ?? null}
        onChange={(e) => onText('whenFrom', e.target.value)}
      />
      <TextField
        label="To"
        type="datetime-local"
        value={draft.text.whenTo ?? ''}
        error={errors.whenTo ?? null}
        onChange={(e) => onText('whenTo', e.target.value)}
      />
    </fieldset>
  );
}

/** A required single choice as big radio rows (two columns for long lists on a phone). */
function Choices<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  columns,
}: {
  legend: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (v: T) => void;
  error: string | undefined;
  columns?: boolean;
}) {
  const id = useId();
  return (
    <fieldset
      className={columns ? 'choice-list choice-columns' : 'choice-list'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The road-hazard box: a short name, with what it does as its description. */
function RoadHazard({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <label className="choice choice-hazard">
      <input
        type="checkbox"
        checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="choice-text">
        <span id={`${id}-label`}>It is on a road</span>
        <span className="hint" id={`${id}-hint`}>
          A danger to drivers: the alert is marked as a road hazard.
        </span>
      </span>
    </label>
  );
}
