// What the estimate screens share: the API's types, the editor's typed values and how they become
// the content the server stores, and the rule's field paths in one spelling. Money is computed only
// by the server's own totals module (src/estimates/totals.ts), so the editor's totals are the server's.
import { computeEstimateTotals, EstimateContentError, type EstimateContent, type EstimateTotals } from '../../../../src/estimates/totals.js';
import type { paths } from '../../api/schema.js';
import { parseMoney, moneyInput } from '../leads/lead.js';

export type Estimate = paths['/api/v1/estimates']['get']['responses'][200]['content']['application/json']['items'][number];
export type EstimateDetail = paths['/api/v1/estimates/{estimateId}']['get']['responses'][200]['content']['application/json'];
export type RevisionSummary = EstimateDetail['revisions'][number];
export type Verification = paths['/api/v1/estimates/{estimateId}/revisions/{revision}/verify']['get']['responses'][200]['content']['application/json'];
export type EstimateSettings = paths['/api/v1/settings/estimates']['get']['responses'][200]['content']['application/json'];
export type State = Estimate['state'];

export const STATE_LABELS: Record<State, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

/**
 * A field path in one spelling, whoever wrote it: the rule's `sections[0].items[2].quantity`, the
 * schema's `/content/sections/0/items/2/quantity` and the service's `content.sections[0]…` all
 * become `sections.0.items.2.quantity`.
 */
export const fieldKey = (path: string): string =>
  path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^content\./, '');

export interface ItemValues {
  id: string;
  description: string;
  quantity: string;
  unit: string;
  /** As typed, in the currency's units ("95.50"). */
  unitPrice: string;
  /** Percent as typed ("8.25"). */
  taxRate: string;
  discountKind: '' | 'percent' | 'fixed';
  /** Percent, or an amount in the currency's units. */
  discount: string;
  optional: boolean;
  /** `group:choice`, or '' when the line is not an alternative. */
  alternative: string;
}
export interface SectionValues {
  key: string;
  title: string;
  showOnlySectionTotal: boolean;
  items: ItemValues[];
}
export interface GroupValues {
  id: string;
  title: string;
  choices: { id: string; title: string }[];
  defaultChoice: string;
}
export interface EditorValues {
  title: string;
  currency: string;
  sections: SectionValues[];
  groups: GroupValues[];
  depositKind: '' | 'percent' | 'fixed';
  deposit: string;
  depositDue: string;
  validUntil: string;
  terms: string;
  notes: string;
}

/** A fresh id for a line, group or choice: stable once saved, unique within the estimate. */
export const newId = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export const emptyItem = (): ItemValues => ({ id: newId('item'), description: '', quantity: '1', unit: 'ea', unitPrice: '', taxRate: '0', discountKind: '', discount: '', optional: false, alternative: '' });
export const emptySection = (n: number): SectionValues => ({ key: newId('section'), title: `Section ${n}`, showOnlySectionTotal: false, items: [emptyItem()] });

