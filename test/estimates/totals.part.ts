// The estimate totals rule (per line, half to even, then sums) against hand-computed cases in
// currencies of 0, 2 and 3 minor digits; picks, deposits, every refusal, a 10,000-line estimate,
// and random estimates whose totals must add up however they are summed.
import t from 'tap';
import {
  computeEstimateTotals,
  divideHalfEven,
  EstimateContentError,
  MAX_LINE_ITEMS,
  type EstimateContent,
  type EstimateLineItem,
  type EstimateSelection,
} from '../../src/estimates/totals.js';
import { estimate, line, section } from './fixtures.js';

const amounts = (l: { gross: number; discount: number; net: number; tax: number; total: number }) => [l.gross, l.discount, l.net, l.tax, l.total];

t.test('USD: half-even gross, percent discount, tax per line, sums, deposit percent', async (t) => {
  const content = estimate(
    'USD',
    section([
      line('2.5', 1999, { taxRateBp: 825 }), // 4997.5 → 4998 (tie, 4997 odd); tax 412.335 → 412
      line('3', 1000, { taxRateBp: 825, discount: { kind: 'percent', bp: 1000 } }), // 3000 − 300 = 2700; tax 222.75 → 223
    ], 'Kitchen'),
    section([line('7.25', 8500)], 'Labour'), // 61625, no tax
  );
  content.deposit = { kind: 'percent', bp: 2500, dueDate: '2027-01-15' };
  const totals = computeEstimateTotals(content);
  t.equal(totals.currency, 'USD');
  t.equal(totals.minorDigits, 2);
  const [kitchen, labour] = totals.sections;
  t.same(amounts(kitchen!.lines[0]!), [4998, 0, 4998, 412, 5410]);
  t.same(amounts(kitchen!.lines[1]!), [3000, 300, 2700, 223, 2923]);
  t.same(amounts(kitchen!), [7998, 300, 7698, 635, 8333], 'section totals are sums of the rounded lines');
  t.equal(kitchen!.title, 'Kitchen');
  t.same(amounts(labour!), [61625, 0, 61625, 0, 61625]);
  t.same([totals.subtotal, totals.discountTotal, totals.netTotal, totals.taxTotal, totals.grandTotal], [69623, 300, 69323, 635, 69958]);
  t.same(totals.taxes, [
    { rateBp: 0, net: 61625, tax: 0 },
    { rateBp: 825, net: 7698, tax: 635 },
  ], 'tax grouped by rate, lowest first');
  t.same(totals.deposit, { amount: 17490, dueDate: '2027-01-15' }, '25 % of 69958 = 17489.5 → 17490 (tie to even)');
});

t.test('EUR: fixed discount, two VAT rates, deposit fixed and capped at the grand total', async (t) => {
  const content = estimate('EUR', section([
    line('4', 2500, { taxRateBp: 1900, discount: { kind: 'fixed', amount: 1000 } }), // 10000 − 1000; tax 1710
    line('1', 1234, { taxRateBp: 700 }), // tax 86.38 → 86
  ]));
  const totals = computeEstimateTotals(content);
  t.same(amounts(totals.sections[0]!.lines[0]!), [10000, 1000, 9000, 1710, 10710]);
  t.same(amounts(totals.sections[0]!.lines[1]!), [1234, 0, 1234, 86, 1320]);
  t.equal(totals.grandTotal, 12030);
  t.same(totals.taxes, [{ rateBp: 700, net: 1234, tax: 86 }, { rateBp: 1900, net: 9000, tax: 1710 }]);
  t.equal(totals.deposit, null, 'no deposit asked');
  const deposit = (d: EstimateContent['deposit']) => computeEstimateTotals({ ...content, deposit: d }).deposit;
  t.same(deposit({ kind: 'percent', bp: 3000, dueDate: null }), { amount: 3609, dueDate: null });
  t.same(deposit({ kind: 'fixed', amount: 5000, dueDate: '2027-02-28' }), { amount: 5000, dueDate: '2027-02-28' });
  t.same(deposit({ kind: 'fixed', amount: 20000, dueDate: null }), { amount: 12030, dueDate: null }, 'never more than the total');
});

