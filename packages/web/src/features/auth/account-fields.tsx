// The fields of a new account (name, email, password, optional private phone), shared by setup and joining.
import type { NewAccount } from '../../api/types.js';
import { fieldError, TextField } from '../../ui/fields.js';

export interface AccountValues {
  displayName: string;
  email: string;
  password: string;
  phone: string;
}

export const emptyAccount: AccountValues = { displayName: '', email: '', password: '', phone: '' };

/** The request body for the values, leaving out an empty phone. */
export function toNewAccount(v: AccountValues): NewAccount {
  const account: NewAccount = {
    displayName: v.displayName.trim(),
    email: v.email.trim(),
    password: v.password,
  };
  if (v.phone.trim()) account.phone = v.phone.trim();
  return account;
}

/** The account fields with server errors shown beside the field they name. */
export function AccountFields({
  value,
  onChange,
  error,
}: {
  value: AccountValues;
  onChange: (v: AccountValues) => void;
  error: unknown;
}) {
  const set = (key: keyof AccountValues) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  // The server may name nested fields ("account.email"); match on the last part.
  const err = (field: string) => fieldError(error, field) ?? fieldError(error, `account.${field}`);
  return (
    <>
      <TextField
        label="Your name"
        hint="Shown to other members of your groups. Use the name neighbours know you by."
        autoComplete="name"
        required
        maxLength={60}
        value={value.displayName}
        onChange={set('displayName')}
        error={err('displayName')}
      />
      <TextField
        label="Email"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        value={value.email}
        onChange={set('email')}
        error={err('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        minLength={10}
        value={value.password}
        onChange={set('password')}
        error={err('password')}
      />
      <TextField
        label="Phone number"
        optional
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint="Private: it is never shown to other members of your groups."
        value={value.phone}
        onChange={set('phone')}
        error={err('phone')}
      />
    </>
  );
}
