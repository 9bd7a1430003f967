// An alert's placement message in the conversation: the card in place of a bubble, with Reply for sightings.
import { memo } from 'react';
import type { AlertView, MessageView } from '../../api/types.js';
import { AlertCard } from './alert-card.js';

interface AlertMessageProps {
  message: MessageView;
  alert: AlertView;
  onReply: (m: MessageView) => void;
  /** Outlined as the card opened from the "needs attention" queue. */
  outlined?: boolean | undefined;
}

/** A list item of the conversation holding an alert card. */
export const AlertMessage = memo(function AlertMessage({
  message,
  alert,
  onReply,
  outlined,
}: AlertMessageProps) {
  return (
    <li id={`m-${message.id}`} className={`msg msg-alert${outlined ? ' msg-outlined' : ''}`} tabIndex={-1}>
      <AlertCard
        alert={alert}
        groupId={message.groupId}
        footer={
          <div className="alert-foot">
            <button type="button" className="btn btn-quiet btn-small" onClick={() => onReply(message)}>
              Reply<span className="visually-hidden"> to this alert</span>
            </button>
          </div>
        }
      />
    </li>
  );
});