t.test('JPY (0 digits): amounts are whole yen, ties go to even', async (t) => {
  const totals = computeEstimateTotals(estimate('JPY', section([
    line('1.5', 333, { taxRateBp: 1000 }), // 499.5 → 500; tax 50
    line('2', 1250, { taxRateBp: 800 }), // 2500; tax 200
    line('0.5', 125, { taxRateBp: 1000 }), // 62.5 → 62; tax 6.2 → 6
  ])));
  t.equal(totals.minorDigits, 0);
  t.same(totals.sections[0]!.lines.map((l) => l.total), [550, 2700, 68]);
  t.equal(totals.grandTotal, 3318);
  t.same(totals.taxes, [{ rateBp: 800, net: 2500, tax: 200 }, { rateBp: 1000, net: 562, tax: 56 }]);
});

t.test('KWD (3 digits): fils, with a percent discount that ties', async (t) => {
  const totals = computeEstimateTotals(estimate('KWD', section([
    line('0.333', 1250, { taxRateBp: 500 }), // 416.25 → 416; tax 20.8 → 21
    line('12', 4125, { taxRateBp: 500, discount: { kind: 'percent', bp: 250 } }), // 49500; discount 1237.5 → 1238; net 48262; tax 2413.1 → 2413
  ])));
  t.equal(totals.minorDigits, 3);
  t.same(amounts(totals.sections[0]!.lines[0]!), [416, 0, 416, 21, 437]);
  t.same(amounts(totals.sections[0]!.lines[1]!), [49500, 1238, 48262, 2413, 50675]);
  t.equal(totals.grandTotal, 51112);
});

t.test('half to even, both ways, at every rounding step', async (t) => {
  const gross = (quantity: string, price: number) => computeEstimateTotals(estimate('USD', section([line(quantity, price)]))).grandTotal;
  const cases: [string, number, number][] = [
    ['0.5', 1, 0], ['1.5', 1, 2], ['2.5', 1, 2], ['3.5', 1, 4], ['0.001', 500, 0], ['0.003', 500, 2],
    ['0.499', 1, 0], ['0.501', 1, 1], ['0.75', 2, 2], ['0', 999, 0], ['999999999.999', 0, 0],
  ];
  for (const [quantity, price, expected] of cases) t.equal(gross(quantity, price), expected, `${quantity} × ${price} → ${expected}`);
  const tax = (net: number, rateBp: number) => computeEstimateTotals(estimate('USD', section([line('1', net, { taxRateBp: rateBp })]))).taxTotal;
  t.equal(tax(25, 1000), 2, 'tax 2.5 → 2');
  t.equal(tax(35, 1000), 4, 'tax 3.5 → 4');
  t.equal(tax(15, 5000), 8, 'tax 7.5 → 8');
  t.equal(tax(100, 10000), 100, 'a 100 % rate is allowed');
  const discount = (price: number) => computeEstimateTotals(estimate('USD', section([line('1', price, { discount: { kind: 'percent', bp: 1000 } })]))).discountTotal;
  t.equal(discount(25), 2, 'discount 2.5 → 2');
  t.equal(discount(35), 4, 'discount 3.5 → 4');
  t.equal(divideHalfEven(7n, 2n), 4n);
  t.equal(divideHalfEven(5n, 2n), 2n);
  t.equal(divideHalfEven(0n, 7n), 0n);
});

t.test('optional items count only when picked; one choice per alternative group counts', async (t) => {
  const content: EstimateContent = {
    currency: 'USD',
    sections: [
      section([line('1', 10000, { id: 'base' }), line('1', 2500, { id: 'extra', optional: true })], 'Prep'),
      section([
        line('10', 30000, { id: 'good', alternative: { group: 'windows', choice: 'good' } }),
        line('10', 45000, { id: 'better', alternative: { group: 'windows', choice: 'better' } }),
        line('10', 60000, { id: 'best', alternative: { group: 'windows', choice: 'best' } }),
      ], 'Windows'),
    ],
    alternativeGroups: [{
      id: 'windows',
      title: 'Window grade',
      choices: [{ id: 'good', title: 'Vinyl' }, { id: 'better', title: 'Wood' }, { id: 'best', title: 'Wood-alu' }],
      defaultChoice: 'better',
    }],
  };
  const byDefault = computeEstimateTotals(content);
  t.equal(byDefault.grandTotal, 460000, 'base + the default choice; the optional extra is out');
  t.same(byDefault.sections.flatMap((s) => s.lines.map((l) => [l.id, l.counted])), [
    ['base', true], ['extra', false], ['good', false], ['better', true], ['best', false],
  ]);
  t.equal(byDefault.sections[1]!.lines[0]!.total, 300000, 'an uncounted line still shows its price');
  t.equal(byDefault.sections[1]!.total, 450000);
  const picked = computeEstimateTotals(content, { optionalItems: ['extra'], alternatives: { windows: 'best' } });
  t.equal(picked.grandTotal, 10000 + 2500 + 600000);
  t.equal(picked.sections[0]!.total, 12500);
  t.same(computeEstimateTotals(content, { alternatives: { windows: 'good' } }).grandTotal, 310000);
});

