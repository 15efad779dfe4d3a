import type { paths } from '../../api/schema.js';
import { COUNTRY_CODES } from '../../../../src/contacts/countries.js';

export type Contact = paths['/api/v1/contacts/{contactId}']['get']['responses'][200]['content']['application/json'];
export type ContactCreate = NonNullable<paths['/api/v1/contacts']['post']['requestBody']>['content']['application/json'];
export type SensitiveFields = paths['/api/v1/contacts/{contactId}/sensitive']['get']['responses'][200]['content']['application/json'];
export type Address = NonNullable<Contact['postalAddress']>;
export type ContactSource = NonNullable<Contact['source']>;

/** How each source reads on a screen; typed by the API, so a new source cannot go unlabelled. */
export const SOURCE_LABELS: Record<ContactSource, string> = {
  referral: 'Referral',
  website: 'Website',
  phone: 'Phone call',
  email: 'Email',
  walk_in: 'Walk-in',
  repeat: 'Repeat customer',
  import: 'Import',
  other: 'Other',
};

const regionNames = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });

/** A country's name in the reader's language (the code when the browser knows no name). */
export const countryName = (code: string): string => regionNames.of(code) ?? code;

/** Every country the server accepts, by name in the reader's language. */
export const COUNTRIES: readonly { value: string; label: string }[] = [...COUNTRY_CODES]
  .map((code) => ({ value: code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label));
