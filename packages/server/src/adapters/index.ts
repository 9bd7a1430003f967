// Small adapters of the core's service ports: time, ids, secrets and passwords.
export { type Argon2Cost, Argon2Passwords, OWASP_ARGON2ID } from './argon2-passwords.js';
export { CryptoSecrets } from './crypto-secrets.js';
export { SystemClock } from './system-clock.js';
export { UlidIds } from './ulid-ids.js';
