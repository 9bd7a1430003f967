// The group header's line on who is watching it now, with the way to go on watch and the queue for those who may.
import type { WatchStatus } from '../../api/safety.js';
import { Link } from '../../app/router.js';
import { watcherNames, watchLineText } from './guidance.js';
import { AlertIcon, EyeIcon } from './safety-icons.js';
import './safety.css';

interface WatchLineProps {
  groupId: string;
  myId: string;
  status: WatchStatus | null;
}

/** "Watched now by PC Jane Smith (Durham Constabulary)", or "Nobody is watching this group right now". */
export function WatchLine({ groupId, myId, status }: WatchLineProps) {
  const watchers = status?.watchers ?? [];
  const watchingMyself = watchers.some((w) => w.person.id === myId);
  const open = status?.openAttention ?? 0;
  return (
    <div className={watchers.length > 0 ? 'watch-line watch-line-watched' : 'watch-line'}>
      <p className="watch-line-text">
        <EyeIcon />{' '}
        {status === null ? (
          <span className="muted">Checking who is watching…</span>
        ) : watchers.length > 0 ? (
          <span>
            Watched now by <strong>{watcherNames(watchers)}</strong>
          </span>
        ) : (
          <span>{watchLineText([])}</span>
        )}
      </p>
      {status && (status.canWatch || (status.canSeeAttention && open > 0)) && (
        <p className="watch-line-actions">
          {status.canSeeAttention && open > 0 && (
            <Link to={`/groups/${groupId}/attention`} className="attention-chip">
              <AlertIcon size={16} /> {open}
              <span className="visually-hidden"> {open === 1 ? 'message' : 'messages'}</span>{' '}
              {open === 1 ? 'needs' : 'need'} attention
            </Link>
          )}
          {status.canWatch && (
            <Link to="/watch" className="watch-link">
              {watchingMyself ? 'You are on watch' : 'Go on watch'}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
