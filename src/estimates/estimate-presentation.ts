// The estimate as the customer sees it: one plain structure (estimatePresentation) for the PDF, the
// customer's page and the web app's preview, so they cannot disagree. Pure and without pdfkit, so
// the web app can import it; money and dates are formatted deterministically (never the clock).
import {
  computeEstimateTotals,
  type EstimateContent,
  type EstimateSelection,
  type EstimateTotals,
} from './totals.js';
import type { RevisionState } from './estimates.schemas.js';

/** A revision's state as people see it (type only: this module stays free of the schema library). */
export type EstimateState = RevisionState;

export interface EstimateAcceptance {
  typedName: string;
  consentText: string;
  /** ISO timestamp. */
  decidedAt: string;
  ip: string;
  userAgent: string;
  contentSha256: string;
}

export interface EstimateDocument {
  workspaceName: string;
  logo?: { png: Buffer } | null;
  number: string;
  revision: number;
  state: EstimateState;
  /** ISO timestamp; also the PDF's creation date (null: a draft, dated 1970 for stable bytes). */
  issuedAt: string | null;
  contact: { name: string; company?: string | null; address?: string[] };
  siteAddress?: string[];
  content: EstimateContent;
  selection?: EstimateSelection;
  contentSha256: string | null;
  acceptance?: EstimateAcceptance | null;
  /** IANA zone the dates are shown in. */
  timeZone: string;
}

export interface PresentedRow {
  id: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string | null;
  total: string;
  optional: boolean;
  /** Not in the totals: an unpicked optional item or alternative choice. */
  counted: boolean;
  alternative: { group: string; choice: string; choiceTitle: string; picked: boolean } | null;
}

export interface PresentedSection {
  title: string;
  /** Empty when the section shows only its total. */
  rows: PresentedRow[];
  showOnlySectionTotal: boolean;
  total: string;
}

export interface EstimatePresentation {
  workspaceName: string;
  heading: string;
  number: string;
  revision: number;
  state: EstimateState;
  issuedOn: string | null;
  validUntil: string | null;
  contact: { name: string; company: string | null; address: string[] };
  siteAddress: string[];
  sections: PresentedSection[];
  alternatives: { id: string; title: string; choices: { id: string; title: string; picked: boolean }[] }[];
  totals: { subtotal: string; discount: string | null; net: string; taxes: { rate: string; net: string; tax: string }[]; tax: string; grandTotal: string };
  deposit: { amount: string; dueDate: string | null } | null;
  terms: string | null;
  notes: string | null;
  /** First 12 hex chars of the content hash, in groups of 4 ("3f2a 9c41 0be7"). */
  shortHash: string | null;
  contentSha256: string | null;
  acceptance: (EstimateAcceptance & { decidedAtText: string }) | null;
  totalsRaw: EstimateTotals;
}

/** Deterministic money text: "USD 1,234.56", "JPY 1,235", "KWD 1.234"; negative as "-USD 5.00". */
export function formatMoney(minor: number, currency: string, digits: 0 | 2 | 3): string {
  const sign = minor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits === 0 ? '' : '.' + (abs % scale).toString().padStart(digits, '0');
  return `${sign}${currency} ${whole}${fraction}`;
}

/** Basis points as a percent: 2000 → "20%", 825 → "8.25%". */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

export function shortHash(sha256: string | null): string | null {
  if (!sha256) return null;
  return sha256.slice(0, 12).replace(/(.{4})(?!$)/g, '$1 ');
}

function formatDate(iso: string, timeZone: string, withTime: boolean): string {
  // A plain date (YYYY-MM-DD) is a calendar day: no zone shift.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' as const } : {}),
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  const day = `${p('year')}-${p('month')}-${p('day')}`;
  return withTime ? `${day} ${p('hour')}:${p('minute')}:${p('second')} (${timeZone})` : day;
}

export function estimatePresentation(doc: EstimateDocument): EstimatePresentation {
  const { content } = doc;
  const totals = computeEstimateTotals(content, doc.selection ?? {});
  const money = (minor: number) => formatMoney(minor, totals.currency, totals.minorDigits);
  const groups = content.alternativeGroups ?? [];
  const picks = doc.selection?.alternatives ?? {};
  const pickedChoice = (groupId: string) => picks[groupId] ?? groups.find((g) => g.id === groupId)?.defaultChoice;

  const sections = content.sections.map((section, s): PresentedSection => {
    const sectionTotals = totals.sections[s]!;
    const rows = section.showOnlySectionTotal
      ? []
      : section.items.map((item, i): PresentedRow => {
          const lineTotals = sectionTotals.lines[i]!;
          const group = item.alternative ? groups.find((g) => g.id === item.alternative!.group) : undefined;
          const discount = item.discount
            ? item.discount.kind === 'percent' ? `-${formatPercent(item.discount.bp)}` : `-${money(lineTotals.discount)}`
            : null;
          return {
            id: item.id,
            description: item.description,
            quantity: item.quantity,
            unit: item.unit,
            unitPrice: money(item.unitPrice),
            discount,
            total: money(lineTotals.total),
            optional: item.optional === true,
            counted: lineTotals.counted,
            alternative: item.alternative
              ? {
                  group: item.alternative.group,
                  choice: item.alternative.choice,
                  choiceTitle: group?.choices.find((c) => c.id === item.alternative!.choice)?.title ?? item.alternative.choice,
                  picked: pickedChoice(item.alternative.group) === item.alternative.choice,
                }
              : null,
          };
        });
    return { title: section.title, rows, showOnlySectionTotal: section.showOnlySectionTotal, total: money(sectionTotals.total) };
  });

  return {
    workspaceName: doc.workspaceName,
    heading: `Estimate ${doc.number} v${doc.revision}`,
    number: doc.number,
    revision: doc.revision,
    state: doc.state,
    issuedOn: doc.issuedAt ? formatDate(doc.issuedAt, doc.timeZone, false) : null,
    validUntil: content.validUntil ?? null,
    contact: { name: doc.contact.name, company: doc.contact.company ?? null, address: doc.contact.address ?? [] },
    siteAddress: doc.siteAddress ?? [],
    sections,
    alternatives: groups.map((g) => ({
      id: g.id,
      title: g.title,
      choices: g.choices.map((c) => ({ id: c.id, title: c.title, picked: pickedChoice(g.id) === c.id })),
    })),
    totals: {
      subtotal: money(totals.subtotal),
      discount: totals.discountTotal ? money(totals.discountTotal) : null,
      net: money(totals.netTotal),
      taxes: totals.taxes.map((t) => ({ rate: formatPercent(t.rateBp), net: money(t.net), tax: money(t.tax) })),
      tax: money(totals.taxTotal),
      grandTotal: money(totals.grandTotal),
    },
    deposit: totals.deposit ? { amount: money(totals.deposit.amount), dueDate: totals.deposit.dueDate } : null,
    terms: content.terms ?? null,
    notes: content.notes ?? null,
    shortHash: shortHash(doc.contentSha256),
    contentSha256: doc.contentSha256,
    acceptance: doc.acceptance
      ? { ...doc.acceptance, decidedAtText: formatDate(doc.acceptance.decidedAt, doc.timeZone, true) }
      : null,
    totalsRaw: totals,
  };
}
