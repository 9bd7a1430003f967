// The screens of this feature by address; null when the address is not one of them.
import { lazy, type ReactNode } from 'react';

// Profiles are visited rarely, and the forms carry the map: each screen loads when first opened.
const ProfilesPage = lazy(() => import('./profiles-page.js').then((m) => ({ default: m.ProfilesPage })));
const ProfilePage = lazy(() => import('./profile-page.js').then((m) => ({ default: m.ProfilePage })));
const ProfileFormPage = lazy(() =>
  import('./profile-form-page.js').then((m) => ({ default: m.ProfileFormPage })),
);
const ReleasePage = lazy(() => import('./release-page.js').then((m) => ({ default: m.ReleasePage })));
const ReleaseByReferencePage = lazy(() =>
  import('./release-page.js').then((m) => ({ default: m.ReleaseByReferencePage })),
);

const ID = '([0-9A-HJKMNP-TV-Z]{26})';
const ONE = new RegExp(`^/profiles/${ID}$`);
const EDIT = new RegExp(`^/profiles/${ID}/edit$`);
const RELEASE = new RegExp(`^/profiles/${ID}/release$`);

/** The screen for `path`, or null. Screens load on demand (React.lazy) to keep the first download small. */
export function profilesRoute(path: string, _query: URLSearchParams): ReactNode | null {
  if (path === '/profiles') return <ProfilesPage />;
  if (path === '/profiles/new') return <ProfileFormPage key="new" profileId={null} />;
  // Before "/profiles/:id": an officer's release by reference.
  if (path === '/profiles/release') return <ReleaseByReferencePage />;
  const one = ONE.exec(path)?.[1];
  if (one) return <ProfilePage key={one} profileId={one} />;
  const edit = EDIT.exec(path)?.[1];
  if (edit) return <ProfileFormPage key={edit} profileId={edit} />;
  const release = RELEASE.exec(path)?.[1];
  if (release) return <ReleasePage key={release} profileId={release} />;
  return null;
}
