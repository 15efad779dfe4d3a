// The one rule for an estimate's money, used by the server and the web editor alike (pure, no I/O).
// Per line, in integer minor units, each amount exact in BigInt and rounded once, half to even:
//   gross = quantity × unitPrice   (quantity has ≤ 3 decimals: exact as thousandths × price / 1000)
//   discount = gross × percent  |  the fixed amount (never more than gross)
//   net = gross − discount;  tax = net × taxRate;  total = net + tax
// Sections, subtotal, discount, tax per rate and grand total are plain sums of the rounded lines of
// counted items (optional items only when picked, one choice per alternative group); the deposit is
// grand total × percent (rounded the same way) or the fixed amount, capped at the grand total.
// docs/estimates.md tells the story; bad input throws EstimateContentError naming the field.
import { isKnownCurrency, minorDigits } from '../money/currencies.js';

/** Most line items one estimate holds (all sections together): a clear limit, never a hang. */
export const MAX_LINE_ITEMS = 10_000;
/** Largest quantity accepted: nine integer digits, three decimals. */
export const MAX_QUANTITY = '999999999.999';
/** Basis points: 10,000 bp = 100 %. */
export const FULL_BP = 10_000;

export type Discount = { kind: 'percent'; bp: number } | { kind: 'fixed'; amount: number };
export type Deposit =
  | { kind: 'percent'; bp: number; dueDate: string | null }
  | { kind: 'fixed'; amount: number; dueDate: string | null };

export interface EstimateLineItem {
  /** Unique within the estimate; selections name items by it. */
  id: string;
  description: string;
  /** Decimal string, up to 3 decimals ("2", "1.5", "0.125"). */
  quantity: string;
  unit: string;
  /** Integer minor units of the estimate's currency (cents, yen, fils). */
  unitPrice: number;
  /** Basis points, 0..10000. */
  taxRateBp: number;
  discount?: Discount | null;
  /** An extra the customer may pick; counts only when picked. */
  optional?: boolean;
  /** Belongs to one choice of an alternative group; counts only when that choice is picked. */
  alternative?: { group: string; choice: string } | null;
}

export interface EstimateSection {
  title: string;
  /** The customer sees only the section's total, not its lines (totals are the same either way). */
  showOnlySectionTotal: boolean;
  items: EstimateLineItem[];
}

/** Good / better / best: exactly one choice counts, the customer's pick or else the default. */
export interface AlternativeGroup {
  id: string;
  title: string;
  choices: { id: string; title: string }[];
  defaultChoice: string;
}

export interface EstimateContent {
  /** ISO 4217 code. */
  currency: string;
  sections: EstimateSection[];
  alternativeGroups?: AlternativeGroup[];
  deposit?: Deposit | null;
  validUntil?: string | null;
  terms?: string | null;
  notes?: string | null;
}

/** What the customer picked: optional item ids, and a choice id per alternative group id. */
export interface EstimateSelection {
  optionalItems?: string[];
  alternatives?: Record<string, string>;
}

export interface Amounts {
  gross: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
}
export interface LineTotals extends Amounts {
  id: string;
  /** Whether the line is in the totals (false: an unpicked optional item or alternative). */
  counted: boolean;
}
export interface SectionTotals extends Amounts {
  title: string;
  showOnlySectionTotal: boolean;
  lines: LineTotals[];
}
export interface EstimateTotals {
  currency: string;
  minorDigits: 0 | 2 | 3;
  sections: SectionTotals[];
  subtotal: number;
  discountTotal: number;
  netTotal: number;
  taxTotal: number;
  /** One row per tax rate among counted lines, lowest rate first: taxable net and its tax. */
  taxes: { rateBp: number; net: number; tax: number }[];
  grandTotal: number;
  deposit: { amount: number; dueDate: string | null } | null;
}

/** Content the rule refuses; `field` is the path of the value (`sections[0].items[2].quantity`). */
export class EstimateContentError extends Error {
  readonly code = 'invalid_field';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'EstimateContentError';
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const QUANTITY = /^(0|[1-9]\d{0,8})(?:\.(\d{1,3}))?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** n / d rounded half to even, for n ≥ 0 and d > 0. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

function integerIn(value: unknown, min: number, max: number, field: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new EstimateContentError(field, `must be a whole number from ${min} to ${max}`);
  }
  return BigInt(value);
}

