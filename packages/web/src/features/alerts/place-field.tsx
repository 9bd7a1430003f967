// Where the alert is: this phone's position, a pin on the map, or a place typed in any format and resolved.
import { describeLocation } from '@fellwatch/core';
import { useId, useState } from 'react';
import { resolvePlace } from '../../api/alerts.js';
import { ApiError, describeError } from '../../api/errors.js';
import type { GeoPoint, LocationView, ResolvedPlace } from '../../api/types.js';
import { latLngText } from '../../ui/format.js';
import { CheckIcon } from '../../ui/icons.js';
import { MapDialog } from '../composer/location-panel.js';

/** The place as the form holds it. */
export interface PlaceValue {
  /** The point, in every format; null until one is chosen or a typed place is resolved. */
  location: LocationView | null;
  /** How the point was chosen. */
  source: 'gps' | 'map' | 'typed' | null;
  /** The place as typed, kept as written. */
  typed: string;
  /** Where the typed text stands: not yet looked up, found, an unchecked three-word address, or refused. */
  typedState: 'idle' | 'resolved' | 'unchecked' | 'refused';
  /** Why the typed text was refused, in words. */
  typedError: string | null;
  format: ResolvedPlace['format'] | null;
}

/** No place yet. */
export const NO_PLACE: PlaceValue = {
  location: null,
  source: null,
  typed: '',
  typedState: 'idle',
  typedError: null,
  format: null,
};

const FORMAT_LABEL: Record<ResolvedPlace['format'], string> = {
  decimal: 'latitude and longitude',
  dms: 'degrees, minutes and seconds',
  osgrid: 'OS grid reference',
  'plus-code': 'plus code',
  what3words: 'three-word address',
  postcode: 'postcode',
};

/**
 * Looks the typed text up on the server. A three-word address no geocoder could check is kept as typed
 * and marked, never guessed; anything else refused says why.
 */
export async function lookUpTyped(value: PlaceValue, near: GeoPoint | null): Promise<PlaceValue> {
  const text = value.typed.trim();
  if (!text) return { ...value, typedState: 'idle', typedError: null };
  try {
    const found = await resolvePlace(text, near);
    if (!found.checked) {
      return { ...value, typedState: 'unchecked', typedError: null, format: found.format };
    }
    return {
      ...value,
      location: found.location,
      source: 'typed',
      typedState: 'resolved',
      typedError: null,
      format: found.format,
    };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unchecked_what3words') {
      return { ...value, typedState: 'unchecked', typedError: null, format: 'what3words' };
    }
    if (err instanceof ApiError && err.isTransient) throw err;
    return { ...value, typedState: 'refused', typedError: describeError(err), format: null };
  }
}

/** What a form does while it makes sure of a typed place before sending. */
export interface PlaceCheck {
  near: GeoPoint | null;
  setBusy: (label: string | null) => void;
  setPlace: (value: PlaceValue) => void;
}

/**
 * The place a form sends: a typed place nobody has looked up yet is looked up first ("Finding the
 * place…"), and the field shows what was found. Throws what the look-up threw (no signal); the form
 * decides whether that stops the send.
 */
export async function placeToSend(
  value: PlaceValue,
  { near, setBusy, setPlace }: PlaceCheck,
): Promise<PlaceValue> {
  if (!value.typed.trim() || value.typedState !== 'idle' || value.location) return value;
  setBusy('Finding the place…');
  try {
    const found = await lookUpTyped(value, near);
    setPlace(found);
    return found;
  } finally {
    setBusy(null);
  }
}

interface PlaceFieldProps {
  value: PlaceValue;
  onChange: (v: PlaceValue) => void;
  /** Where short plus codes are taken to be near, and where the map opens: the group's area. */
  near: GeoPoint | null;
  error: string | null;
  /** The section's name and hint, when not an alert's place (a sighting's, for instance). */
  legend?: string;
  hint?: string;
}

