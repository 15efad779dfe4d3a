// What the lead screens share: the API's types, money and dates as people read them, and the
// pipelines' stages and contacts' names the screens show instead of ids.
import { useEffect, useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import type { paths } from '../../api/schema.js';
import { CURRENCY_MINOR_DIGITS } from '../../../../src/money/currencies.js';

export type Lead = paths['/api/v1/leads/{leadId}']['get']['responses'][200]['content']['application/json'];
export type Pipeline = paths['/api/v1/pipelines']['get']['responses'][200]['content']['application/json']['items'][number];
export type Stage = Pipeline['stages'][number];
export type Board = paths['/api/v1/pipelines/{pipelineId}/board']['get']['responses'][200]['content']['application/json'];
export type TimelineEntry = paths['/api/v1/leads/{leadId}/timeline']['get']['responses'][200]['content']['application/json']['items'][number];

/** Every currency the server accepts, by code (the minor digits decide how values are typed and shown). */
export const CURRENCY_CODES = Object.keys(CURRENCY_MINOR_DIGITS).sort();

const digitsOf = (currency: string): number => CURRENCY_MINOR_DIGITS[currency] ?? 2;
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units (a number, or decimal digits for a board total beyond 2^53) as the
 * reader's locale writes that currency: 1250000 USD → "$12,500.00", 5000 JPY → "¥5,000".
 */
export function formatMoney(minor: number | string, currency: string): string {
  const digits = digitsOf(currency);
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(currency, format);
  }
  // Exact: the decimal string is built with BigInt, and Intl formats a decimal string without rounding through a double.
  const units = BigInt(minor);
  const scale = 10n ** BigInt(digits);
  const decimal = digits === 0 ? units.toString() : `${units / scale}.${(units % scale).toString().padStart(digits, '0')}`;
  return format.format(decimal as `${number}`);
}

/** What a person typed as a value ("12,500.5", "12500") in minor units; null when it is not an amount of this currency. */
export function parseMoney(typed: string, currency: string): number | null {
  const digits = digitsOf(currency);
  const plain = typed.replace(/[\s,']/g, '');
  const match = new RegExp(digits === 0 ? '^(\\d+)$' : `^(\\d*)(?:\\.(\\d{0,${digits}}))?$`).exec(plain);
  if (!match || plain === '' || plain === '.') return null;
  const minor = Number(match[1] || '0') * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** An amount as typed in this currency, for hints: "12500.50" (USD), "12500" (JPY), "12500.500" (KWD). */
export function amountExample(currency: string): string {
  const digits = digitsOf(currency);
  return digits === 0 ? '12500' : `12500.${'5'.padEnd(digits, '0')}`;
}

/** Minor units as a person types them back (no grouping, the currency's digits): 1250050 USD → "12500.50". */
export function moneyInput(minor: number, currency: string): string {
  const digits = digitsOf(currency);
  if (digits === 0) return String(minor);
  const scale = 10 ** digits;
  return `${Math.floor(minor / scale)}.${String(minor % scale).padStart(digits, '0')}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
/** A calendar date (YYYY-MM-DD) in the reader's language, the same day in every time zone. */
export const formatDay = (day: string): string => dateFormat.format(new Date(`${day}T00:00:00Z`));

/** Today as YYYY-MM-DD in the reader's own time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const isStale = (error: unknown): boolean => (error as Partial<ApiError>).code === 'stale_version';

/** The workspace's pipelines with their stages, and every stage by id. */
export function usePipelines(): { pipelines: Pipeline[] | undefined; stages: Map<string, Stage & { pipeline: Pipeline }>; error: unknown } {
  const [state, setState] = useState<{ pipelines: Pipeline[] | undefined; error: unknown }>({ pipelines: undefined, error: null });
  useEffect(() => {
    let current = true;
    ok(api.GET('/api/v1/pipelines')).then(
      (page) => current && setState({ pipelines: page.items, error: null }),
      (error: unknown) => current && setState({ pipelines: undefined, error }),
    );
    return () => {
      current = false;
    };
  }, []);
  const stages = new Map((state.pipelines ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, { ...stage, pipeline }] as const)));
  return { ...state, stages };
}

/** A stage's name for a choice: with its pipeline's name when there are several pipelines. */
export const stageLabel = (stage: Stage & { pipeline: Pipeline }, pipelines: Pipeline[]): string => (pipelines.length > 1 ? `${stage.pipeline.name}: ${stage.name}` : stage.name);
