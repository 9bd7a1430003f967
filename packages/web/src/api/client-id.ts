// Client ids: made once per message on the device, so a retried post can never make a second copy.

/** 16 random bytes as base64url (22 characters), which the protocol's ClientId rule accepts. */
export function makeClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
