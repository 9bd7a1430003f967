// Creating a watch group: organisation, name, description, rules, area and vetting questions.
import { type FormEvent, useState } from 'react';
import { createGroup } from '../../api/client.js';
import type { MyGroup, Organisation } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { useServices } from '../../app/session.js';
import { Banner, ErrorBanner } from '../../ui/banner.js';
import { fieldError, SelectField, TextArea, TextField } from '../../ui/fields.js';
import { QuestionList } from '../admin/question-list.js';
import { AreaFields, type AreaValue, toArea } from './area-fields.js';

/** The new-group form. */
export function CreateGroupForm({ organisations }: { organisations: readonly Organisation[] }) {
  const { groups } = useServices();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rules, setRules] = useState('');
  const [questions, setQuestions] = useState<string[]>([]);
  const [area, setArea] = useState<AreaValue>({ centre: null, radiusKm: '10' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<MyGroup | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const a = toArea(area);
    if (a === undefined) return;
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const g = await createGroup({
        organisationId,
        name: name.trim(),
        description,
        rules,
        area: a,
        vettingQuestions: questions.map((q) => q.trim()).filter(Boolean),
      });
      setCreated(g);
      void groups.refresh();
      setName('');
      setDescription('');
      setRules('');
      setQuestions([]);
      setArea({ centre: null, radiusKm: '10' });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-group-h" className="panel">
      <h2 id="new-group-h">New watch group</h2>
      <ErrorBanner error={error} />
      {created && (
        <Banner kind="success">
          {created.name} has been created.{' '}
          <Link to={`/groups/${created.id}/admin?section=invites`}>Make an invite link</Link>
        </Banner>
      )}
      <form className="form" onSubmit={submit}>
        <SelectField
          label="Organisation"
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Group name"
          required
          minLength={2}
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(error, 'name')}
        />
        <TextArea
          label="Description"
          optional
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextArea
          label="Rules"
          optional
          rows={4}
          maxLength={4000}
          value={rules}
          onChange={(e) => setRules(e.target.value)}
        />
        <QuestionList value={questions} onChange={setQuestions} />
        <AreaFields value={area} onChange={setArea} />
        <button type="submit" className="btn btn-primary" disabled={busy || !organisationId}>
          {busy ? 'Creating…' : 'Create group'}
        </button>
      </form>
    </section>
  );
}
