// "On watch" at /watch: my shifts with "End watch", my weekly watches with "Stop", and the forms to go on
// watch for a stated time or every week.
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import {
  addWeeklyWatch,
  endWatch,
  getMyWatch,
  goOnWatch,
  type MyWatch,
  stopWeeklyWatch,
  type WatchedGroup,
  type WatchPatternView,
  type WatchShiftView,
} from '../../api/safety.js';
import { Link } from '../../app/router.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fieldError, SelectField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import {
  clockText,
  lengthText,
  WATCH_LENGTHS,
  type WatchLength,
  WEEKDAYS,
  watchEnd,
  weeklyText,
} from './watch-times.js';
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

  /** Runs a change, then says what happened and reads the page afresh. */
  const change = async (work: () => Promise<unknown>, said: string) => {
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(said);
      load();
    } catch (err) {
      setError(err);
    }
  };

  const now = Date.now();
  const current = watch?.shifts.filter((s) => s.startsAt <= now) ?? [];
  const later = watch?.shifts.filter((s) => s.startsAt > now) ?? [];
  const patterns = watch?.patterns ?? [];

  return (
    <Page title="On watch">
      <p className="lead">
        While you are on watch, members see your name and badge at the top of the group, and you are told at
        once about messages that may mean someone is in danger.
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {done && <Banner kind="success">{done}</Banner>}
      {!watch && !error && <Loading>Loading your shifts…</Loading>}
      {watch && watch.groups.length === 0 && watch.shifts.length === 0 && patterns.length === 0 && (
        <Banner kind="info">
          Going on watch is for police officers and for group admins and moderators. Nobody else needs to.
        </Banner>
      )}
      {current.length > 0 && (
        <section aria-labelledby="watch-now-h">
          <h2 id="watch-now-h">You are on watch</h2>
          <ShiftList
            shifts={current}
            now={now}
            onEnd={(s) => change(() => endWatch(s.id), 'You are no longer on watch.')}
          />
        </section>
      )}
      {later.length > 0 && (
        <section aria-labelledby="watch-later-h">
          <h2 id="watch-later-h">Coming up</h2>
          <ShiftList
            shifts={later}
            now={now}
            onEnd={(s) => change(() => endWatch(s.id), 'Your shift has been cancelled.')}
          />
        </section>
      )}
      {patterns.length > 0 && (
        <section aria-labelledby="watch-weekly-h">
          <h2 id="watch-weekly-h">Every week</h2>
          <PatternList
            patterns={patterns}
            now={now}
            onStop={(p) => change(() => stopWeeklyWatch(p.id), 'Your weekly watch has been stopped.')}
          />
        </section>
      )}
      {watch && watch.groups.length > 0 && (
        <>
          <GoOnWatchForm
            heading={current.length > 0 ? 'Another shift' : 'Go on watch'}
            groups={watch.groups}
            onStarted={(shift) => {
              const names = shift.groups.map((g) => g.name).join(', ');
              setDone(`You are on watch until ${clockText(shift.endsAt, Date.now())} for ${names}.`);
              load();
            }}
          />
          <WeeklyWatchForm
            groups={watch.groups}
            onAdded={(pattern) => {
              setDone(`${weeklyText(pattern.days, pattern.startTime, pattern.durationMinutes)}: saved.`);
              load();
            }}
          />
        </>
      )}
    </Page>
  );
}

