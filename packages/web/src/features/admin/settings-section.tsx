// Group settings: name, description, rules, area, vetting questions and alerts from other organisations.
import { type FormEvent, useState } from 'react';
import { updateGroup } from '../../api/client.js';
import type { MyGroup } from '../../api/types.js';
import { useServices } from '../../app/session.js';
import { Banner, ErrorBanner } from '../../ui/banner.js';
import { fieldError, TextArea, TextField } from '../../ui/fields.js';
import { ExternalAlertsField } from '../alerts/external-alerts-field.js';
import { AreaFields, areaValue, toArea } from '../organisation/area-fields.js';
import { QuestionList } from './question-list.js';

/** The settings section of the group admin page. */
export function SettingsSection({ group }: { group: MyGroup }) {
  const { groups } = useServices();
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [rules, setRules] = useState(group.rules);
  const [questions, setQuestions] = useState(group.vettingQuestions);
  const [area, setArea] = useState(() => areaValue(group.area));
  const [externalAlerts, setExternalAlerts] = useState(group.externalAlerts ?? 'review');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const nextArea = toArea(area);
    if (nextArea === undefined) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await updateGroup(group.id, {
        name,
        description,
        rules,
        vettingQuestions: questions.map((q) => q.trim()).filter(Boolean),
        // A polygon drawn elsewhere is left alone unless a circle is chosen here.
        ...(group.area?.kind === 'polygon' && nextArea === null ? {} : { area: nextArea }),
        ...(externalAlerts !== group.externalAlerts ? { externalAlerts } : {}),
      });
      groups.upsert(updated);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form admin-section" onSubmit={submit}>
      <ErrorBanner error={error} />
      {saved && <Banner kind="success">Settings saved.</Banner>}
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
        hint="Who the group is for and what it covers."
        rows={3}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError(error, 'description')}
      />
      <TextArea
        label="Rules"
        hint="Shown to everyone before they ask to join."
        rows={5}
        maxLength={4000}
        value={rules}
        onChange={(e) => setRules(e.target.value)}
        error={fieldError(error, 'rules')}
      />
      <QuestionList value={questions} onChange={setQuestions} />
      {group.area?.kind === 'polygon' && (
        <p className="muted">
          This group's area is a drawn shape. Setting a centre here replaces it with a circle.
        </p>
      )}
      <AreaFields value={area} onChange={setArea} />
      <ExternalAlertsField value={externalAlerts} onChange={setExternalAlerts} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
