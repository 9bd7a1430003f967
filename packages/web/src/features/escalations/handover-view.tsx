// The handover pack on one screen: the number to call, a Copy button, and everything to read out, big.
import { useState } from 'react';
import type { HandoverPack } from '../../api/escalations.js';
import { fullTime } from '../../ui/format.js';
import { PhoneIcon } from '../../ui/icons.js';
import { safeReportUrl } from '../safety/guidance.js';
import { copyText } from './copy-text.js';
import { CHANNEL_LABEL, telHref } from './labels.js';

/** The call (or online form) and the Copy button, kept together at the top. */
export function HandoverActions({ pack }: { pack: HandoverPack }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const reportUrl = safeReportUrl(pack.call.onlineReportUrl);
  const copy = async () => setCopied((await copyText(pack.text)) ? 'yes' : 'no');
  return (
    <div className="handover-actions">
      {pack.call.number ? (
        <a href={telHref(pack.call.number)} className={`btn btn-call btn-call-${pack.channel}`}>
          <PhoneIcon size={24} /> Call {pack.call.number}
        </a>
      ) : reportUrl ? (
        <a
          href={reportUrl}
          className="btn btn-call btn-call-online"
          target="_blank"
          rel="noopener noreferrer"
        >
          Open the online report form<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <p className="handover-online-note">
          Use your police force’s online reporting form, and paste the handover text into it.
        </p>
      )}
      <button type="button" className="btn btn-secondary btn-copy" onClick={() => void copy()}>
        Copy the handover text
      </button>
      <p role="status" className="copy-status">
        {copied === 'yes' && 'Copied. Paste it into the online form, an email or a note.'}
        {copied === 'no' && 'This phone would not copy it. Press and hold the text below to copy it.'}
      </p>
    </div>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The reporter agrees to share their details themselves, in Fellwatch: a note to paste to them (in the
 * group, or a text) saying where.
 */
function AskTheReporter({ link }: { link: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const note = `Your report has been passed to the police. If you are happy for them to contact you about it, open Fellwatch and go to "My reports to the police": ${link}`;
  return (
    <>
      <p className="hint">
        They can agree to share their phone number or email in Fellwatch, under “My reports to the police”.
      </p>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        onClick={async () => setCopied(await copyText(note))}
      >
        Copy a note for the reporter
      </button>
      <p role="status" className="copy-status">
        {copied === true && 'Copied. Paste it to the reporter.'}
        {copied === false && `This phone would not copy it. Send them: ${link}`}
      </p>
    </>
  );
}

/** Everything in the pack, in the order a call handler asks, in large type. */
export function HandoverView({ pack, reporterLink }: { pack: HandoverPack; reporterLink: string }) {
  return (
    <div className="handover">
      <section aria-labelledby="pack-said">
        <h2 id="pack-said">What was said</h2>
        <p className="pack-when">
          {pack.subject.title}, posted by <strong>{pack.said.by}</strong>
          <br />
          {fullTime(pack.said.at)}
          {pack.said.edited && ' (edited)'}
          {pack.said.deleted && ' (since deleted)'}
        </p>
        {pack.said.text && <blockquote className="pack-text prewrap">{pack.said.text}</blockquote>}
        {pack.fields.length > 0 && (
          <dl className="pack-list">
            {pack.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {pack.thread.length > 0 && (
        <section aria-labelledby="pack-thread">
          <h2 id="pack-thread">Around it in the group</h2>
          <ol className="pack-thread">
            {pack.thread.map((t) => (
              <li key={`${t.at}-${t.by}-${t.relation}`}>
                <p className="pack-thread-who">
                  {t.relation === 'replied_to' ? 'In reply to' : 'Reply from'} <strong>{t.by}</strong>,{' '}
                  {fullTime(t.at)}
                </p>
                <p className="prewrap">{t.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="pack-who">
        <h2 id="pack-who">Who said it</h2>
        <p className="pack-big">{pack.reporter.displayName}</p>
        {pack.reporter.phone && (
          <p className="pack-big">
            Phone: <a href={telHref(pack.reporter.phone)}>{pack.reporter.phone}</a>
          </p>
        )}
        {pack.reporter.email && <p className="pack-big break">Email: {pack.reporter.email}</p>}
        <p className={pack.reporter.phone || pack.reporter.email ? 'hint' : 'pack-note'}>
          {pack.reporter.contactNote}
        </p>
        {!pack.reporter.phone && !pack.reporter.email && <AskTheReporter link={reporterLink} />}
      </section>

      <section aria-labelledby="pack-where">
        <h2 id="pack-where">Where</h2>
        {pack.placeText && (
          <p className="pack-big">
            <span className="pack-label">Place as typed:</span> {pack.placeText}
          </p>
        )}
        {pack.location ? (
          <dl className="pack-list pack-location">
            <div>
              <dt>OS grid reference</dt>
              <dd>{pack.location.gridRef ?? 'Outside the British grid'}</dd>
            </div>
            <div>
              <dt>what3words</dt>
              <dd>
                {pack.location.what3words ?? (
                  <span className="pack-missing">{capitalised(pack.location.what3wordsNote ?? '')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Latitude, longitude</dt>
              <dd>
                {pack.location.lat.toFixed(6)}, {pack.location.lng.toFixed(6)}
              </dd>
            </div>
            <div>
              <dt>Degrees, minutes, seconds</dt>
              <dd>{pack.location.dms}</dd>
            </div>
            <div>
              <dt>Plus code</dt>
              <dd>{pack.location.plusCode}</dd>
            </div>
          </dl>
        ) : (
          !pack.placeText && <p>No location was given.</p>
        )}
        {pack.what3wordsInText.map((w) => (
          <p key={w}>
            what3words written in the message: <strong>{w}</strong>{' '}
            <span className="unchecked-tag">Not checked</span>
          </p>
        ))}
      </section>

      {pack.photos.length > 0 && (
        <section aria-labelledby="pack-photos">
          <h2 id="pack-photos">Photos</h2>
          <ol className="pack-photos">
            {pack.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url} target="_blank" rel="noopener noreferrer">
                  <img
                    src={p.url}
                    alt={`Attached to the report, ${i + 1} of ${pack.photos.length}: open full size`}
                    loading="lazy"
                  />
                </a>
                <p className="small">
                  <a href={p.originalUrl} target="_blank" rel="noopener noreferrer">
                    Original
                  </a>{' '}
                  ({p.type}, {Math.round(p.bytes / 1024)} KB) · SHA-256:
                </p>
                <p className="pack-hash">{p.sha256}</p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {pack.registrations.length > 0 && (
        <section aria-labelledby="pack-regs">
          <h2 id="pack-regs">Registrations mentioned</h2>
          <ul className="pack-regs">
            {pack.registrations.map((r) => (
              <li key={r} className="pack-reg">
                {r}
              </li>
            ))}
          </ul>
        </section>
      )}

      <details className="pack-plain">
        <summary>Show the handover as plain text</summary>
        <pre className="pack-pre">{pack.text}</pre>
      </details>
      <p className="hint">
        Passed on as {CHANNEL_LABEL[pack.channel].toLowerCase()} by {pack.escalatedBy},{' '}
        {fullTime(pack.escalatedAt)}.
      </p>
    </div>
  );
}
