// "Pass this to the police": choose 999, 101 or an online report for a message or alert, then the handover.
import { useRef, useState } from 'react';
import { makeClientId } from '../../api/client-id.js';
import { describeError } from '../../api/errors.js';
import { createEscalation, type EscalationChannel } from '../../api/escalations.js';
import type { MessageView } from '../../api/types.js';
import { useGroups, useTimeline } from '../../app/hooks.js';
import { Link, navigate } from '../../app/router.js';
import { Banner } from '../../ui/banner.js';
import { fullTime } from '../../ui/format.js';
import { BackIcon, PhoneIcon } from '../../ui/icons.js';
import { Page } from '../../ui/page.js';
import { alertHeading } from '../alerts/labels.js';
import { CHANNEL_CHOICES, telHref } from './labels.js';
import './escalations.css';

interface EscalatePageProps {
  groupId: string | null;
  messageId: string | null;
  alertId: string | null;
}

/** The page at /escalate?group=…&message=… (or &alert=…). */
export function EscalatePage({ groupId, messageId, alertId }: EscalatePageProps) {
  if (!groupId || (!messageId && !alertId)) {
    return (
      <Page title="Pass to the police">
        <p>Open a message or an alert in a group and choose Escalate from its options.</p>
        <Link to="/" className="btn btn-primary">
          Go to your groups
        </Link>
      </Page>
    );
  }
  return <ChooseChannel groupId={groupId} messageId={messageId} alertId={alertId} />;
}

function ChooseChannel({
  groupId,
  messageId,
  alertId,
}: {
  groupId: string;
  messageId: string | null;
  alertId: string | null;
}) {
  const group = useGroups().groups?.find((g) => g.id === groupId);
  const { timeline } = useTimeline(groupId);
  const subject = timeline?.messages.find((m) => (messageId ? m.id === messageId : m.alert?.id === alertId));
  // One client id for this screen: a second tap (or a retry on poor signal) returns the same escalation.
  const clientId = useRef(makeClientId());
  const [busy, setBusy] = useState<EscalationChannel | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (channel: EscalationChannel) => {
    setBusy(channel);
    setError(null);
    try {
      const created = await createEscalation(groupId, {
        clientId: clientId.current,
        channel,
        ...(messageId ? { messageId } : { alertId: alertId ?? '' }),
      });
      navigate(`/escalations/${created.escalation.id}`, { replace: true });
    } catch (err) {
      setError(describeError(err));
      setBusy(null);
    }
  };

  return (
    <Page
      title="Pass to the police"
      className="page-escalate"
      before={
        <Link to={`/groups/${groupId}`} className="back-link">
          <BackIcon /> Back to {group?.name ?? 'the conversation'}
        </Link>
      }
    >
      <p className="escalate-danger">
        <PhoneIcon size={20} /> <strong>Someone in danger now?</strong>{' '}
        <a href={telHref('999')} className="tel-link">
          Call 999
        </a>{' '}
        first. You can come back to this afterwards.
      </p>
      {subject && <SubjectPreview message={subject} />}
      <h2 id="channel-heading">How are you passing it on?</h2>
      <p className="hint">Fellwatch puts everything the police need on one screen, to read out or copy.</p>
      <ul className="channel-list" aria-labelledby="channel-heading">
        {CHANNEL_CHOICES.map((c) => (
          <li key={c.channel}>
            <button
              type="button"
              className={`channel-choice channel-${c.channel}`}
              disabled={busy !== null}
              onClick={() => void choose(c.channel)}
            >
              <span className="channel-choice-label">{busy === c.channel ? 'Preparing…' : c.label}</span>
              <span className="channel-choice-when">{c.when}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && <Banner kind="error">{error}</Banner>}
    </Page>
  );
}

/** What is being passed on, so nobody escalates the wrong message. */
function SubjectPreview({ message }: { message: MessageView }) {
  const text = message.alert ? alertHeading(message.alert.details) : message.body;
  return (
    <figure className="escalate-subject">
      <blockquote className="prewrap">
        {text.length > 280 ? `${text.slice(0, 280)}…` : text || 'A photo or a place'}
      </blockquote>
      <figcaption>
        {message.author.displayName}, {fullTime(message.createdAt)}
      </figcaption>
    </figure>
  );
}
