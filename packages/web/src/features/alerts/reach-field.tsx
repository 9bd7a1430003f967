// How far the alert should go: this group only, groups within N km of the place, or the whole organisation.
import { useId } from 'react';
import { MAX_REACH_KM, type ReachMode } from './reach.js';

/** The reach as the form holds it: the radius stays text while it is typed. */
export interface ReachValue {
  mode: ReachMode;
  radiusKm: string;
}

interface ReachFieldProps {
  value: ReachValue;
  onChange: (v: ReachValue) => void;
  organisationName: string;
  /** A place has been given: "groups within N km" needs one. */
  hasPlace: boolean;
  error: string | null;
}

/** Three choices, each with its meaning written under it. */
export function ReachField({ value, onChange, organisationName, hasPlace, error }: ReachFieldProps) {
  const id = useId();
  return (
    <fieldset className="fieldset reach-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>How far should it go?</legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="choice-list">
        <label className="choice">
          <input
            type="radio"
            name={`${id}-reach`}
            checked={value.mode === 'group'}
            onChange={() => onChange({ ...value, mode: 'group' })}
          />
          <span className="choice-text">This group only</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-reach`}
            checked={value.mode === 'radius'}
            aria-labelledby={`${id}-radius-label`}
            aria-describedby={`${id}-radius-hint`}
            onChange={() => onChange({ ...value, mode: 'radius' })}
          />
          <span className="choice-text">
            <span id={`${id}-radius-label`}>Groups within {value.radiusKm.trim() || '…'} km</span>
            <span className="hint" id={`${id}-radius-hint`}>
              {hasPlace
                ? 'Every group whose area is this close to the place, including other organisations that take alerts.'
                : 'Needs the place: use your location, pick it on the map or type it above.'}
            </span>
          </span>
        </label>
        {value.mode === 'radius' && (
          <div className="reach-radius">
            <label htmlFor={`${id}-km`}>Distance</label>
            <input
              id={`${id}-km`}
              type="number"
              inputMode="decimal"
              min={1}
              max={MAX_REACH_KM}
              step="any"
              value={value.radiusKm}
              onChange={(e) => onChange({ ...value, radiusKm: e.target.value })}
            />
            <span aria-hidden="true">km</span>
            <span className="visually-hidden">kilometres, at most {MAX_REACH_KM}</span>
          </div>
        )}
        <label className="choice">
          <input
            type="radio"
            name={`${id}-reach`}
            checked={value.mode === 'organisation'}
            onChange={() => onChange({ ...value, mode: 'organisation' })}
          />
          <span className="choice-text">All groups of {organisationName}</span>
        </label>
      </div>
    </fieldset>
  );
}
