// Record ids: drawn from a pool the CSPRNG refills, they must stay distinct, well-formed and
// uniformly spread across refills (a pool reused or an offset off by one would show here).
import t from 'tap';
import { isId, newId } from '../../src/http/ids.js';

t.test('ids stay distinct, well-formed and evenly spread across many pool refills', async (t) => {
  const count = 20_000; // about 78 refills of the 256-id pool
  const seen = new Set<string>();
  const letters = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const id = newId(i % 2 === 0 ? 'contact' : 'auditEvent');
    seen.add(id);
    if (!isId(i % 2 === 0 ? 'contact' : 'auditEvent', id)) t.fail(`malformed id ${id}`);
    for (const letter of id.slice(3)) letters.set(letter, (letters.get(letter) ?? 0) + 1);
  }
  t.equal(seen.size, count, 'no id repeats');
  t.equal(letters.size, 32, 'every base32 character occurs');
  // 480,000 characters over 32 symbols: 15,000 each expected; 5 % either way is far outside chance.
  const counts = [...letters.values()];
  t.ok(Math.min(...counts) > 14_250 && Math.max(...counts) < 15_750, `characters evenly spread (${Math.min(...counts)}–${Math.max(...counts)})`);
});