/** Quantity in thousandths of a unit. */
function thousandths(value: unknown, field: string): bigint {
  const match = typeof value === 'string' ? QUANTITY.exec(value) : null;
  if (!match) throw new EstimateContentError(field, `must be a decimal string from 0 to ${MAX_QUANTITY} with at most 3 decimals`);
  return BigInt(match[1]!) * 1000n + BigInt((match[2] ?? '').padEnd(3, '0'));
}

function safeAmount(value: bigint, field: string): number {
  if (value > MAX_SAFE) throw new EstimateContentError(field, `amount exceeds ${Number.MAX_SAFE_INTEGER} minor units`);
  return Number(value);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new EstimateContentError(field, 'must be a non-empty string');
  return value;
}

interface ExactAmounts {
  gross: bigint;
  discount: bigint;
  tax: bigint;
}

function lineAmounts(item: EstimateLineItem, path: string): ExactAmounts {
  const quantity = thousandths(item.quantity, `${path}.quantity`);
  const unitPrice = integerIn(item.unitPrice, 0, Number.MAX_SAFE_INTEGER, `${path}.unitPrice`);
  const taxRate = integerIn(item.taxRateBp, 0, FULL_BP, `${path}.taxRateBp`);
  const gross = divideHalfEven(quantity * unitPrice, 1000n);
  safeAmount(gross, path);
  let discount = 0n;
  const given = item.discount;
  if (given?.kind === 'percent') {
    discount = divideHalfEven(gross * integerIn(given.bp, 0, FULL_BP, `${path}.discount.bp`), BigInt(FULL_BP));
  } else if (given?.kind === 'fixed') {
    discount = integerIn(given.amount, 0, Number.MAX_SAFE_INTEGER, `${path}.discount.amount`);
    if (discount > gross) throw new EstimateContentError(`${path}.discount.amount`, 'is more than the line amount');
  } else if (given != null) {
    throw new EstimateContentError(`${path}.discount.kind`, "must be 'percent' or 'fixed'");
  }
  const tax = divideHalfEven((gross - discount) * taxRate, BigInt(FULL_BP));
  safeAmount(gross - discount + tax, path);
  return { gross, discount, tax };
}

function toAmounts(exact: ExactAmounts, field: string): Amounts {
  const net = exact.gross - exact.discount;
  return {
    gross: safeAmount(exact.gross, field),
    discount: safeAmount(exact.discount, field),
    net: safeAmount(net, field),
    tax: safeAmount(exact.tax, field),
    total: safeAmount(net + exact.tax, field),
  };
}

interface Alternatives {
  /** Group id → its choice ids. */
  choices: Map<string, Set<string>>;
  /** Group id → the choice that counts: the customer's pick, else the group's default. */
  counted: Map<string, string>;
}

function alternativesOf(content: EstimateContent, selection: EstimateSelection): Alternatives {
  const alternatives: Alternatives = { choices: new Map(), counted: new Map() };
  (content.alternativeGroups ?? []).forEach((group, g) => {
    const path = `alternativeGroups[${g}]`;
    const id = text(group.id, `${path}.id`);
    if (alternatives.choices.has(id)) throw new EstimateContentError(`${path}.id`, 'is used by another group');
    const choices = new Set(group.choices.map((choice, c) => text(choice.id, `${path}.choices[${c}].id`)));
    if (!choices.has(group.defaultChoice)) throw new EstimateContentError(`${path}.defaultChoice`, 'is not one of the choices');
    alternatives.choices.set(id, choices);
    alternatives.counted.set(id, group.defaultChoice);
  });
  for (const [groupId, choiceId] of Object.entries(selection.alternatives ?? {})) {
    if (!alternatives.choices.get(groupId)?.has(choiceId)) {
      throw new EstimateContentError(`selection.alternatives.${groupId}`, 'names no choice of a group of this estimate');
    }
    alternatives.counted.set(groupId, choiceId);
  }
  return alternatives;
}

