// The fields a CSV column can be mapped to, per kind of import, and the suggested mapping: a column
// whose header, folded (case, spaces and punctuation ignored), is a field's name or one of its
// aliases is suggested for that field (each field once, the first such column).
export const IMPORT_KINDS = ['contacts', 'leads'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField {
  name: string;
  /** Every row needs it: an upload without a column mapped to it cannot be previewed or run. */
  required: boolean;
  label: string;
  aliases: string[];
}

const field = (name: string, label: string, aliases: string[] = [], required = false): ImportField => ({ name, label, aliases, required });

const addressFields = (prefix: 'postal' | 'site', label: string, plain: boolean): ImportField[] =>
  (
    [
      ['street', 'street', ['street', 'address', 'addressline1', 'streetaddress']],
      ['city', 'city', ['city', 'town']],
      ['region', 'region', ['region', 'state', 'county', 'province']],
      ['postcode', 'postcode', ['postcode', 'zip', 'zipcode', 'postalcode']],
      ['country', 'country (2 letters)', ['country', 'countrycode']],
    ] as const
  ).map(([part, partLabel, aliases]) => field(`${prefix}.${part}`, `${label} ${partLabel}`, [...aliases.map((a) => `${prefix}${a}`), ...(plain ? aliases : [])]));

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  contacts: [
    field('name', 'Name', ['fullname', 'contactname', 'contact', 'customer', 'customername'], true),
    field('email', 'Email', ['emailaddress', 'mail']),
    field('phone', 'Phone', ['telephone', 'tel', 'mobile', 'phonenumber', 'cell']),
    field('company', 'Company', ['organisation', 'organization', 'business', 'companyname']),
    field('notes', 'Notes', ['note', 'comments', 'comment']),
    field('tags', 'Tags (separated by ; or ,)', ['tag', 'labels']),
    field('source', 'Source', ['leadsource', 'origin']),
    ...addressFields('postal', 'Postal', true),
    ...addressFields('site', 'Site', false),
  ],
  leads: [
    field('title', 'Title', ['lead', 'leadtitle', 'deal', 'dealname', 'subject'], true),
    field('contactEmail', 'Contact email', ['email', 'contact', 'emailaddress', 'customeremail'], true),
    field('currency', 'Currency', ['currencycode'], true),
    field('value', 'Value (e.g. 2500.00)', ['amount', 'dealvalue', 'leadvalue']),
    field('stage', 'Stage name', ['stagename', 'status']),
    field('ownerEmail', 'Owner email', ['owner', 'assignedto']),
    field('expectedCloseDate', 'Expected close (YYYY-MM-DD)', ['expectedclose', 'closedate', 'close']),
    field('nextActionText', 'Next action', ['nextaction', 'nextstep']),
    field('nextActionDate', 'Next action date (YYYY-MM-DD)', ['nextactiondue', 'due', 'duedate']),
    field('siteAddress', 'Site address', ['site', 'address', 'jobaddress']),
    field('notes', 'Notes', ['note', 'comments', 'comment']),
    field('tags', 'Tags (separated by ; or ,)', ['tag', 'labels']),
  ],
};

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** For each column, the field its header suggests, or null. */
export function suggestMapping(kind: ImportKind, header: readonly string[]): (string | null)[] {
  const taken = new Set<string>();
  return header.map((name) => {
    const folded = fold(name);
    const match = IMPORT_FIELDS[kind].find((f) => !taken.has(f.name) && (fold(f.name) === folded || f.aliases.includes(folded)));
    if (!match) return null;
    taken.add(match.name);
    return match.name;
  });
}