function refusal(compute: () => unknown): EstimateContentError | undefined {
  try {
    compute();
  } catch (error) {
    return error as EstimateContentError;
  }
  return undefined;
}

/** A valid content with one line in one section, to break one field at a time. */
function validContent(): EstimateContent {
  return {
    currency: 'USD',
    sections: [section([line('1', 100, { id: 'a', optional: true, alternative: { group: 'g', choice: 'x' } })])],
    alternativeGroups: [{ id: 'g', title: 'Grade', choices: [{ id: 'x', title: 'X' }], defaultChoice: 'x' }],
    deposit: { kind: 'percent', bp: 1000, dueDate: null },
  };
}

t.test('refuses bad content with an error naming the field, and computes nothing', async (t) => {
  const item = (content: EstimateContent) => content.sections[0]!.items[0]!;
  const bigLine = (price: number, more: Partial<EstimateLineItem> = {}) => line('1', price, more);
  const cases: [string, (c: EstimateContent) => void, string, EstimateSelection?][] = [
    ['negative quantity', (c) => { item(c).quantity = '-1'; }, 'sections[0].items[0].quantity'],
    ['more than 3 decimals', (c) => { item(c).quantity = '1.2345'; }, 'sections[0].items[0].quantity'],
    ['absurd quantity', (c) => { item(c).quantity = '1000000000'; }, 'sections[0].items[0].quantity'],
    ['exponent quantity', (c) => { item(c).quantity = '1e3'; }, 'sections[0].items[0].quantity'],
    ['quantity as a number', (c) => { (item(c) as unknown as { quantity: number }).quantity = 2; }, 'sections[0].items[0].quantity'],
    ['negative price', (c) => { item(c).unitPrice = -1; }, 'sections[0].items[0].unitPrice'],
    ['fractional price', (c) => { item(c).unitPrice = 1.5; }, 'sections[0].items[0].unitPrice'],
    ['price beyond 2^53', (c) => { item(c).unitPrice = 2 ** 53; }, 'sections[0].items[0].unitPrice'],
    ['tax over 100 %', (c) => { item(c).taxRateBp = 10001; }, 'sections[0].items[0].taxRateBp'],
    ['negative tax', (c) => { item(c).taxRateBp = -1; }, 'sections[0].items[0].taxRateBp'],
    ['discount over 100 %', (c) => { item(c).discount = { kind: 'percent', bp: 10001 }; }, 'sections[0].items[0].discount.bp'],
    ['discount over the line', (c) => { item(c).discount = { kind: 'fixed', amount: 101 }; }, 'sections[0].items[0].discount.amount'],
    ['negative fixed discount', (c) => { item(c).discount = { kind: 'fixed', amount: -1 }; }, 'sections[0].items[0].discount.amount'],
    ['unknown discount kind', (c) => { item(c).discount = { kind: 'bogus' } as never; }, 'sections[0].items[0].discount.kind'],
    ['unknown currency', (c) => { c.currency = 'XXX'; }, 'currency'],
    ['inherited name as currency', (c) => { c.currency = 'toString'; }, 'currency'],
    ['line total beyond 2^53', (c) => { c.sections[0]!.items.push(line('2', Number.MAX_SAFE_INTEGER)); }, 'sections[0].items[1]'],
    ['line total beyond 2^53 by its tax', (c) => { c.sections[0]!.items.push(bigLine(Number.MAX_SAFE_INTEGER, { taxRateBp: 100 })); }, 'sections[0].items[1]'],
    ['section total beyond 2^53', (c) => { c.sections[0]!.items.push(bigLine(2 ** 52), bigLine(2 ** 52)); }, 'sections[0]'],
    ['grand total beyond 2^53', (c) => { c.sections.push(section([bigLine(2 ** 52)]), section([bigLine(2 ** 52)])); }, 'sections'],
    ['subtotal beyond 2^53 though discounted', (c) => {
      const free = { discount: { kind: 'percent', bp: 10000 } } as const;
      c.sections.push(section([bigLine(2 ** 52, free)]), section([bigLine(2 ** 52, free)]));
    }, 'sections'],
    ['more than 10,000 lines', (c) => { c.sections.push(section(Array.from({ length: MAX_LINE_ITEMS }, () => line('1', 1)))); }, 'sections'],
    ['empty item id', (c) => { item(c).id = ''; }, 'sections[0].items[0].id'],
    ['duplicate item id', (c) => { c.sections.push(section([line('1', 1, { id: 'a' })])); }, 'sections[1].items[0].id'],
    ['item in an unknown group', (c) => { item(c).alternative = { group: 'nope', choice: 'x' }; }, 'sections[0].items[0].alternative.group'],
    ['item for an unknown choice', (c) => { item(c).alternative = { group: 'g', choice: 'nope' }; }, 'sections[0].items[0].alternative.choice'],
    ['group without id', (c) => { c.alternativeGroups![0]!.id = ''; }, 'alternativeGroups[0].id'],
    ['duplicate group', (c) => { c.alternativeGroups!.push({ ...c.alternativeGroups![0]! }); }, 'alternativeGroups[1].id'],
    ['choice without id', (c) => { c.alternativeGroups![0]!.choices.push({ id: '', title: 'Y' }); }, 'alternativeGroups[0].choices[1].id'],
    ['default not a choice', (c) => { c.alternativeGroups![0]!.defaultChoice = 'y'; }, 'alternativeGroups[0].defaultChoice'],
    ['deposit over 100 %', (c) => { c.deposit = { kind: 'percent', bp: 10001, dueDate: null }; }, 'deposit.bp'],
    ['negative fixed deposit', (c) => { c.deposit = { kind: 'fixed', amount: -5, dueDate: null }; }, 'deposit.amount'],
    ['unknown deposit kind', (c) => { c.deposit = { kind: 'bogus', dueDate: null } as never; }, 'deposit.kind'],
    ['deposit due date not a date', (c) => { c.deposit = { kind: 'fixed', amount: 5, dueDate: '2027-13-01' }; }, 'deposit.dueDate'],
    ['pick of an item that is not optional', () => {}, 'selection.optionalItems[1]', { optionalItems: ['a', 'zzz'] }],
    ['pick in an unknown group', () => {}, 'selection.alternatives.nope', { alternatives: { nope: 'x' } }],
    ['pick of an unknown choice', () => {}, 'selection.alternatives.g', { alternatives: { g: 'y' } }],
  ];
  t.equal(computeEstimateTotals(validContent(), { optionalItems: ['a'] }).grandTotal, 100, 'the unbroken content computes');
  for (const [name, breakIt, field, selection] of cases) {
    const content = validContent();
    breakIt(content);
    const error = refusal(() => computeEstimateTotals(content, selection));
    t.ok(error instanceof EstimateContentError, `${name}: refused`);
    t.same([error?.field, error?.code, error?.message.startsWith(`${field}: `)], [field, 'invalid_field', true], `${name} → ${field}`);
  }
});

