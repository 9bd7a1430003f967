// The standing reminder that Fellwatch is not for reporting crime or emergencies, with the group's
// organisation's numbers as tap-to-call links and its online report form.
import { PhoneIcon } from '../../ui/icons.js';
import { type Guidance, safeReportUrl, telHref } from '../safety/guidance.js';
import '../safety/safety.css';

/** "Not for reporting crime or emergencies": 999 now, otherwise 101 or the force's online form. */
export function EmergencyNotice({ guidance }: { guidance: Guidance }) {
  const reportUrl = safeReportUrl(guidance.onlineReportUrl);
  return (
    <p className="emergency-notice">
      <strong className="emergency-notice-line">
        <PhoneIcon /> Not for reporting crime or emergencies.
      </strong>{' '}
      <span className="emergency-notice-line">
        Danger or a crime now: call{' '}
        <a href={telHref(guidance.emergencyNumber)} className="tel-link">
          {guidance.emergencyNumber}
        </a>
      </span>{' '}
      <span className="emergency-notice-line">
        Anything else: call{' '}
        <a href={telHref(guidance.nonEmergencyNumber)} className="tel-link">
          {guidance.nonEmergencyNumber}
        </a>
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
  );
}