/** The place section of the alert form. */
export function PlaceField({ value, onChange, near, error, legend, hint }: PlaceFieldProps) {
  const [finding, setFinding] = useState(false);
  const [looking, setLooking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const id = useId();

  const choosePoint = (point: GeoPoint, source: 'gps' | 'map') => {
    // Typed words that are not a point (a description, an unchecked three-word address) go with the pin;
    // a typed place that was found described another point, so it goes.
    const keepTyped = value.typedState !== 'resolved';
    onChange({
      ...(keepTyped ? value : NO_PLACE),
      location: describeLocation(point),
      source,
    });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem('This phone cannot share its location. Pick the place on the map or type it instead.');
      return;
    }
    setFinding(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setFinding(false);
        choosePoint({ lat: pos.coords.latitude, lng: pos.coords.longitude }, 'gps');
      },
      (err) => {
        setFinding(false);
        setProblem(
          err.code === err.PERMISSION_DENIED
            ? 'Location is turned off for Fellwatch on this phone. Pick the place on the map or type it instead.'
            : 'Your location could not be found just now. Pick the place on the map or type it instead.',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  };

  const find = async () => {
    setLooking(true);
    setProblem(null);
    try {
      onChange(await lookUpTyped(value, near));
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setLooking(false);
    }
  };

  return (
    <fieldset className="fieldset place-field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend ?? 'Where'}</legend>
      <p className="hint">{hint ?? 'Needed for the alert to reach nearby groups and to show on the map.'}</p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="button-row place-buttons">
        <button type="button" className="btn btn-secondary" onClick={locate} disabled={finding}>
          {finding ? 'Finding your location…' : 'Use my location'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setMapOpen(true)}>
          {value.location && value.source !== 'typed' ? 'Move the pin' : 'Pick on map'}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-typed`}>Or type the place</label>
        <p className="hint" id={`${id}-hint`}>
          {
            'A grid reference (NY 835 213), latitude and longitude, plus code, ///three.word.address or postcode.'
          }
        </p>
        <div className="place-typed-row">
          <input
            id={`${id}-typed`}
            value={value.typed}
            maxLength={120}
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            aria-invalid={value.typedState === 'refused' ? true : undefined}
            onChange={(e) =>
              onChange({
                ...value,
                typed: e.target.value,
                typedState: 'idle',
                typedError: null,
                // A point found from the old text no longer belongs to what is typed.
                ...(value.source === 'typed' ? { location: null, source: null } : {}),
              })
            }
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              }
            }}
          />
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void find()}
            disabled={looking || !value.typed.trim()}
          >
            {looking ? 'Finding…' : 'Find'}
          </button>
        </div>
      </div>
      <div role="status">
        {finding || looking ? <span className="visually-hidden">Finding the place</span> : null}
        <PlaceSummary value={value} onClear={() => onChange(NO_PLACE)} />
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {mapOpen && (
        <MapDialog
          centre={value.location ?? near ?? { lat: 54.5, lng: -2.5 }}
          zoom={value.location ? 14 : near ? 11 : 6}
          onChoose={(p) => {
            setMapOpen(false);
            choosePoint(p, 'map');
          }}
          onClose={() => setMapOpen(false)}
        />
      )}
    </fieldset>
  );
}

/** What has been chosen, in every format, or why the typed place is not a point yet. */
function PlaceSummary({ value, onClear }: { value: PlaceValue; onClear: () => void }) {
  const { location, typedState } = value;
  return (
    <>
      {typedState === 'unchecked' &&
        (location ? (
          <p className="place-unchecked">
            <strong>“{value.typed.trim()}” is not checked.</strong> It is shown as typed, marked “not
            checked”; the pin below is used for the map and for nearby groups.
          </p>
        ) : (
          <p className="place-unchecked">
            <strong>Not checked — please also drop a pin.</strong> “{value.typed.trim()}” is kept as typed,
            but three-word addresses cannot be checked here, and a misheard one points somewhere else
            entirely.
          </p>
        ))}
      {typedState === 'refused' &&
        value.typedError &&
        (location ? (
          <p className="muted">“{value.typed.trim()}” is kept as a description of the place.</p>
        ) : (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {value.typedError} It will be shown as typed unless you drop a pin or correct it.
          </p>
        ))}
      {location && (
        <div className="place-chosen">
          <p className="place-chosen-title">
            <CheckIcon size={18} />{' '}
            {value.source === 'gps'
              ? 'Your location'
              : value.source === 'map'
                ? 'Pin on the map'
                : `Found the ${value.format ? FORMAT_LABEL[value.format] : 'place'}`}
          </p>
          <dl className="location-list">
            {location.gridRef && (
              <div>
                <dt>OS grid ref</dt>
                <dd>{location.gridRef}</dd>
              </div>
            )}
            <div>
              <dt>Plus code</dt>
              <dd>{location.plusCode}</dd>
            </div>
            <div>
              <dt>Lat, long</dt>
              <dd>{latLngText(location.lat, location.lng)}</dd>
            </div>
          </dl>
          <button type="button" className="btn btn-quiet btn-small" onClick={onClear}>
            Remove the place
          </button>
        </div>
      )}
    </>
  );
}
