// ISO 4217 code → minor-unit digits, for the totals module until the shared table
// (src/money/currencies.ts) lands on main; same function names so the swap is one import line.
const MINOR_DIGITS: Readonly<Record<string, 0 | 2 | 3>> = Object.freeze({
  AUD: 2, BHD: 3, CAD: 2, CHF: 2, CLP: 0, CZK: 2, DKK: 2, EUR: 2, GBP: 2, ISK: 0, JOD: 3,
  JPY: 0, KRW: 0, KWD: 3, NOK: 2, NZD: 2, OMR: 3, PLN: 2, SEK: 2, TND: 3, USD: 2, VND: 0,
});

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(MINOR_DIGITS, code);
}

/** Minor-unit digits of a known currency; throws for an unknown code (check isKnownCurrency first). */
export function minorDigits(code: string): 0 | 2 | 3 {
  const digits = MINOR_DIGITS[code];
  if (!isKnownCurrency(code) || digits === undefined) throw new RangeError(`unknown currency ${code}`);
  return digits;
}