// A guard against a hang or a quadratic rule, not a benchmark: about 30 ms on a quiet machine, and the
// suite must stay green at a load average of 4 (the bound has a wide margin).
t.test('a 10,000-line estimate computes in well under a second', async (t) => {
  const sections = Array.from({ length: 100 }, (_, s) =>
    section(Array.from({ length: 100 }, (_, i) => line(`${i}.${s % 10}25`, 1000 + i * 37, { taxRateBp: (i % 4) * 500, discount: i % 3 ? null : { kind: 'percent', bp: 750 } }))),
  );
  const content = estimate('EUR', ...sections);
  computeEstimateTotals(content); // warm-up
  const timings: number[] = [];
  let grandTotal = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    grandTotal = computeEstimateTotals(content).grandTotal;
    timings.push(performance.now() - started);
  }
  const best = Math.min(...timings);
  t.comment(`10,000 lines: ${timings.map((ms) => ms.toFixed(1)).join(' / ')} ms (best ${best.toFixed(1)} ms)`);
  t.ok(grandTotal > 0);
  t.ok(best < 1000, `best of 3 runs took ${best.toFixed(1)} ms`);
});

/** Seeded PRNG (mulberry32): the same random estimates on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference rounding in plain numbers (values kept below 2^53): n / d, half to even. */
function referenceHalfEven(n: number, d: number): number {
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  if (remainder * 2 > d || (remainder * 2 === d && quotient % 2 === 1)) return quotient + 1;
  return quotient;
}