function GroupLinks({ groups }: { groups: readonly WatchedGroup[] }) {
  return (
    <p>
      {groups.map((g, i) => (
        <span key={g.id}>
          {i > 0 && ', '}
          <Link to={`/groups/${g.id}`}>{g.name}</Link>
        </span>
      ))}
    </p>
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
            <GroupLinks groups={shift.groups} />
            <button type="button" className="btn btn-secondary" onClick={() => onEnd(shift)}>
              {started ? 'End watch now' : 'Cancel this shift'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function PatternList({
  patterns,
  now,
  onStop,
}: {
  patterns: readonly WatchPatternView[];
  now: number;
  onStop: (pattern: WatchPatternView) => void;
}) {
  return (
    <ul className="watch-shifts">
      {patterns.map((pattern) => {
        const running = pattern.next !== null && pattern.next.startsAt <= now;
        return (
          <li
            key={pattern.id}
            className={running ? 'card watch-shift' : 'card watch-shift watch-shift-later'}
          >
            <p className="watch-summary">
              {weeklyText(pattern.days, pattern.startTime, pattern.durationMinutes)}
            </p>
            {pattern.next && (
              <p className="muted">
                {running
                  ? `On watch now, until ${clockText(pattern.next.endsAt, now)}`
                  : `Next: ${clockText(pattern.next.startsAt, now)}`}
              </p>
            )}
            <GroupLinks groups={pattern.groups} />
            <button type="button" className="btn btn-secondary" onClick={() => onStop(pattern)}>
              Stop this weekly watch
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Which groups a watch covers: all ticked at first; with one group, it is simply named. */
function GroupChooser({
  groups,
  chosen,
  onChange,
  error,
}: {
  groups: readonly WatchedGroup[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
  error: string | null;
}) {
  if (groups.length === 1) {
    return (
      <p>
        For <strong>{groups[0]?.name}</strong>.
      </p>
    );
  }
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className={error ? 'fieldset field-invalid' : 'fieldset'}>
      <legend>Which groups?</legend>
      {error && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="choice-list">
        {groups.map((g) => (
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
  );
}

const NO_GROUP = 'Choose at least one group to watch.';

/** The groups to send: none when every group is chosen (the server takes all the person may watch). */
function groupIdsFor(groups: readonly WatchedGroup[], chosen: ReadonlySet<string>): { groupIds?: string[] } {
  return chosen.size === groups.length ? {} : { groupIds: [...chosen] };
}

function GoOnWatchForm({
  heading,
  groups,
  onStarted,
}: {
  heading: string;
  groups: readonly WatchedGroup[];
  onStarted: (shift: WatchShiftView) => void;
}) {
  const [length, setLength] = useState<WatchLength>('4h');
  const [until, setUntil] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(groups.map((g) => g.id)));
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
      setProblem(NO_GROUP);
      return;
    }
    setBusy(true);
    try {
      onStarted(await goOnWatch({ endsAt, ...groupIdsFor(groups, chosen) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const untilError = problem && problem !== NO_GROUP ? problem : fieldError(error, 'endsAt');
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
        <GroupChooser
          groups={groups}
          chosen={chosen}
          onChange={setChosen}
          error={problem === NO_GROUP ? problem : fieldError(error, 'groupIds')}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Starting…' : 'Go on watch'}
        </button>
      </form>
    </section>
  );
}

const WEEKLY_HOURS = [1, 2, 4, 6, 8, 10, 12, 24];

function WeeklyWatchForm({
  groups,
  onAdded,
}: {
  groups: readonly WatchedGroup[];
  onAdded: (pattern: WatchPatternView) => void;
}) {
  const [days, setDays] = useState<Set<number>>(new Set());
  const [start, setStart] = useState('18:00');
  const [hours, setHours] = useState(8);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(groups.map((g) => g.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const startId = useId();
  const NO_DAY = 'Choose at least one day.';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblem(null);
    if (days.size === 0) return setProblem(NO_DAY);
    if (chosen.size === 0) return setProblem(NO_GROUP);
    setBusy(true);
    try {
      const pattern = await addWeeklyWatch({
        days: [...days].sort((a, b) => a - b),
        startTime: start,
        durationMinutes: hours * 60,
        ...groupIdsFor(groups, chosen),
      });
      setDays(new Set());
      onAdded(pattern);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const dayError = problem === NO_DAY ? problem : fieldError(error, 'days');
  const startError = fieldError(error, 'startTime');
  return (
    <section aria-labelledby="weekly-watch-h" className="panel">
      <h2 id="weekly-watch-h">Watch every week</h2>
      <p className="muted">For a regular duty: the same days and times each week, by the UK clock.</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className={dayError ? 'fieldset field-invalid' : 'fieldset'}>
          <legend>Which days?</legend>
          {dayError && (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {dayError}
            </p>
          )}
          <div className="choice-list choice-list-days">
            {WEEKDAYS.map((d) => (
              <label key={d.value} className="choice">
                <input
                  type="checkbox"
                  checked={days.has(d.value)}
                  onChange={(e) => {
                    const next = new Set(days);
                    if (e.target.checked) next.add(d.value);
                    else next.delete(d.value);
                    setDays(next);
                  }}
                />
                {d.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className={startError ? 'field field-invalid' : 'field'}>
          <label htmlFor={startId}>Starting at</label>
          {startError && (
            <p className="field-error" id={`${startId}-error`}>
              <span aria-hidden="true">⚠ </span>
              {startError}
            </p>
          )}
          <input
            id={startId}
            type="time"
            value={start}
            required
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? `${startId}-error` : undefined}
            onChange={(e) => setStart(e.target.value)}
          />
        </div>
        <SelectField
          label="For how long each time?"
          value={String(hours)}
          onChange={(e) => setHours(Number(e.target.value))}
          error={fieldError(error, 'durationMinutes')}
        >
          {WEEKLY_HOURS.map((h) => (
            <option key={h} value={h}>
              {h === 1 ? '1 hour' : `${h} hours`}
            </option>
          ))}
        </SelectField>
        <GroupChooser
          groups={groups}
          chosen={chosen}
          onChange={setChosen}
          error={problem === NO_GROUP ? problem : fieldError(error, 'groupIds')}
        />
        <button type="submit" className="btn btn-secondary btn-block" disabled={busy}>
          {busy ? 'Saving…' : 'Watch every week'}
        </button>
      </form>
    </section>
  );
}
