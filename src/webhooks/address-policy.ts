// Where outbound webhooks may connect (SSRF guard). In production a subscriber URL must be https,
// carry no credentials, and every address its host resolves to must be public unicast: never
// loopback, private, link-local, CGNAT, multicast, unspecified or otherwise reserved, in IPv4 or
// IPv6 (IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they carry). The URL
// is checked when it is registered and again on every delivery, against the very addresses the
// connection then uses: DNS can change between the two. Outside production any http(s) URL is
// allowed, so tests and development can use receivers on loopback.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP, isIPv4, type LookupFunction } from 'node:net';

export type AddressClass = 'public' | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'reserved';

/** Whether the guard is on: production (https only, public addresses only) or not (anything goes). */
export interface AddressPolicy {
  production: boolean;
}

/** A URL or address refused by the policy; `reason` is a short sentence for the client or the delivery log. */
export class AddressRefused extends Error {
  readonly code = 'ERR_ADDRESS_NOT_ALLOWED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AddressRefused';
  }
}

const ipv4Number = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

// [first address, prefix length, class]; anything not listed is public.
const IPV4_RANGES: [number, number, AddressClass][] = (
  [
    ['0.0.0.0', 8, 'unspecified'], // "this network", 0.0.0.0 included
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'cgnat'],
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'], // cloud metadata services live here
    ['172.16.0.0', 12, 'private'],
    ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
    ['192.0.2.0', 24, 'reserved'], // documentation
    ['192.88.99.0', 24, 'reserved'], // 6to4 relays
    ['192.168.0.0', 16, 'private'],
    ['198.18.0.0', 15, 'reserved'], // benchmarking
    ['198.51.100.0', 24, 'reserved'], // documentation
    ['203.0.113.0', 24, 'reserved'], // documentation
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'], // future use and the broadcast address
  ] as const
).map(([first, bits, kind]) => [ipv4Number(first), bits, kind]);

function classifyIpv4(value: number): AddressClass {
  for (const [first, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    if (value >= first && value < first + size) return kind;
  }
  return 'public';
}

/** The eight 16-bit groups of a valid IPv6 address (without a zone), a trailing dotted quad included. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (quad) {
    const value = ipv4Number(quad);
    tail.push(Math.floor(value / 65536), value % 65536);
    text = text.slice(0, -quad.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const gap = text.indexOf('::');
  if (gap === -1) return [...groups(text), ...tail];
  const left = groups(text.slice(0, gap));
  const right = groups(text.slice(gap + 2));
  return [...left, ...new Array<number>(8 - left.length - right.length - tail.length).fill(0), ...right, ...tail];
}

const embeddedIpv4 = (high: number, low: number): number => high * 65536 + low;

function classifyIpv6(ip: string): AddressClass {
  // A zone (fe80::1%eth0) only makes sense for link-local addresses.
  if (ip.includes('%')) return 'link-local';
  const g = ipv6Groups(ip) as [number, number, number, number, number, number, number, number];
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIpv4(embeddedIpv4(g[6], g[7])); // IPv4-mapped ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embeddedIpv4(g[6], g[7])); // NAT64 64:ff9b::a.b.c.d
  if (zeroUpTo(6)) return 'reserved'; // IPv4-compatible ::a.b.c.d, deprecated
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // site-local, deprecated
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if (g[0] === 0x2002) return classifyIpv4(embeddedIpv4(g[1], g[2])); // 6to4 carries an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: an obfuscated IPv4 address
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved'; // only 2000::/3 is global unicast
  return 'public';
}

/** What kind of address an IPv4 or IPv6 literal is; a string that is not an address is 'reserved'. */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (isIPv4(bare)) return classifyIpv4(ipv4Number(bare));
  if (isIP(bare.split('%')[0] ?? '') === 6) return classifyIpv6(bare);
  return 'reserved';
}

function assertAddressAllowed(ip: string, policy: AddressPolicy): void {
  if (!policy.production) return;
  const kind = classifyAddress(ip);
  if (kind !== 'public') throw new AddressRefused(`the address ${ip} is ${kind === 'reserved' ? 'reserved' : `a ${kind} address`}, not a public one`);
}

/** The host of a URL as an address literal, or null when it is a name (IPv6 brackets removed). */
export function addressLiteral(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/**
 * Checks a subscriber URL when it is registered: its form (http or https, no credentials, no
 * fragment) everywhere, and in production https and public addresses for every address its host
 * resolves to. Returns the URL as it will be stored.
 */
export async function checkSubscriberUrl(raw: string, policy: AddressPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AddressRefused('the URL is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AddressRefused('the URL must be http or https');
  if (policy.production && url.protocol !== 'https:') throw new AddressRefused('the URL must be https');
  // Credentials in a URL would be a secret stored outside the vault; the signature authenticates us.
  if (url.username || url.password) throw new AddressRefused('the URL must not contain a user name or password');
  if (url.hash) throw new AddressRefused('the URL must not contain a fragment');
  const literal = addressLiteral(url);
  if (literal) assertAddressAllowed(literal, policy);
  else if (policy.production) {
    let addresses: LookupAddress[];
    try {
      addresses = await dnsLookupAsync(url.hostname, { all: true, verbatim: true });
    } catch {
      throw new AddressRefused(`the host ${url.hostname} does not resolve`);
    }
    if (addresses.length === 0) throw new AddressRefused(`the host ${url.hostname} does not resolve`);
    for (const { address } of addresses) assertAddressAllowed(address, policy);
  }
  return url.href;
}

/**
 * A `lookup` for http(s).request that resolves the host, refuses the connection if any address
 * is not allowed, and otherwise hands exactly the checked addresses to the socket: there is no
 * second resolution an attacker's DNS could answer differently. (Address literals never reach a
 * lookup function; deliveries check them with checkDeliveryUrl first.)
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        if (addresses.length === 0) throw new AddressRefused(`the host ${hostname} does not resolve`);
        for (const { address } of addresses) assertAddressAllowed(address, policy);
      } catch (refusal) {
        return callback(refusal as AddressRefused, '', 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

/** The delivery-time check of a stored URL's form and, for an address literal, the address itself. */
export function checkDeliveryUrl(raw: string, policy: AddressPolicy): URL {
  const url = new URL(raw);
  if (policy.production && url.protocol !== 'https:') throw new AddressRefused('the URL must be https');
  const literal = addressLiteral(url);
  if (literal) assertAddressAllowed(literal, policy);
  return url;
}
