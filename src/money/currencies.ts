// ISO 4217 currencies Spinney accepts, with their minor-unit digits (JPY 0, USD 2, KWD 3).
// Amounts are stored as integer minor units; the digits say how to show and round them.
export const CURRENCY_MINOR_DIGITS: Readonly<Record<string, 0 | 2 | 3>> = Object.freeze({
  AED: 2, ARS: 2, AUD: 2, BGN: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2,
  CZK: 2, DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, ISK: 0,
  JOD: 3, JPY: 0, KRW: 0, KWD: 3, MAD: 2, MXN: 2, MYR: 2, NGN: 2, NOK: 2, NZD: 2, OMR: 3,
  PHP: 2, PKR: 2, PLN: 2, QAR: 2, RON: 2, RSD: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3,
  TRY: 2, TWD: 2, UAH: 2, USD: 2, VND: 0, ZAR: 2,
});

export type CurrencyCode = keyof typeof CURRENCY_MINOR_DIGITS;

export function isKnownCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_DIGITS, code);
}

/** Minor-unit digits of a known currency; throws for an unknown code (validate first). */
export function minorDigits(code: string): 0 | 2 | 3 {
  if (!isKnownCurrency(code)) throw new RangeError(`unknown currency ${code}`);
  return CURRENCY_MINOR_DIGITS[code]!;
}

/** Largest amount in minor units Spinney stores: exact in a JS number and in SQLite INTEGER. */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

export function isValidMinorAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
