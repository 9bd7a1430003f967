// Which push endpoints the server will POST to: people hand us these addresses, so none may point inside our network (ADR 8).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** The resolver the sender uses; replaceable so the address check after resolution can be tested. */
export type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** The longest endpoint accepted; real ones are a few hundred characters. */
export const MAX_ENDPOINT_LENGTH = 2048;

/** Addresses that are not on the public internet: loopback, private, link-local, shared, reserved, multicast. */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** Names that only ever mean this machine or a private network. */
const LOCAL_NAME = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home|corp|home\.arpa)\.?$/i;

/** True when `address` (IPv4 or IPv6 text) is on the public internet. IPv4 inside IPv6 is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return !notPublic.check(bare, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(?:0+:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return isPublicAddress(mapped[1]);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped?.[1] && hexMapped[2]) {
    const high = Number.parseInt(hexMapped[1], 16);
    const low = Number.parseInt(hexMapped[2], 16);
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return !notPublic.check(bare, 'ipv6');
}

/**
 * Why the server will not send to `endpoint`, or null when it will: it must be an https URL on the
 * standard port, without credentials, whose host is a public name or a public address. With
 * `allowLocal` (tests only) any http(s) URL passes.
 */
export function endpointRefusal(endpoint: string, allowLocal = false): string | null {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return 'The push address is too long.';
  if (!URL.canParse(endpoint)) return 'The push address is not a URL.';
  const url = new URL(endpoint);
  if (allowLocal) {
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'The push address must be http(s).';
  }
  if (url.protocol !== 'https:') return 'The push address must be an https address.';
  if (url.username !== '' || url.password !== '')
    return 'The push address must not carry a name or password.';
  // Push services listen on 443; any other port is a way to reach something that is not one.
  if (url.port !== '') return 'The push address must use the standard https port.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    return isPublicAddress(host) ? null : 'The push address points at a private or local network.';
  }
  if (!host.includes('.') || LOCAL_NAME.test(host)) {
    return 'The push address points at a private or local network.';
  }
  return null;
}

/**
 * A `lookup` for node's http(s) requests that resolves the name and refuses the connection when any
 * address it resolves to is not public. Checking the address actually connected to (not an earlier
 * resolution) is what stops a name that later resolves inside our network (DNS rebinding).
 */
export function publicOnlyLookup(resolve: Resolver = dnsLookup as Resolver) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address));
      if (refused) {
        const refusal: NodeJS.ErrnoException = new Error(
          'The push address resolves to a private or local network.',
        );
        refusal.code = 'EPUSHREFUSED';
        return callback(refusal, []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}
