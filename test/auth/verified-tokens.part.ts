import t from 'tap';
import { VerifiedTokens } from '../../src/auth/verified-tokens.js';
import { systemClock } from '../../src/time/clock.js';

const auth = (expiresAtMs: number) => ({ tenantId: 'tn_aaaaaaaaaaaaaaaaaaaaaaaa', userId: 'us_a', role: 'viewer' as const, sessionId: 'ss_a', expiresAtMs, support: false });

t.test('a verified token is remembered until its own expiry, and no longer', async (t) => {
  const cache = new VerifiedTokens(10);
  const entry = auth(Date.now() + 60);
  cache.remember('token-1', entry, systemClock);
  t.same(cache.get('token-1'), entry);
  t.equal(cache.get('token-2'), undefined, 'only the exact token string matches');
  await new Promise((resolve) => setTimeout(resolve, 80));
  t.equal(cache.get('token-1'), undefined, 'gone after expiry');
  cache.remember('token-3', auth(Date.now() - 1), systemClock);
  t.equal(cache.get('token-3'), undefined, 'an already-expired token is never stored');
});

t.test('the cache is bounded and can be turned off', async (t) => {
  const cache = new VerifiedTokens(2);
  for (const token of ['a', 'b', 'c']) cache.remember(token, auth(Date.now() + 60_000), systemClock);
  t.equal(cache.size, 2);
  t.equal(cache.get('a'), undefined, 'the oldest is evicted');
  const off = new VerifiedTokens(0);
  off.remember('a', auth(Date.now() + 60_000), systemClock);
  t.equal(off.get('a'), undefined);
  t.equal(off.size, 0);
});
