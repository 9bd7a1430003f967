// The platform admin's form for a new organisation (a police force, a charity, a council).
import { type FormEvent, useState } from 'react';
import { createOrganisation } from '../../api/client.js';
import type { Organisation, OrganisationKind } from '../../api/types.js';
import { Banner, ErrorBanner } from '../../ui/banner.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.js';

const KINDS: { value: OrganisationKind; label: string }[] = [
  { value: 'police', label: 'Police force' },
  { value: 'charity', label: 'Charity' },
  { value: 'council', label: 'Council' },
  { value: 'other', label: 'Other' },
];

/** Creates an organisation and reports it. */
export function CreateOrganisationForm({ onCreated }: { onCreated: (o: Organisation) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('police');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const o = await createOrganisation({ name: name.trim(), kind });
      setDone(`${o.name} has been created.`);
      setName('');
      onCreated(o);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-org-h" className="panel">
      <h2 id="new-org-h">New organisation</h2>
      <ErrorBanner error={error} />
      {done && <Banner kind="success">{done}</Banner>}
      <form className="form" onSubmit={submit}>
        <TextField
          label="Organisation name"
          required
          minLength={2}
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(error, 'name')}
        />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create organisation'}
        </button>
      </form>
    </section>
  );
}
