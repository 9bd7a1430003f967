// The "Notifications on this phone" panel of the account page: priority notices with Fellwatch closed.
import { useEffect, useMemo, useState } from 'react';
import { Banner } from '../../ui/banner.js';
import {
  apiPushServer,
  type PushAvailability,
  pushAvailability,
  pushIsOn,
  readPushEnvironment,
  realPushBrowser,
  refreshPush,
  turnOffPush,
  turnOnPush,
  UNAVAILABLE_TEXT,
} from './push.js';

type Status = 'checking' | 'on' | 'off';

/** Explains the notices, and turns them on or off for this phone; says plainly when this browser cannot. */
export function PushSection() {
  const browser = useMemo(realPushBrowser, []);
  const [environment] = useState(readPushEnvironment);
  const [availability, setAvailability] = useState<PushAvailability>(() => pushAvailability(environment));
  const [status, setStatus] = useState<Status>('checking');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (availability !== 'available') return;
    let live = true;
    const show = (on: boolean) => {
      if (live) setStatus(on ? 'on' : 'off');
    };
    // The browser answers at once; the server is told again afterwards, which may take a while on poor signal.
    pushIsOn(browser, environment.permission)
      .catch(() => false)
      .then(async (on) => {
        show(on);
        if (on) show(await refreshPush(browser, apiPushServer).catch(() => on));
      });
    return () => {
      live = false;
    };
  }, [availability, browser, environment.permission]);

  const turnOn = async () => {
    setBusy(true);
    setProblem(null);
    const result = await turnOnPush(browser, apiPushServer);
    setBusy(false);
    if (result.ok) setStatus('on');
    else if (result.problem === 'blocked') setAvailability('blocked');
    else setProblem(result.message);
  };

  const turnOff = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await turnOffPush(browser, apiPushServer);
      setStatus('off');
    } catch {
      setProblem('Notifications could not be turned off. Reload the page and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="push-h" className="panel">
      <h2 id="push-h">Notifications on this phone</h2>
      <p>
        When a message in a group you look after may mean someone is at risk, Fellwatch can alert this phone
        at once, even when Fellwatch is closed.
      </p>
      <p className="muted small">
        The alert shows only the group’s name and “A message may mean someone is at risk”: never the message
        or who wrote it, so it is safe on a locked screen. These alerts are for the people who see a group’s
        “needs attention” list: its admins, moderators and officers. Turn them on for each phone you use.
      </p>
      {availability !== 'available' ? (
        <Banner kind="info" label="Not available here">
          {UNAVAILABLE_TEXT[availability]}
        </Banner>
      ) : (
        <>
          <p role="status">
            {status === 'checking'
              ? 'Checking this phone…'
              : status === 'on'
                ? 'Notifications are on for this phone.'
                : 'Notifications are off for this phone.'}
          </p>
          {problem && (
            <Banner kind="error" onDismiss={() => setProblem(null)}>
              {problem}
            </Banner>
          )}
          {status === 'on' ? (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy}
              onClick={() => void turnOff()}
            >
              {busy ? 'Turning off…' : 'Turn off notifications'}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || status === 'checking'}
              onClick={() => void turnOn()}
            >
              {busy ? 'Turning on…' : 'Turn on notifications'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
