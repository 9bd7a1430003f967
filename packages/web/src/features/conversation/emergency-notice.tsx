// The standing reminder that Fellwatch is not for reporting crime or emergencies, with the group's
// organisation's numbers as tap-to-call links and its online report form. Shown in full until the member
// says "Got it" (remembered per group on this phone); then one line that keeps the numbers and opens again.
import { useId, useState } from 'react';
import { readSaved, writeSaved } from '../../state/saved.js';
import { PhoneIcon } from '../../ui/icons.js';
import { type Guidance, safeReportUrl, telHref } from '../safety/guidance.js';
import '../safety/safety.css';

const readKey = (groupId: string) => `fellwatch.notice-read.${groupId}`;

interface EmergencyNoticeProps {
  /** The group whose conversation shows it; without one (a preview of the numbers) it stays in full. */
  groupId?: string;
  guidance: Guidance;
}

/** "Not for reporting crime or emergencies": 999 now, otherwise 101 or the force's online form. */
export function EmergencyNotice({ groupId, guidance }: EmergencyNoticeProps) {
  const [read, setRead] = useState(
    () => groupId !== undefined && readSaved<boolean>(readKey(groupId)) === true,
  );
  const [open, setOpen] = useState(false);
  const textId = useId();
  const reportUrl = safeReportUrl(guidance.onlineReportUrl);
  const emergency = (
    <a href={telHref(guidance.emergencyNumber)} className="tel-link">
      {guidance.emergencyNumber}
    </a>
  );
  const nonEmergency = (
    <a href={telHref(guidance.nonEmergencyNumber)} className="tel-link">
      {guidance.nonEmergencyNumber}
    </a>
  );
  const compact = read && !open;

  return (
    <section className={compact ? 'emergency-notice emergency-notice-compact' : 'emergency-notice'}>
      {compact ? (
        <p id={textId} className="emergency-notice-text">
          <PhoneIcon /> <span className="visually-hidden">Not for reporting crime or emergencies.</span> Call{' '}
          {emergency} or {nonEmergency}
        </p>
      ) : (
        <p id={textId} className="emergency-notice-text">
          <strong className="emergency-notice-line">
            <PhoneIcon /> Not for reporting crime or emergencies.
          </strong>{' '}
          <span className="emergency-notice-line">Danger or a crime now: call {emergency}</span>{' '}
          <span className="emergency-notice-line">
            Anything else: call {nonEmergency}
            {reportUrl ? (
              <>
                {' '}
                or{' '}
                <a href={reportUrl} target="_blank" rel="noopener noreferrer" className="report-link">
                  report online
                </a>
              </>
            ) : null}
          </span>
        </p>
      )}
      {/* One button in one place: after "Got it" it becomes the way back, so keyboard focus stays on it. */}
      {groupId === undefined ? null : read ? (
        <button
          type="button"
          className="emergency-notice-toggle"
          aria-expanded={open}
          aria-controls={textId}
          onClick={() => setOpen((o) => !o)}
        >
          What is this for?
        </button>
      ) : (
        <button
          type="button"
          className="emergency-notice-toggle"
          onClick={() => {
            writeSaved(readKey(groupId), true);
            setRead(true);
          }}
        >
          Got it
        </button>
      )}
    </section>
  );
}
