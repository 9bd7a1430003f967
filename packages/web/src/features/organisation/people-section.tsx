// An organisation's verified people, and the form that marks an account as officer, staff, partner or admin.
import { type FormEvent, useEffect, useState } from 'react';
import { listPeople, setAffiliation } from '../../api/client.js';
import type { Affiliation, OrganisationPerson } from '../../api/types.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { CheckboxField, fieldError, SelectField, TextField } from '../../ui/fields.js';
import { shortDate } from '../../ui/format.js';

const AFFILIATIONS: { value: Affiliation | ''; label: string }[] = [
  { value: 'officer', label: 'Officer' },
  { value: 'staff', label: 'Staff' },
  { value: 'partner', label: 'Partner' },
  { value: '', label: 'None (remove the badge)' },
];

const affiliationLabel = (a: Affiliation | null) =>
  AFFILIATIONS.find((x) => x.value === (a ?? ''))?.label ?? '';

/** People of one organisation. */
export function PeopleSection({ organisationId }: { organisationId: string }) {
  const [people, setPeople] = useState<OrganisationPerson[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [email, setEmail] = useState('');
  const [affiliation, setAffiliationValue] = useState<Affiliation | ''>('officer');
  const [isAdmin, setIsAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    listPeople(organisationId).then(setPeople).catch(setError);
  }, [organisationId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setPeople(
        await setAffiliation(organisationId, {
          email: email.trim(),
          affiliation: affiliation === '' ? null : affiliation,
          isAdmin,
        }),
      );
      setDone(`${email.trim()} has been updated.`);
      setEmail('');
      setIsAdmin(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {done && <Banner kind="success">{done}</Banner>}
      {!people && !error && <Loading>Loading people…</Loading>}
      {people && people.length === 0 && (
        <p className="muted">Nobody has been verified in this organisation yet.</p>
      )}
      {people && people.length > 0 && (
        <ul className="card-list">
          {people.map((p) => (
            <li key={p.userId} className="card">
              <p className="card-title">{p.displayName}</p>
              <p className="muted small break">{p.email}</p>
              <p>
                {p.affiliation ? affiliationLabel(p.affiliation) : 'No badge'}
                {p.isAdmin && ' · Organisation admin'}
              </p>
              <p className="muted small">Verified {shortDate(p.verifiedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <h3>Verify an account</h3>
      <p className="muted">
        The person must already have a Fellwatch account. Their badge shows beside their name in every group.
      </p>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Their email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <SelectField
          label="Badge"
          value={affiliation}
          onChange={(e) => setAffiliationValue(e.target.value as Affiliation | '')}
        >
          {AFFILIATIONS.map((a) => (
            <option key={a.value || 'none'} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label="Organisation admin"
          hint="Can verify people and create groups for this organisation."
          checked={isAdmin}
          onChange={(e) => setIsAdmin(e.target.checked)}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
    </div>
  );
}
