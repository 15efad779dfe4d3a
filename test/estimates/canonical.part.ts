// The revision hash: canonical JSON of the content (sorted keys, integers only) and its SHA-256.
// The same content in any key order gives the same hash; any change to the content changes it.
import { createHash } from 'node:crypto';
import t from 'tap';
import { canonicalEstimateContent } from '../../src/estimates/canonical.js';
import { EstimateContentError, type EstimateContent } from '../../src/estimates/totals.js';

function content(): EstimateContent {
  return {
    currency: 'EUR',
    sections: [{
      title: 'Roof',
      showOnlySectionTotal: true,
      items: [
        { id: 'a', description: 'Tiles ✓ "clay"', quantity: '12.5', unit: 'm²', unitPrice: 4250, taxRateBp: 1900, discount: { kind: 'percent', bp: 500 } },
        { id: 'b', description: 'Labour', quantity: '8', unit: 'h', unitPrice: 6500, taxRateBp: 1900, optional: true },
      ],
    }],
    deposit: { kind: 'percent', bp: 3000, dueDate: '2027-01-31' },
    terms: 'Payable in 14 days',
  };
}

/** The same object with every object's keys in reverse insertion order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}

t.test('canonical JSON: sorted keys, no whitespace, and its SHA-256 in hex', async (t) => {
  const { json, sha256 } = await canonicalEstimateContent(content());
  t.ok(json.startsWith('{"currency":"EUR","deposit":{"bp":3000,"dueDate":"2027-01-31","kind":"percent"},"sections":[{"items":[{"description":'), json);
  t.notMatch(json, /\s(?=(?:[^"]*"[^"]*")*[^"]*$)/, 'no whitespace outside strings');
  t.same(JSON.parse(json), content(), 'it is the same content');
  t.match(sha256, /^[0-9a-f]{64}$/);
  t.equal(sha256, createHash('sha256').update(json, 'utf8').digest('hex'), 'SHA-256 of the UTF-8 bytes');
});

t.test('the hash does not depend on key order or on members left undefined', async (t) => {
  const { sha256 } = await canonicalEstimateContent(content());
  t.equal((await canonicalEstimateContent(reversedKeys(content()) as EstimateContent)).sha256, sha256, 'keys in another order');
  t.equal((await canonicalEstimateContent({ ...content(), notes: undefined })).sha256, sha256, 'an undefined member is absent');
});

t.test('any change to the content changes the hash', async (t) => {
  const { sha256 } = await canonicalEstimateContent(content());
  const changes: [string, (c: EstimateContent) => void][] = [
    ['a quantity', (c) => { c.sections[0]!.items[0]!.quantity = '12.50'; }],
    ['a unit price by one minor unit', (c) => { c.sections[0]!.items[0]!.unitPrice += 1; }],
    ['a description by one character', (c) => { c.sections[0]!.items[1]!.description = 'Labour.'; }],
    ['the section-total flag', (c) => { c.sections[0]!.showOnlySectionTotal = false; }],
    ['the order of items', (c) => { c.sections[0]!.items.reverse(); }],
    ['the deposit due date', (c) => { c.deposit!.dueDate = '2027-02-01'; }],
    ['the currency', (c) => { c.currency = 'USD'; }],
    ['the terms', (c) => { c.terms = null; }],
    ['an added note', (c) => { c.notes = 'Gate code 1234'; }],
  ];
  const seen = new Set([sha256]);
  for (const [what, change] of changes) {
    const changed = content();
    change(changed);
    const hash = (await canonicalEstimateContent(changed)).sha256;
    t.notOk(seen.has(hash), `changing ${what} gives a new hash`);
    seen.add(hash);
  }
});

t.test('content that has no single canonical form is refused with the field named', async (t) => {
  const refusals: [string, (c: EstimateContent) => void, string][] = [
    ['a fraction', (c) => { c.sections[0]!.items[0]!.unitPrice = 42.5; }, 'sections[0].items[0].unitPrice'],
    ['NaN', (c) => { c.sections[0]!.items[1]!.taxRateBp = Number.NaN; }, 'sections[0].items[1].taxRateBp'],
    ['an unsafe integer', (c) => { c.sections[0]!.items[0]!.unitPrice = 2 ** 53; }, 'sections[0].items[0].unitPrice'],
    ['a Date object', (c) => { (c as unknown as { validUntil: Date }).validUntil = new Date(0); }, 'validUntil'],
    ['a bigint', (c) => { (c.deposit as unknown as { bp: bigint }).bp = 30n; }, 'deposit.bp'],
  ];
  for (const [what, change, field] of refusals) {
    const changed = content();
    change(changed);
    await t.rejects(canonicalEstimateContent(changed), new EstimateContentError(field, 'x').constructor, `${what} refused`);
    const error = await canonicalEstimateContent(changed).catch((e: unknown) => e);
    t.equal((error as EstimateContentError).field, field, `${what} → ${field}`);
  }
  const top = await canonicalEstimateContent('not content' as unknown as EstimateContent);
  t.equal(top.json, '"not content"', 'a bare string is its own JSON');
});
