// The standing reminder that Fellwatch is not an emergency service, with tap-to-call numbers.
import { PhoneIcon } from '../../ui/icons.js';

/** "Not for emergencies" with 999 and 101 as phone links. */
export function EmergencyNotice() {
  return (
    <p className="emergency-notice">
      <PhoneIcon /> <strong>Not for emergencies</strong> — call{' '}
      <a href="tel:999" className="tel-link">
        999
      </a>{' '}
      if someone is in danger;{' '}
      <a href="tel:101" className="tel-link">
        101
      </a>{' '}
      for non-emergencies.
    </p>
  );
}