t.test('random estimates: every way of summing gives the same grand total', async (t) => {
  const random = prng(20261205);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const mismatches: string[] = [];
  let checkedLines = 0;
  let countedLines = 0;
  for (let round = 0; round < 200; round++) {
    const groups = Array.from({ length: Math.floor(random() * 3) }, (_, g) => ({
      id: `g${g}`, title: `Group ${g}`, choices: [{ id: 'good', title: 'Good' }, { id: 'better', title: 'Better' }, { id: 'best', title: 'Best' }], defaultChoice: 'better',
    }));
    const sections = Array.from({ length: 1 + Math.floor(random() * 4) }, () => section(Array.from({ length: Math.floor(random() * 15) }, () => {
      const quantity = `${Math.floor(random() * 1000)}${random() < 0.7 ? `.${Math.floor(random() * 1000)}`.slice(0, 2 + Math.floor(random() * 3)) : ''}`;
      const kind = random();
      return line(quantity, Math.floor(random() * 1_000_000), {
        taxRateBp: pick([0, 500, 700, 825, 1900, 2000, 2500]),
        discount: kind < 0.2 ? { kind: 'percent', bp: Math.floor(random() * 10001) } : kind < 0.3 ? { kind: 'fixed', amount: 0 } : null,
        optional: random() < 0.15,
        alternative: groups.length && random() < 0.2 ? { group: pick(groups).id, choice: pick(['good', 'better', 'best']) } : null,
      });
    })));
    const content: EstimateContent = { currency: pick(['USD', 'JPY', 'KWD', 'EUR']), sections, alternativeGroups: groups };
    const optional = sections.flatMap((s) => s.items.filter((item) => item.optional && random() < 0.5).map((item) => item.id));
    const selection: EstimateSelection = { optionalItems: optional, alternatives: Object.fromEntries(groups.filter(() => random() < 0.5).map((g) => [g.id, pick(['good', 'best'])])) };
    const totals = computeEstimateTotals(content, selection);
    const lines = totals.sections.flatMap((s) => s.lines);
    const counted = lines.filter((l) => l.counted);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const sums = {
      lineTotals: sum(counted.map((l) => l.total)),
      sectionTotals: sum(totals.sections.map((s) => s.total)),
      netPlusTax: totals.netTotal + totals.taxTotal,
      taxesByRate: sum(totals.taxes.map((r) => r.net + r.tax)),
    };
    if (Object.values(sums).some((value) => value !== totals.grandTotal) || totals.netTotal !== totals.subtotal - totals.discountTotal) {
      mismatches.push(`round ${round}: grand ${totals.grandTotal} vs ${JSON.stringify(sums)}`);
    }
    // Each line against an independent plain-number computation of the documented rule.
    for (const [index, item] of sections.flatMap((s) => s.items).entries()) {
      const [whole, fraction = ''] = item.quantity.split('.');
      const gross = referenceHalfEven(Number(whole) * 1000 * item.unitPrice + Number(fraction.padEnd(3, '0')) * item.unitPrice, 1000);
      const discount = item.discount?.kind === 'percent' ? referenceHalfEven(gross * item.discount.bp, 10000) : 0;
      const tax = referenceHalfEven((gross - discount) * item.taxRateBp, 10000);
      const expected = [gross, discount, gross - discount, tax, gross - discount + tax];
      const actual = amounts(lines[index]!);
      if (actual.join() !== expected.join()) mismatches.push(`round ${round} line ${index}: ${actual.join()} ≠ ${expected.join()}`);
      checkedLines += 1;
    }
    countedLines += counted.length;
  }
  t.same(mismatches, [], 'grand total = Σ counted lines = Σ sections = net + tax = Σ per rate; every line = the reference');
  t.comment(`${checkedLines} random lines (${countedLines} counted) checked against the reference computation`);
  t.ok(checkedLines > 1000 && countedLines < checkedLines, 'enough lines, some of them not counted');
});
