// The estimate PDF and its presentation: the text a customer reads (numbers, totals in 0/2/3-digit
// currencies, footer with the short hash on every page), hidden section lines, the certificate page
// only when accepted, page breaks for 500 lines, hostile text, and identical bytes for identical input.
import t from 'tap';
import { renderEstimatePdf, winAnsiText } from '../../src/estimates/estimate-pdf.js';
import { estimatePresentation, formatMoney, shortHash, type EstimateDocument } from '../../src/estimates/estimate-presentation.js';
import type { EstimateContent } from '../../src/estimates/totals.js';
import { estimate, line, section } from './fixtures.js';

const HASH = '3f2a9c410be7' + '5'.repeat(52);

function document(content: EstimateContent, more: Partial<EstimateDocument> = {}): EstimateDocument {
  return {
    workspaceName: 'Acme Builders',
    number: 'EST-0001',
    revision: 2,
    state: 'sent',
    issuedAt: '2026-03-04T09:30:00Z',
    contact: { name: 'Dana Customer', company: 'Dana Ltd', address: ['1 High Street', 'Springfield'] },
    siteAddress: ['7 Site Road'],
    content,
    contentSha256: HASH,
    timeZone: 'Europe/London',
    ...more,
  };
}

/** Text of each page (uncompressed content streams; pdfkit writes text as hex strings in TJ arrays). */
function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const pages: string[] = [];
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const body = match[1]!;
    if (!body.includes('TJ')) continue;
    const lines = [...body.matchAll(/\[(.*?)\] TJ/g)].map((tj) =>
      [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages;
}

const render = (doc: EstimateDocument) => renderEstimatePdf(doc, { compress: false });

t.test('money keeps each currency\'s minor digits; the short hash is 12 hex chars in groups of 4', async (t) => {
  t.equal(formatMoney(123456, 'USD', 2), 'USD 1,234.56');
  t.equal(formatMoney(1234567, 'JPY', 0), 'JPY 1,234,567');
  t.equal(formatMoney(1234, 'KWD', 3), 'KWD 1.234');
  t.equal(formatMoney(-5, 'USD', 2), '-USD 0.05');
  t.equal(shortHash(HASH), '3f2a 9c41 0be7');
  t.equal(shortHash(null), null);
});

t.test('USD estimate: number, customer, lines, totals, tax per rate, deposit, terms, footer', async (t) => {
  const content: EstimateContent = {
    ...estimate('USD', section([line('2', 10_050, { description: 'Paint walls', taxRateBp: 2000 }), line('1', 999, { description: 'Brushes' })])),
    deposit: { kind: 'percent', bp: 3000, dueDate: '2026-04-01' },
    validUntil: '2026-04-30',
    terms: 'Payment within 14 days.',
    notes: 'Parking on site.',
  };
  const pdf = await render(document(content));
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  t.equal(pdf.toString('latin1').trimEnd().slice(-5), '%%EOF');
  const pages = pageTexts(pdf);
  t.equal(pages.length, 1);
  const text = pages[0]!;
  for (const expected of [
    'Acme Builders', 'Estimate EST-0001 v2', 'Issued 2026-03-04', 'Valid until 2026-04-30', 'Dana Customer', '7 Site Road',
    'Paint walls', 'USD 100.50', 'USD 241.20', 'Brushes', 'USD 9.99', 'Tax 20% on USD 201.00', 'USD 40.20', 'USD 251.19',
    'Deposit due by 2026-04-01', 'USD 75.36', 'Payment within 14 days.', 'Parking on site.',
    'EST-0001 v2 · page 1 of 1 · content 3f2a 9c41 0be7',
  ]) {
    t.ok(text.includes(expected), `page shows ${expected}`);
  }
  t.notOk(text.includes('Certificate of acceptance'), 'no certificate when not accepted');
});

t.test('JPY and KWD totals are printed with 0 and 3 decimals', async (t) => {
  const jpy = pageTexts(await render(document(estimate('JPY', section([line('3', 1500)])))))[0]!;
  t.ok(jpy.includes('JPY 4,500'));
  t.notOk(jpy.includes('JPY 4,500.'));
  const kwd = pageTexts(await render(document(estimate('KWD', section([line('1', 12_345)])))))[0]!;
  t.ok(kwd.includes('KWD 12.345'));
});

t.test('a section showing only its total hides its lines but prints its total', async (t) => {
  const hidden = { ...section([line('1', 70_000, { description: 'Secret labour' }), line('1', 5_000, { description: 'Secret parts' })], 'Kitchen'), showOnlySectionTotal: true };
  const shown = section([line('1', 100, { description: 'Visible item' })], 'Hall');
  const doc = document(estimate('USD', hidden, shown));
  const text = pageTexts(await render(doc)).join('\n');
  t.notOk(text.includes('Secret labour'));
  t.notOk(text.includes('Secret parts'));
  t.ok(text.includes('Kitchen'));
  t.ok(text.includes('USD 750.00'), 'section total');
  t.ok(text.includes('Visible item'));
  t.ok(text.includes('USD 751.00'), 'grand total counts the hidden lines');
  const view = estimatePresentation(doc);
  t.same(view.sections[0]!.rows, []);
  t.equal(view.sections[0]!.total, 'USD 750.00');
});

t.test('optional items and alternatives are marked; the picked choice counts', async (t) => {
  const content: EstimateContent = {
    ...estimate('USD', section([
      line('1', 1000, { id: 'opt', description: 'Extra coat', optional: true }),
      line('1', 2000, { id: 'good', description: 'Basic tiles', alternative: { group: 'tiles', choice: 'good' } }),
      line('1', 5000, { id: 'best', description: 'Marble tiles', alternative: { group: 'tiles', choice: 'best' } }),
    ])),
    alternativeGroups: [{ id: 'tiles', title: 'Tiles', choices: [{ id: 'good', title: 'Good' }, { id: 'best', title: 'Best' }], defaultChoice: 'good' }],
  };
  const view = estimatePresentation(document(content, { selection: { alternatives: { tiles: 'best' } } }));
  t.equal(view.totals.grandTotal, 'USD 50.00');
  t.same(view.alternatives[0]!.choices.map((c) => c.picked), [false, true]);
  const text = pageTexts(await render(document(content, { selection: { alternatives: { tiles: 'best' } } })))[0]!;
  t.ok(text.includes('[optional, not included]'));
  t.ok(text.includes('[Best, chosen]'));
  t.ok(text.includes('[Good, not chosen]'));
});

t.test('accepted: a final certificate page with name, time, consent, IP, user agent and full hash', async (t) => {
  const doc = document(estimate('USD', section([line('1', 100)])), {
    state: 'accepted',
    acceptance: { typedName: 'Dana C.', consentText: 'I accept this estimate.', decidedAt: '2026-03-05T12:00:00Z', ip: '203.0.113.9', userAgent: 'Mozilla/5.0 Test', contentSha256: HASH },
  });
  const pages = pageTexts(await render(doc));
  t.equal(pages.length, 2);
  const certificate = pages[1]!;
  for (const expected of ['Certificate of acceptance', 'Dana C.', 'I accept this estimate.', '2026-03-05 12:00:00 (Europe/London)', '203.0.113.9', 'Mozilla/5.0 Test', HASH]) {
    t.ok(certificate.includes(expected), `certificate shows ${expected}`);
  }
  t.notOk(pages[0]!.includes('Certificate of acceptance'));
  t.ok(certificate.includes('page 2 of 2 · content 3f2a 9c41 0be7'));
});

t.test('500 lines: many pages, each with the table header and the footer with the short hash', async (t) => {
  const items = Array.from({ length: 500 }, (_, i) => line('1', 100 + i, { description: `Line ${i} ` + 'long words '.repeat(i % 9) }));
  const small = pageTexts(await render(document(estimate('USD', section(items.slice(0, 5))))));
  const pages = pageTexts(await render(document(estimate('USD', section(items)))));
  t.equal(small.length, 1);
  t.ok(pages.length > 10, `${pages.length} pages`);
  pages.forEach((page, i) => {
    t.ok(page.includes(`EST-0001 v2 · page ${i + 1} of ${pages.length} · content 3f2a 9c41 0be7`), `footer on page ${i + 1}`);
  });
  t.ok(pages.slice(1, -1).every((page) => page.includes('Description') && page.includes('Unit price')), 'table header repeated');
  t.ok(pages.join('\n').includes('Line 499'));
});

t.test('hostile text does not crash and is printed with unprintable characters as ?', async (t) => {
  const hostile = '<script>alert(1)</script> \u202Eevil\u202C 🎉 日本 café';
  const long = 'x'.repeat(5000);
  t.equal(winAnsiText(hostile), '<script>alert(1)</script> ?evil? ? ?? café');
  const doc = document(estimate('USD', section([line('1', 100, { description: hostile }), line('1', 100, { description: long })], '🎉 Party')), {
    workspaceName: 'Ws \u202E 🎉',
    contact: { name: '<b>Bob</b> 😀' },
  });
  const pdf = await render(doc);
  const text = pageTexts(pdf).join('\n');
  t.ok(text.includes('<script>alert(1)</script>'));
  t.ok(text.includes('?evil?'));
  t.ok(text.includes('café'));
  t.ok(text.includes('<b>Bob</b> ?'));
  t.equal((text.match(/x/g) ?? []).length >= 5000, true, 'all 5,000 characters printed');
});

t.test('same input gives the same bytes (dates from the document, not the clock)', async (t) => {
  const doc = document(estimate('USD', section([line('1', 100)])));
  const first = await renderEstimatePdf(doc);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await renderEstimatePdf(doc);
  t.ok(first.equals(second));
  t.match(first.toString('latin1'), /\(D:20260304093000Z\)/, 'creation date is the issue date');
  const other = await renderEstimatePdf(document(estimate('USD', section([line('1', 101)]))));
  t.notOk(first.equals(other), 'different content, different bytes');
});

t.test('a PNG logo is drawn; the text stays real text', async (t) => {
  // 1×1 red PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const pdf = await render(document(estimate('USD', section([line('1', 100)])), { logo: { png } }));
  t.ok(pdf.toString('latin1').includes('/Subtype /Image'));
  t.ok(pageTexts(pdf)[0]!.includes('Acme Builders'));
  const broken = await render(document(estimate('USD', section([line('1', 100)])), { logo: { png: Buffer.from('not a png') } }));
  t.notOk(broken.toString('latin1').includes('/Subtype /Image'), 'an unreadable logo is left out');
  t.ok(pageTexts(broken)[0]!.includes('Acme Builders'));
});
