// Line icons for alert kinds and the road-hazard mark; decorative, the heading beside each carries the meaning.

import type { ReactNode } from 'react';
import type { AlertKind } from '../../api/types.js';
import { Icon as LineIcon } from '../../ui/icons.js';

/** Alert icons are a little larger than the app's other icons. */
const Icon = ({ children, size = 24 }: { children: ReactNode; size?: number | undefined }) => (
  <LineIcon size={size}>{children}</LineIcon>
);

/** An open padlock: something taken. */
const StolenIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 7.5-2" />
    <circle cx="12" cy="16" r="1.2" fill="currentColor" />
  </Icon>
);

/** A box with a tick: something found and held. */
const FoundIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M3 8l9-5 9 5v8l-9 5-9-5z" />
    <path d="M8.5 12.5l2.5 2.5 4.5-5" />
  </Icon>
);

/** A sheep: a woolly body on four legs, head up. */
const AnimalIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M5 14.5a2.5 2.5 0 0 1 .5-5 3 3 0 0 1 5-1.5 3 3 0 0 1 5 .5 2.5 2.5 0 0 1 .5 6z" />
    <path d="M7 14.5V19M10 14.5V19M13 14.5V19M15.5 14.5V19" />
    <path d="M16.5 9.5l2-1.5h2l.5 2.5-2 1.5" />
  </Icon>
);

/** An eye: something seen. */
const SuspiciousIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M2 12s3.5-6.5 10-6.5S22 12 22 12s-3.5 6.5-10 6.5S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
);

/** A megaphone: the police asking. */
const AppealIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M3 10v4h3l7 4V6L6 10z" />
    <path d="M16.5 9a4 4 0 0 1 0 6M19 6.5a7.5 7.5 0 0 1 0 11" />
  </Icon>
);

/** A person with a question mark beside them: someone missing. */
const MissingIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="9" cy="6.5" r="3" />
    <path d="M3.5 20.5v-3a5.5 5.5 0 0 1 11 0v3" />
    <path d="M17 8.5a2.5 2.5 0 1 1 3.2 2.4c-.7.2-1.2.8-1.2 1.5v.6" />
    <circle cx="19" cy="16.2" r="0.9" fill="currentColor" />
  </Icon>
);

/** The icon for an alert kind. */
export function KindIcon({ kind, size }: { kind: AlertKind; size?: number }) {
  switch (kind) {
    case 'stolen':
      return <StolenIcon size={size} />;
    case 'found':
      return <FoundIcon size={size} />;
    case 'animal':
      return <AnimalIcon size={size} />;
    case 'suspicious':
      return <SuspiciousIcon size={size} />;
    case 'appeal':
      return <AppealIcon size={size} />;
    case 'missing':
      return <MissingIcon size={size} />;
  }
}

/** A warning triangle, for a hazard on the road. */
export const HazardIcon = ({ size = 22 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3L2 20h20z" />
    <path d="M12 10v4.5" />
    <circle cx="12" cy="17.2" r="0.9" fill="currentColor" />
  </Icon>
);

/** A map outline, for links to the group map. */
export const MapIcon = ({ size = 20 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z" />
    <path d="M9 3v15M15 6v15" />
  </Icon>
);

/** A bell with a line under it: raising an alert. */
export const AlertIcon = ({ size = 20 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
    <path d="M10 20.5a2 2 0 0 0 4 0" />
  </Icon>
);
