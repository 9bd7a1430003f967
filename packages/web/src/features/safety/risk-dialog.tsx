// What the poster of a worrying message sees first, at once and without signal: call 999 if anyone is in danger.
import { useEffect, useRef } from 'react';
import { PhoneIcon } from '../../ui/icons.js';
import { type Guidance, onlineFormName, safeReportUrl, telHref } from './guidance.js';
import './safety.css';

interface RiskDialogProps {
  guidance: Guidance;
  /** False when nobody is watching the group now (or it is not known). */
  watchedNow: boolean;
  /** False when the message waits on the phone for signal. */
  online: boolean;
  /** What was posted: a message (the default) or an alert. */
  subject?: 'message' | 'alert';
  onClose: () => void;
}

/**
 * A modal dialog (focus kept inside, Escape closes) whose first and largest control calls the
 * emergency number. It opens the moment the message is sent, before anything else happens on screen.
 */
export function RiskDialog({ guidance, watchedNow, online, subject = 'message', onClose }: RiskDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const call = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    call.current?.focus();
  }, []);
  const reportUrl = safeReportUrl(guidance.onlineReportUrl);
  const sent = online
    ? `Your ${subject} has gone to the group`
    : `Your ${subject} will go to the group when there is signal`;
  const who = watchedNow
    ? ' and to whoever is on watch, but do not wait for a reply.'
    : ', but nobody is watching this group right now. Do not wait for a reply.';

  return (
    <dialog
      ref={dialog}
      className="dialog risk-dialog"
      aria-labelledby="risk-dialog-title"
      aria-describedby="risk-dialog-text"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="risk-dialog-title">If anyone is in danger now, call {guidance.emergencyNumber}</h2>
      <a ref={call} href={telHref(guidance.emergencyNumber)} className="btn btn-danger btn-block btn-call">
        <PhoneIcon size={22} /> Call {guidance.emergencyNumber}
      </a>
      <p id="risk-dialog-text" className="risk-dialog-text">
        {sent}
        {who} Fellwatch is not an emergency service.
      </p>
      <p className="risk-dialog-other">
        Not an emergency? Call{' '}
        <a href={telHref(guidance.nonEmergencyNumber)} className="tel-link">
          {guidance.nonEmergencyNumber}
        </a>
        {reportUrl ? (
          <>
            {' '}
            or use{' '}
            <a href={reportUrl} target="_blank" rel="noopener noreferrer">
              {onlineFormName(guidance)}
            </a>
          </>
        ) : null}
        .
      </p>
      <div className="button-row">
        <button type="button" className="btn btn-secondary btn-block" onClick={onClose}>
          I understand
        </button>
      </div>
    </dialog>
  );
}