/** Every line, section and total of an estimate as the customer's selection makes it. */
export function computeEstimateTotals(content: EstimateContent, selection: EstimateSelection = {}): EstimateTotals {
  if (typeof content.currency !== 'string' || !isKnownCurrency(content.currency)) {
    throw new EstimateContentError('currency', 'is not a known ISO 4217 currency');
  }
  const lineCount = content.sections.reduce((count, section) => count + section.items.length, 0);
  if (lineCount > MAX_LINE_ITEMS) {
    throw new EstimateContentError('sections', `hold ${lineCount} line items; an estimate holds at most ${MAX_LINE_ITEMS}`);
  }
  const alternatives = alternativesOf(content, selection);
  const optionalIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const [s, section] of content.sections.entries()) {
    for (const [i, item] of section.items.entries()) {
      const path = `sections[${s}].items[${i}]`;
      const id = text(item.id, `${path}.id`);
      if (itemIds.has(id)) throw new EstimateContentError(`${path}.id`, 'is used by another line item');
      itemIds.add(id);
      if (item.optional === true) optionalIds.add(id);
      if (item.alternative != null) {
        const choices = alternatives.choices.get(item.alternative.group);
        if (!choices) throw new EstimateContentError(`${path}.alternative.group`, 'is not a group of this estimate');
        if (!choices.has(item.alternative.choice)) throw new EstimateContentError(`${path}.alternative.choice`, 'is not a choice of its group');
      }
    }
  }
  const picked = new Set<string>();
  (selection.optionalItems ?? []).forEach((id, p) => {
    if (!optionalIds.has(id)) throw new EstimateContentError(`selection.optionalItems[${p}]`, 'names no optional item of this estimate');
    picked.add(id);
  });

  const estimate: ExactAmounts = { gross: 0n, discount: 0n, tax: 0n };
  const byRate = new Map<number, { net: bigint; tax: bigint }>();
  const sections = content.sections.map((section, s): SectionTotals => {
    const sum: ExactAmounts = { gross: 0n, discount: 0n, tax: 0n };
    const lines = section.items.map((item, i): LineTotals => {
      const path = `sections[${s}].items[${i}]`;
      const exact = lineAmounts(item, path);
      const counted =
        (item.optional !== true || picked.has(item.id)) &&
        (item.alternative == null || alternatives.counted.get(item.alternative.group) === item.alternative.choice);
      if (counted) {
        sum.gross += exact.gross;
        sum.discount += exact.discount;
        sum.tax += exact.tax;
        const rate = byRate.get(item.taxRateBp) ?? { net: 0n, tax: 0n };
        rate.net += exact.gross - exact.discount;
        rate.tax += exact.tax;
        byRate.set(item.taxRateBp, rate);
      }
      return { id: item.id, counted, ...toAmounts(exact, path) };
    });
    estimate.gross += sum.gross;
    estimate.discount += sum.discount;
    estimate.tax += sum.tax;
    return { title: section.title, showOnlySectionTotal: section.showOnlySectionTotal, ...toAmounts(sum, `sections[${s}]`), lines };
  });
  const totals = toAmounts(estimate, 'sections');
  return {
    currency: content.currency,
    minorDigits: minorDigits(content.currency),
    sections,
    subtotal: totals.gross,
    discountTotal: totals.discount,
    netTotal: totals.net,
    taxTotal: totals.tax,
    taxes: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([rateBp, rate]) => ({ rateBp, net: Number(rate.net), tax: Number(rate.tax) })),
    grandTotal: totals.total,
    deposit: depositAmount(content.deposit, BigInt(totals.total)),
  };
}

function depositAmount(deposit: Deposit | null | undefined, grandTotal: bigint): EstimateTotals['deposit'] {
  if (deposit == null) return null;
  const dueDate = deposit.dueDate ?? null;
  if (dueDate !== null && !DATE.test(dueDate)) throw new EstimateContentError('deposit.dueDate', 'must be a date YYYY-MM-DD');
  let amount: bigint;
  if (deposit.kind === 'percent') {
    amount = divideHalfEven(grandTotal * integerIn(deposit.bp, 0, FULL_BP, 'deposit.bp'), BigInt(FULL_BP));
  } else if (deposit.kind === 'fixed') {
    const fixed = integerIn(deposit.amount, 0, Number.MAX_SAFE_INTEGER, 'deposit.amount');
    // Picks can lower the total below a fixed deposit: the deposit never exceeds what is owed.
    amount = fixed < grandTotal ? fixed : grandTotal;
  } else {
    throw new EstimateContentError('deposit.kind', "must be 'percent' or 'fixed'");
  }
  return { amount: Number(amount), dueDate };
}
