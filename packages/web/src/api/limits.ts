// Limits of the wire protocol, mirrored here so the bundle does not ship zod; limits.test.ts keeps them equal.

/** Longest message body the server accepts. */
export const MAX_BODY = 4000;
/** Most photos one message may carry. */
export const MAX_PHOTOS = 10;
/** The protocol's ClientId rule: 8-64 letters, digits, - or _. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Show the characters-left counter once a message is this long. */
export const BODY_WARNING_AT = MAX_BODY - 500;
