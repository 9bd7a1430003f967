// An organisation's emergency numbers and online report form, as its groups' members are shown them, and
// how long a found person's record is kept.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/errors.js';
import { type EmergencyGuidance, getGuidance, setGuidance } from '../../api/safety.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { fieldError, TextField } from '../../ui/fields.js';
import { EmergencyNotice } from '../conversation/emergency-notice.js';
import { MAX_RECORD_DAYS, MIN_RECORD_DAYS, recordDaysProblem } from './record-retention.js';

/** The guidance form for one organisation (its admins). */
export function GuidanceSection({ organisationId }: { organisationId: string }) {
  const [saved, setSaved] = useState<EmergencyGuidance | null>(null);
  const [emergencyNumber, setEmergencyNumber] = useState('');
  const [nonEmergencyNumber, setNonEmergencyNumber] = useState('');
  const [onlineReportUrl, setOnlineReportUrl] = useState('');
  const [forceName, setForceName] = useState('');
  const [recordDays, setRecordDays] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const show = useCallback((g: EmergencyGuidance) => {
    setSaved(g);
    setEmergencyNumber(g.emergencyNumber);
    setNonEmergencyNumber(g.nonEmergencyNumber);
    setOnlineReportUrl(g.onlineReportUrl ?? '');
    setForceName(g.forceName ?? '');
    setRecordDays(String(g.recordRetentionDays));
  }, []);

  useEffect(() => {
    getGuidance(organisationId).then(show).catch(setError);
  }, [organisationId, show]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      show(
        await setGuidance(organisationId, {
          emergencyNumber,
          nonEmergencyNumber,
          onlineReportUrl: onlineReportUrl.trim() === '' ? null : onlineReportUrl,
          forceName: forceName.trim() === '' ? null : forceName,
          recordRetentionDays: checkedDays(recordDays),
        }),
      );
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p className="muted">
        Every group of this organisation shows these at the top of the conversation, and to anyone whose
        message sounds urgent. On a phone the numbers can be tapped to call.
      </p>
      {!saved && !error && <Loading>Loading the numbers…</Loading>}
      {saved && (
        <div className="guidance-preview">
          <p className="small muted">Members see:</p>
          <EmergencyNotice guidance={saved} />
        </div>
      )}
      {done && <Banner kind="success">The numbers have been saved.</Banner>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Emergency number"
          hint="Someone in danger or a crime happening now. Usually 999."
          inputMode="tel"
          autoComplete="off"
          required
          value={emergencyNumber}
          onChange={(e) => setEmergencyNumber(e.target.value)}
          error={fieldError(error, 'emergencyNumber')}
        />
        <TextField
          label="Non-emergency number"
          hint="Anything else to report. Usually 101; digits and spaces only."
          inputMode="tel"
          autoComplete="off"
          required
          value={nonEmergencyNumber}
          onChange={(e) => setNonEmergencyNumber(e.target.value)}
          error={fieldError(error, 'nonEmergencyNumber')}
        />
        <TextField
          label="Online report form"
          hint="The force's web address for reporting crime, starting with https://"
          optional
          type="url"
          inputMode="url"
          autoComplete="off"
          value={onlineReportUrl}
          onChange={(e) => setOnlineReportUrl(e.target.value)}
          error={fieldError(error, 'onlineReportUrl')}
        />
        <TextField
          label="Force name"
          hint="As people know it, such as Durham Constabulary."
          optional
          autoComplete="off"
          value={forceName}
          onChange={(e) => setForceName(e.target.value)}
          error={fieldError(error, 'forceName')}
        />
        <TextField
          label="Keep a found person's record for (days)"
          hint={`When a missing person is found, this organisation's officers keep the alert and sightings as they were, with the photos. They are deleted for good this many days later: ${MIN_RECORD_DAYS} to ${MAX_RECORD_DAYS}. A year is 365.`}
          type="number"
          inputMode="numeric"
          min={MIN_RECORD_DAYS}
          max={MAX_RECORD_DAYS}
          step={1}
          autoComplete="off"
          required
          value={recordDays}
          onChange={(e) => setRecordDays(e.target.value)}
          error={fieldError(error, 'recordRetentionDays')}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save the numbers'}
        </button>
      </form>
    </div>
  );
}

/** The days as typed, if they can be sent; otherwise the reason, shown on the field. */
function checkedDays(typed: string): number {
  const problem = recordDaysProblem(typed);
  if (problem) throw new ApiError(400, 'invalid', problem, 'recordRetentionDays');
  return Number(typed.trim());
}
