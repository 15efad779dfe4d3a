// The SSRF guard's address classifier and URL checks, without a network: literals, and localhost
// (resolved from /etc/hosts) for the lookup that runs at delivery time.
import t from 'tap';
import type { LookupAddress } from 'node:dns';
import { AddressRefused, checkDeliveryUrl, checkSubscriberUrl, classifyAddress, guardedLookup, type AddressClass } from '../../src/webhooks/address-policy.js';

const production = { production: true };
const development = { production: false };

t.test('the address classifier knows every non-public IPv4 and IPv6 range', async (t) => {
  const cases: [string, AddressClass][] = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['::127.0.0.1', 'reserved'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'multicast'],
    ['ff05::2', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['100::1', 'reserved'],
    ['3fff::1', 'public'],
    ['4000::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    ['not an address', 'reserved'],
    ['localhost', 'reserved'],
  ];
  for (const [address, expected] of cases) t.equal(classifyAddress(address), expected, address);
});

t.test('production refuses non-https and non-public subscriber URLs, and URLs with credentials', async (t) => {
  const refused = [
    'http://127.0.0.1/hook',
    'http://93.184.215.14/hook',
    'https://10.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://0x7f.1/hook',
    'https://2130706433/hook',
    'https://100.64.1.1/',
    'https://[fd00::1]/',
    'https://[fe80::1]/',
    'https://224.0.0.1/',
    'https://0.0.0.0/',
    'https://localhost/hook',
    'https://user:pass@93.184.215.14/hook',
    'https://93.184.215.14/hook#part',
    'ftp://93.184.215.14/',
    'not a url',
  ];
  for (const url of refused) await t.rejects(checkSubscriberUrl(url, production), AddressRefused, url);
  t.equal(await checkSubscriberUrl('https://93.184.215.14/hook?x=1', production), 'https://93.184.215.14/hook?x=1');
  t.equal(await checkSubscriberUrl('https://[2606:4700:4700::1111]:8443/h', production), 'https://[2606:4700:4700::1111]:8443/h');
  t.equal(await checkSubscriberUrl('http://127.0.0.1:9/hook', development), 'http://127.0.0.1:9/hook', 'outside production loopback http is fine');
  await t.rejects(checkSubscriberUrl('https://user@127.0.0.1/', development), AddressRefused, 'credentials are refused everywhere');
  await t.rejects(checkSubscriberUrl('https://no-such-host.invalid/', production), /does not resolve/);
});

t.test('at delivery time literals are checked directly and names through the guarded lookup', async (t) => {
  t.throws(() => checkDeliveryUrl('https://127.0.0.1/x', production), AddressRefused);
  t.throws(() => checkDeliveryUrl('http://93.184.215.14/x', production), /must be https/);
  t.equal(checkDeliveryUrl('https://93.184.215.14/x', production).hostname, '93.184.215.14');
  t.equal(checkDeliveryUrl('http://127.0.0.1/x', development).hostname, '127.0.0.1');

  const lookup = (policy: { production: boolean }, all: boolean) =>
    new Promise<{ err: Error | null; address: string | LookupAddress[] }>((resolve) => guardedLookup(policy)('localhost', { all }, (err, address) => resolve({ err, address })));
  const refused = await lookup(production, true);
  t.type(refused.err, AddressRefused, 'localhost resolves to loopback: refused in production');
  t.match(refused.err?.message, /loopback/);
  const allowed = await lookup(development, true);
  t.equal(allowed.err, null);
  t.ok(Array.isArray(allowed.address) && allowed.address.length > 0, 'every checked address is handed to the socket');
  const single = await lookup(development, false);
  t.match(single.address, /^(127\.0\.0\.1|::1)$/, 'or the first one, when one is asked for');
  const missing = await new Promise<Error | null>((resolve) => guardedLookup(development)('no-such-host.invalid', {}, (err) => resolve(err)));
  t.ok(missing, 'a name that does not resolve is an error');
});
