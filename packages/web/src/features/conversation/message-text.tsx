// Message text as React nodes from the core tokenizer: plain text, safe links and what3words links; never HTML.
import { tokenizeMessage } from '@fellwatch/core';
import { memo } from 'react';

/** Renders a body; links open in a new tab without passing on who sent the reader. */
export const MessageText = memo(function MessageText({ body }: { body: string }) {
  const tokens = tokenizeMessage(body);
  return (
    <p className="msg-body">
      {tokens.map((t, i) => {
        const key = `${i}:${t.kind}`;
        if (t.kind === 'link') {
          return (
            <a key={key} href={t.href} target="_blank" rel="noopener noreferrer nofollow">
              {t.text}
            </a>
          );
        }
        if (t.kind === 'w3w') {
          return (
            <a
              key={key}
              href={`https://what3words.com/${encodeURIComponent(t.address)}`}
              target="_blank"
              rel="noopener noreferrer nofollow"
              title={`what3words address ${t.address}`}
            >
              {t.text}
            </a>
          );
        }
        return <span key={key}>{t.text}</span>;
      })}
    </p>
  );
});
