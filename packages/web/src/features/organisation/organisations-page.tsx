// Organisation administration: people and their verified roles, the emergency numbers its groups show,
// what its groups passed to the police; for the platform admin, new organisations and groups.
import { useCallback, useEffect, useState } from 'react';
import { listOrganisations } from '../../api/client.js';
import type { Organisation } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { Banner, ErrorBanner, Loading } from '../../ui/banner.js';
import { SelectField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { CreateGroupForm } from './create-group-form.js';
import { CreateOrganisationForm } from './create-organisation-form.js';
import { GuidanceSection } from './guidance-section.js';
import { PeopleSection } from './people-section.js';

/** The page at /organisations. */
export function OrganisationsPage() {
  const { state } = useSession();
  const me = state.status === 'signed_in' ? state.me : null;
  const [organisations, setOrganisations] = useState<Organisation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string>('');

  const load = useCallback(() => {
    listOrganisations()
      .then((orgs) => {
        setOrganisations(orgs);
        setSelected((s) => (s && orgs.some((o) => o.id === s) ? s : (orgs[0]?.id ?? '')));
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  if (!me) return null;
  const adminOf = new Set(me.organisations.filter((o) => o.isAdmin).map((o) => o.organisationId));
  const manageable = (organisations ?? []).filter((o) => me.isPlatformAdmin || adminOf.has(o.id));

  if (!me.isPlatformAdmin && adminOf.size === 0) {
    // Officers who do not run their organisation still read what its groups passed to the police.
    const officerOf = me.organisations.filter((o) => o.affiliation === 'officer');
    return (
      <Page title="Admin">
        <Banner kind="info">This page is for organisation administrators.</Banner>
        {officerOf.length > 0 && (
          <ul className="plain-list" aria-label="Passed to the police">
            {officerOf.map((o) => (
              <li key={o.organisationId}>
                <Link to={`/organisations/${o.organisationId}/escalations`}>
                  Passed to the police from {o.organisationName}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Page>
    );
  }

  return (
    <Page title="Admin" heading={me.isPlatformAdmin ? 'Platform admin' : 'Organisation admin'}>
      <ErrorBanner error={error} />
      {!organisations && !error && <Loading>Loading organisations…</Loading>}

      {me.isPlatformAdmin && (
        <CreateOrganisationForm
          onCreated={(o) => {
            setSelected(o.id);
            load();
          }}
        />
      )}

      {organisations && manageable.length === 0 && (
        <p className="muted">There are no organisations yet. Create the first one above.</p>
      )}

      {manageable.length > 0 && (
        <>
          <section aria-labelledby="people-h" className="panel">
            <h2 id="people-h">People and verified roles</h2>
            <SelectField label="Organisation" value={selected} onChange={(e) => setSelected(e.target.value)}>
              {manageable.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            {selected && <PeopleSection key={selected} organisationId={selected} />}
          </section>
          {selected && (
            <section aria-labelledby="guidance-h" className="panel">
              <h2 id="guidance-h">Emergency numbers</h2>
              <p>
                For <strong>{manageable.find((o) => o.id === selected)?.name}</strong>
              </p>
              <GuidanceSection key={selected} organisationId={selected} />
            </section>
          )}
          {selected && (
            <section aria-labelledby="escalations-h" className="panel">
              <h2 id="escalations-h">Passed to the police</h2>
              <p>
                What the groups of <strong>{manageable.find((o) => o.id === selected)?.name}</strong> passed
                to the police, with references and outcomes.
              </p>
              <p>
                <Link to={`/organisations/${selected}/escalations`}>Passed to the police</Link>
              </p>
            </section>
          )}
          <CreateGroupForm organisations={manageable} />
        </>
      )}
    </Page>
  );
}
