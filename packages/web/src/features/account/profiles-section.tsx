// The account page's way to Herbert Protocol profiles, and for officers to a release by reference.

import type { Me } from '../../api/types.js';
import { Link } from '../../app/router.js';
import { isOfficer } from '../alerts/permissions.js';

/** The Herbert Protocol panel of the account page. */
export function ProfilesSection({ me }: { me: Me }) {
  return (
    <section aria-labelledby="profiles-h" className="panel">
      <h2 id="profiles-h">Herbert Protocol profiles</h2>
      <p>
        If someone you care for has dementia, write down now what would help find them quickly if they ever go
        missing. Only you can see it.
      </p>
      <div className="button-row">
        <Link to="/profiles" className="btn btn-secondary">
          Your profiles
        </Link>
        {isOfficer(me) && (
          <Link to="/profiles/release" className="btn btn-secondary">
            Release a profile by reference
          </Link>
        )}
      </div>
    </section>
  );
}
