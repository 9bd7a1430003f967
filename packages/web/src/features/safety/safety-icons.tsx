// Line icons of the safety screens, drawn in the app's shared icon frame (decorative, hidden from screen readers).
import { Icon } from '../../ui/icons.js';

export const EyeIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
);

export const AlertIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3l10 18H2z" />
    <path d="M12 10v5M12 18v.5" />
  </Icon>
);
