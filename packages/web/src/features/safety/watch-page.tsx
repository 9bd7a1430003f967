// "On watch" at /watch: my shifts with "End watch", and the form to go on watch for a stated time.
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { endWatch, getMyWatch, goOnWatch, type MyWatch, type WatchShiftView } from '../../api/safety.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fieldError } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { clockText, lengthText, WATCH_LENGTHS, type WatchLength, watchEnd } from './watch-times.js';
import './safety.css';

/** The page at /watch. */
export function WatchPage() {
  const [watch, setWatch] = useState<MyWatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    getMyWatch().then(setWatch).catch(setError);
  }, []);
  useEffect(load, [load]);

  const end = async (shift: WatchShiftView) => {
    setError(null);
    setDone(null);
    try {
      await endWatch(shift.id);
      setDone(shift.startsAt > Date.now() ? 'Your shift has been cancelled.' : 'You are no longer on watch.');
      load();
    } catch (err) {
      setError(err);
    }
  };

  const now = Date.now();
  const current = watch?.shifts.filter((s) => s.startsAt <= now) ?? [];
  const later = watch?.shifts.filter((s) => s.startsAt > now) ?? [];

  return (
    <Page title="On watch">
      <p className="lead">
        While you are on watch, members see your name and badge at the top of the group, and you are told at
        once about messages that may mean someone is in danger.
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {done && <Banner kind="success">{done}</Banner>}
      {!watch && !error && <Loading>Loading your shifts…</Loading>}
      {watch && watch.groups.length === 0 && watch.shifts.length === 0 && (
        <Banner kind="info">
          Going on watch is for police officers and for group admins and moderators. Nobody else needs to.
        </Banner>
      )}
      {current.length > 0 && (
        <section aria-labelledby="watch-now-h">
          <h2 id="watch-now-h">You are on watch</h2>
          <ShiftList shifts={current} now={now} onEnd={end} />
        </section>
      )}
      {later.length > 0 && (
        <section aria-labelledby="watch-later-h">
          <h2 id="watch-later-h">Coming up</h2>
          <ShiftList shifts={later} now={now} onEnd={end} />
        </section>
      )}
      {watch && watch.groups.length > 0 && (
        <GoOnWatchForm
          heading={current.length > 0 ? 'Another shift' : 'Go on watch'}
          watch={watch}
          onStarted={(shift) => {
            setDone(
              `You are on watch until ${clockText(shift.endsAt, Date.now())} for ${shift.groups.map((g) => g.name).join(', ')}.`,
            );
            load();
          }}
        />
      )}
    </Page>
  );
}

function ShiftList({
  shifts,
  now,
  onEnd,
}: {
  shifts: readonly WatchShiftView[];
  now: number;
  onEnd: (shift: WatchShiftView) => void;
}) {
  return (
    <ul className="watch-shifts">
      {shifts.map((shift) => {
        const started = shift.startsAt <= now;
        return (
          <li key={shift.id} className={started ? 'card watch-shift' : 'card watch-shift watch-shift-later'}>
            <p className="watch-summary">
              {started
                ? `Until ${clockText(shift.endsAt, now)}`
                : `From ${clockText(shift.startsAt, now)} until ${clockText(shift.endsAt, now)}`}
            </p>
            <p>
              {shift.groups.map((g, i) => (
                <span key={g.id}>
                  {i > 0 && ', '}
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>
                </span>
              ))}
            </p>
            <button type="button" className="btn btn-secondary" onClick={() => onEnd(shift)}>
              {started ? 'End watch now' : 'Cancel this shift'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function GoOnWatchForm({
  heading,
  watch,
  onStarted,
}: {
  heading: string;
  watch: MyWatch;
  onStarted: (shift: WatchShiftView) => void;
}) {
  const [length, setLength] = useState<WatchLength>('4h');
  const [until, setUntil] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(watch.groups.map((g) => g.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const untilId = useId();

  const now = Date.now();
  const end = watchEnd(length, until, now);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    const endsAt = watchEnd(length, until, Date.now());
    if (endsAt === null) {
      setProblem('Choose the time your watch ends, such as 22:30.');
      return;
    }
    if (chosen.size === 0) {
      setProblem('Choose at least one group to watch.');
      return;
    }
    setBusy(true);
    try {
      const everyGroup = chosen.size === watch.groups.length;
      onStarted(await goOnWatch({ endsAt, ...(everyGroup ? {} : { groupIds: [...chosen] }) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const untilError = problem?.startsWith('Choose the time') ? problem : fieldError(error, 'endsAt');
  return (
    <section aria-labelledby="go-on-watch-h" className="panel">
      <h2 id="go-on-watch-h">{heading}</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>For how long?</legend>
          <div className="choice-list">
            {WATCH_LENGTHS.map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="radio"
                  name="watch-length"
                  value={option.value}
                  checked={length === option.value}
                  onChange={() => setLength(option.value)}
                />
                {option.label}
              </label>
            ))}
          </div>
          {length === 'until' && (
            <div className={untilError ? 'field field-invalid watch-until' : 'field watch-until'}>
              <label htmlFor={untilId}>Until</label>
              {untilError && (
                <p className="field-error" id={`${untilId}-error`}>
                  <span aria-hidden="true">⚠ </span>
                  {untilError}
                </p>
              )}
              <input
                id={untilId}
                type="time"
                value={until}
                required
                aria-invalid={untilError ? true : undefined}
                aria-describedby={untilError ? `${untilId}-error` : undefined}
                onChange={(e) => setUntil(e.target.value)}
              />
            </div>
          )}
          {end !== null && (
            <p className="hint" aria-live="polite">
              You will be on watch until {clockText(end, now)} ({lengthText(end - now)}).
            </p>
          )}
        </fieldset>
        {watch.groups.length > 1 ? (
          <fieldset className={fieldError(error, 'groupIds') ? 'fieldset field-invalid' : 'fieldset'}>
            <legend>Which groups?</legend>
            {(problem?.startsWith('Choose at least') || fieldError(error, 'groupIds')) && (
              <p className="field-error">
                <span aria-hidden="true">⚠ </span>
                {problem?.startsWith('Choose at least') ? problem : fieldError(error, 'groupIds')}
              </p>
            )}
            <div className="choice-list">
              {watch.groups.map((g) => (
                <label key={g.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.has(g.id)}
                    onChange={(e) => toggle(g.id, e.target.checked)}
                  />
                  {g.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p>
            For <strong>{watch.groups[0]?.name}</strong>.
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Starting…' : 'Go on watch'}
        </button>
      </form>
    </section>
  );
}