/** A percent as typed ("8.25", "20") in basis points; null when it is not a number with up to 2 decimals. */
export function parsePercent(typed: string): number | null {
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(typed.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
/** Basis points as a person types them back: 825 → "8.25", 2000 → "20". */
export const percentInput = (bp: number): string => (bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, ''));

/** The editor's values of a stored revision. */
export function valuesOf(title: string, content: EstimateContent): EditorValues {
  const money = (minor: number) => moneyInput(minor, content.currency);
  return {
    title,
    currency: content.currency,
    sections: content.sections.map((section) => ({
      key: newId('section'),
      title: section.title,
      showOnlySectionTotal: section.showOnlySectionTotal,
      items: section.items.map((item) => ({
        id: item.id,
        description: item.description,
        quantity: item.quantity,
        unit: item.unit,
        unitPrice: money(item.unitPrice),
        taxRate: percentInput(item.taxRateBp),
        discountKind: item.discount?.kind ?? '',
        discount: item.discount ? (item.discount.kind === 'percent' ? percentInput(item.discount.bp) : money(item.discount.amount)) : '',
        optional: item.optional === true,
        alternative: item.alternative ? `${item.alternative.group}:${item.alternative.choice}` : '',
      })),
    })),
    groups: (content.alternativeGroups ?? []).map((group) => ({ ...group, choices: group.choices.map((choice) => ({ ...choice })) })),
    depositKind: content.deposit?.kind ?? '',
    deposit: content.deposit ? (content.deposit.kind === 'percent' ? percentInput(content.deposit.bp) : money(content.deposit.amount)) : '',
    depositDue: content.deposit?.dueDate ?? '',
    validUntil: content.validUntil ?? '',
    terms: content.terms ?? '',
    notes: content.notes ?? '',
  };
}

export type FieldErrors = Record<string, string>;

/**
 * The content the values make, and what is wrong with them by field key: first what cannot be read
 * as typed (an amount with too many decimals), then the totals rule's own refusal, named by its field.
 */
export function contentOf(values: EditorValues): { content: EstimateContent; totals: EstimateTotals | null; errors: FieldErrors; missing: FieldErrors } {
  const errors: FieldErrors = {};
  /** Text not yet written: shown once the person tries to save, not while they are still typing. */
  const missing: FieldErrors = {};
  const { currency } = values;
  const amount = (typed: string, key: string): number => {
    const minor = typed.trim() === '' ? 0 : parseMoney(typed, currency);
    if (minor === null) errors[key] = `Enter an amount in ${currency}, with no more decimals than ${currency} has.`;
    return minor ?? 0;
  };
  const percent = (typed: string, key: string): number => {
    const bp = typed.trim() === '' ? 0 : parsePercent(typed);
    if (bp === null) errors[key] = 'Enter a percentage such as 8.25 (up to two decimals).';
    return bp ?? 0;
  };
  const content: EstimateContent = {
    currency,
    sections: values.sections.map((section, s) => ({
      title: section.title,
      showOnlySectionTotal: section.showOnlySectionTotal,
      items: section.items.map((item, i) => {
        const at = `sections.${s}.items.${i}`;
        const [group, choice] = item.alternative.split(':');
        return {
          id: item.id,
          description: item.description,
          quantity: item.quantity.trim(),
          unit: item.unit,
          unitPrice: amount(item.unitPrice, `${at}.unitPrice`),
          taxRateBp: percent(item.taxRate, `${at}.taxRateBp`),
          discount:
            item.discountKind === 'percent'
              ? { kind: 'percent', bp: percent(item.discount, `${at}.discount.bp`) }
              : item.discountKind === 'fixed'
                ? { kind: 'fixed', amount: amount(item.discount, `${at}.discount.amount`) }
                : null,
          optional: item.optional,
          alternative: group && choice ? { group, choice } : null,
        };
      }),
    })),
    alternativeGroups: values.groups.map((group) => ({ id: group.id, title: group.title, choices: group.choices, defaultChoice: group.defaultChoice })),
    deposit:
      values.depositKind === 'percent'
        ? { kind: 'percent', bp: percent(values.deposit, 'deposit.bp'), dueDate: values.depositDue || null }
        : values.depositKind === 'fixed'
          ? { kind: 'fixed', amount: amount(values.deposit, 'deposit.amount'), dueDate: values.depositDue || null }
          : null,
    validUntil: values.validUntil || null,
    terms: values.terms.trim() === '' ? null : values.terms,
    notes: values.notes.trim() === '' ? null : values.notes,
  };
  values.sections.forEach((section, s) => {
    if (section.title.trim() === '') missing[`sections.${s}.title`] = 'Give the section a title.';
    section.items.forEach((item, i) => {
      if (item.description.trim() === '') missing[`sections.${s}.items.${i}.description`] = 'Describe the item.';
      if (item.unit.trim() === '') missing[`sections.${s}.items.${i}.unit`] = 'Name the unit (ea, h, m²).';
    });
  });
  values.groups.forEach((group, g) => {
    if (group.title.trim() === '') missing[`alternativeGroups.${g}.title`] = 'Give the group a title.';
    group.choices.forEach((choice, c) => {
      if (choice.title.trim() === '') missing[`alternativeGroups.${g}.choices.${c}.title`] = 'Give the choice a title.';
    });
  });
  let totals: EstimateTotals | null = null;
  try {
    totals = computeEstimateTotals(content);
  } catch (error) {
    if (!(error instanceof EstimateContentError)) throw error;
    const key = fieldKey(error.field);
    errors[key] ??= ruleSentence(key, error.message.slice(error.field.length + 2));
  }
  return { content, totals, errors, missing };
}

/** The rule's message in the editor's words where the editor shows the value differently (percent, not basis points). */
function ruleSentence(key: string, message: string): string {
  if (/(taxRateBp|\.bp)$/.test(key)) return 'Enter a percentage from 0 to 100.';
  if (/quantity$/.test(key)) return 'Enter a quantity from 0 to 999999999.999, with at most 3 decimals.';
  if (/discount\.amount$/.test(key) && /more than/.test(message)) return 'The discount is more than the line amount.';
  return `This ${message}.`;
}
