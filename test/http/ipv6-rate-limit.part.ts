// Rate limits key an IPv6 client by its /64 (issue 14 item 7): one subscriber's prefix holds 2^64
// addresses, so keying on the full address gave each of them a budget of its own.
import t from 'tap';
import { rateLimitKey } from '../../src/signin/client-key.js';
import { build } from '../helpers/app.js';

t.test('the key of a client address: IPv4 as is, IPv6 by its /64, IPv4-mapped as IPv4', async (t) => {
  t.equal(rateLimitKey('203.0.113.7'), '203.0.113.7');
  t.equal(rateLimitKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  t.equal(rateLimitKey('2001:0DB8:0001:0002:ffff::'), '2001:db8:1:2::/64', 'spelling does not matter');
  t.equal(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), 'one /64, one key');
  t.not(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:3::1'), 'the next /64 is another client');
  t.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7');
  t.equal(rateLimitKey('1:2:3:4:5:6:1.2.3.4'), '1:2:3:4::/64');
});

t.test('twenty addresses of one IPv6 /64 share one sign-in budget; another /64 and IPv4 have their own', async (t) => {
  const api = await build(t, { SPINNEY_RATE_LIMIT_SIGNIN: '20', SPINNEY_RATE_LIMIT: '100' });
  const nonce = (remoteAddress: string) => api.call({ method: 'POST', url: '/api/v1/auth/nonce', remoteAddress });
  const statuses: number[] = [];
  for (let i = 1; i <= 25; i += 1) statuses.push((await nonce(`2001:db8:aa:bb:${i.toString(16)}::${i.toString(16)}`)).statusCode);
  t.same(statuses, [...Array(20).fill(200), ...Array(5).fill(429)], 'a new address in the same /64 is no new budget');
  const refused = await nonce('2001:db8:aa:bb:ffff:ffff:ffff:fffe');
  t.equal(refused.json().error.code, 'rate_limited');
  t.ok(refused.headers['retry-after'], 'with Retry-After');
  t.equal((await nonce('2001:db8:aa:bc::1')).statusCode, 200, 'the neighbouring /64 is another client');
  t.equal((await nonce('198.51.100.9')).statusCode, 200, 'an IPv4 client has its own budget');
});
