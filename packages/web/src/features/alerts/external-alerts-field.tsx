// The group setting for alerts raised in other organisations' groups: always show, ask an admin first, never.
import { useId } from 'react';
import type { ExternalAlertPolicy } from '../../api/types.js';

const CHOICES: { value: ExternalAlertPolicy; label: string; hint: string }[] = [
  { value: 'always', label: 'Always show', hint: 'They appear in the conversation straight away.' },
  {
    value: 'review',
    label: 'Ask an admin first',
    hint: 'They wait under Manage › Alerts until a group admin accepts or declines them.',
  },
  {
    value: 'never',
    label: 'Never',
    hint: 'Only alerts from your own organisation’s groups reach this group.',
  },
];

/** Three radio rows; each says what it means. */
export function ExternalAlertsField({
  value,
  onChange,
}: {
  value: ExternalAlertPolicy;
  onChange: (v: ExternalAlertPolicy) => void;
}) {
  const id = useId();
  return (
    <fieldset className="fieldset">
      <legend>Alerts from other organisations</legend>
      <p className="hint">
        Alerts raised in a neighbouring force’s or another organisation’s groups can reach this group when it
        lies within their reach.
      </p>
      <div className="choice-list">
        {CHOICES.map((c) => (
          <label key={c.value} className="choice">
            <input
              type="radio"
              name={id}
              checked={value === c.value}
              aria-labelledby={`${id}-${c.value}`}
              aria-describedby={`${id}-${c.value}-hint`}
              onChange={() => onChange(c.value)}
            />
            <span className="choice-text">
              <span id={`${id}-${c.value}`}>{c.label}</span>
              <span className="hint" id={`${id}-${c.value}-hint`}>
                {c.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
