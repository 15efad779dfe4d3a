// Create and edit a contact. The server's validation is the truth: a refusal naming a field shows
// its message under that field, and nothing is saved.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate } from '../../router.js';
import { Button, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { notify } from '../../ui/notices.js';
import { useRequest } from '../../ui/use-request.js';
import { COUNTRIES, SOURCE_LABELS, type Address, type Contact, type ContactSource } from './contact.js';
import { TagsField } from './TagsField.js';

const FIELDS = ['name', 'company', 'email', 'phone', 'notes'] as const;
const ADDRESS_PARTS = ['street', 'city', 'region', 'postcode', 'country'] as const;
const ADDRESSES = ['postalAddress', 'siteAddress'] as const;
type AddressKey = (typeof ADDRESSES)[number];
type AddressValues = Record<(typeof ADDRESS_PARTS)[number], string>;
interface Values extends Record<(typeof FIELDS)[number], string> {
  postalAddress: AddressValues;
  siteAddress: AddressValues;
  tags: string[];
  source: ContactSource | '';
}
/** Field errors by the server's field name (`email`, `postalAddress.country`; any `tags.N` is `tags`). */
type FieldErrors = Record<string, string>;

/** What to do about a refused field, where the server's wording is for developers. */
const FIELD_HELP: Record<string, string> = {
  name: 'Enter a name (up to 200 characters).',
  email: 'Enter an email address such as dana@example.com.',
  tags: 'Up to 20 tags of at most 40 characters each, on one line, each different from the others.',
};
const EMPTY_ADDRESS: AddressValues = { street: '', city: '', region: '', postcode: '', country: '' };
const EMPTY: Values = { name: '', company: '', email: '', phone: '', notes: '', postalAddress: EMPTY_ADDRESS, siteAddress: EMPTY_ADDRESS, tags: [], source: '' };
const SOURCE_OPTIONS = [{ value: '', label: 'Not recorded' }, ...Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))];
const COUNTRY_OPTIONS = [{ value: '', label: 'None' }, ...COUNTRIES];

const addressValues = (address: Address | null): AddressValues => (address ? { street: address.street ?? '', city: address.city ?? '', region: address.region ?? '', postcode: address.postcode ?? '', country: address.country ?? '' } : EMPTY_ADDRESS);
/** An address as sent: empty parts left out, and no address at all (null) when every part is empty. */
const addressBody = (values: AddressValues): Partial<Record<(typeof ADDRESS_PARTS)[number], string>> | null => {
  const parts = ADDRESS_PARTS.filter((part) => values[part].trim() !== '');
  return parts.length === 0 ? null : Object.fromEntries(parts.map((part) => [part, values[part]]));
};
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function ContactNew(): JSX.Element {
  return (
    <Page title="New contact" back={<Link href="/contacts">← Contacts</Link>}>
      <ContactFields
        initial={EMPTY}
        submitLabel="Add contact"
        save={async (values) => {
          const body = {
            name: values.name,
            ...Object.fromEntries(FIELDS.filter((f) => f !== 'name' && values[f] !== '').map((f) => [f, values[f]])),
            ...Object.fromEntries(ADDRESSES.map((a) => [a, addressBody(values[a])]).filter(([, address]) => address !== null)),
            ...(values.tags.length > 0 ? { tags: values.tags } : {}),
            ...(values.source ? { source: values.source } : {}),
          };
          return ok(api.POST('/api/v1/contacts', { body }));
        }}
      />
    </Page>
  );
}

export function ContactEdit({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.contactId as string;
  const contact = useRequest(() => ok(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } } })), [id]);
  const back = <Link href={`/contacts/${id}`}>← Back to the contact</Link>;
  if (contact.loading) return <Loading />;
  if (!contact.data)
    return (
      <Page title="Edit contact" back={back}>
        <ErrorNotice error={contact.error} onRetry={contact.reload} />
      </Page>
    );
  const c = contact.data;
  const initial: Values = {
    name: c.name,
    company: c.company ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    notes: c.notes ?? '',
    postalAddress: addressValues(c.postalAddress),
    siteAddress: addressValues(c.siteAddress),
    tags: c.tags,
    source: c.source ?? '',
  };
  return (
    <Page title={`Edit ${c.name}`} back={back}>
      <ContactFields
        initial={initial}
        submitLabel="Save changes"
        save={async (values) => {
          // Only what changed is sent; an emptied optional field is cleared (null); an address goes whole.
          const body = {
            ...Object.fromEntries(FIELDS.filter((f) => values[f] !== initial[f]).map((f) => [f, f !== 'name' && values[f] === '' ? null : values[f]])),
            ...Object.fromEntries(ADDRESSES.filter((a) => !same(values[a], initial[a])).map((a) => [a, addressBody(values[a])])),
            ...(same(values.tags, initial.tags) ? {} : { tags: values.tags }),
            ...(values.source === initial.source ? {} : { source: values.source === '' ? null : values.source }),
          };
          if (Object.keys(body).length === 0) return c;
          return ok(api.PATCH('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } }, body }));
        }}
      />
    </Page>
  );
}

function ContactFields({ initial, submitLabel, save }: { initial: Values; submitLabel: string; save: (values: Values) => Promise<Contact> }): JSX.Element {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const set = (field: (typeof FIELDS)[number]) => (value: string) => setValues({ ...values, [field]: value });
  const setAddress = (address: AddressKey, part: (typeof ADDRESS_PARTS)[number]) => (value: string) => setValues({ ...values, [address]: { ...values[address], [part]: value } });
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const saved = await save(values);
      notify({ text: `${saved.name} was saved.` });
      navigate(`/contacts/${saved.id}`);
    } catch (err) {
      const field = (err as ApiError).field?.replace(/^\//, '').replace(/^tags\.\d+$/, 'tags');
      const known = field && (FIELDS.some((f) => f === field) || field === 'tags' || field === 'source' || ADDRESSES.some((a) => field.startsWith(`${a}.`) || field === a));
      if (field && known) setFieldErrors({ [field]: FIELD_HELP[field] ?? sentence(err) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const address = (key: AddressKey, legend: string) => (
    <fieldset class="fieldset">
      <legend>{legend}</legend>
      <TextAreaField label="Street" value={values[key].street} onValue={setAddress(key, 'street')} error={fieldErrors[`${key}.street`] ?? fieldErrors[key]} maxLength={300} rows={2} />
      <TextField label="City" value={values[key].city} onValue={setAddress(key, 'city')} error={fieldErrors[`${key}.city`]} maxLength={100} autoComplete="off" />
      <TextField label="Region or state" value={values[key].region} onValue={setAddress(key, 'region')} error={fieldErrors[`${key}.region`]} maxLength={100} autoComplete="off" />
      <TextField label="Postcode" value={values[key].postcode} onValue={setAddress(key, 'postcode')} error={fieldErrors[`${key}.postcode`]} maxLength={20} autoComplete="off" />
      <SelectField label="Country" value={values[key].country} options={COUNTRY_OPTIONS} onValue={setAddress(key, 'country')} error={fieldErrors[`${key}.country`]} />
    </fieldset>
  );
  return (
    <form class="form" onSubmit={submit} noValidate>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Name" value={values.name} onValue={set('name')} error={fieldErrors.name} required maxLength={200} autoComplete="off" />
      <TextField label="Company" value={values.company} onValue={set('company')} error={fieldErrors.company} maxLength={200} autoComplete="off" />
      <TextField label="Email" type="email" value={values.email} onValue={set('email')} error={fieldErrors.email} maxLength={254} autoComplete="off" />
      <TextField label="Phone" type="tel" value={values.phone} onValue={set('phone')} error={fieldErrors.phone} maxLength={50} autoComplete="off" />
      <TagsField tags={values.tags} onTags={(tags) => setValues({ ...values, tags })} error={fieldErrors.tags} />
      <SelectField label="Source" hint="How this contact found you." value={values.source} options={SOURCE_OPTIONS} onValue={(source) => setValues({ ...values, source: source as Values['source'] })} error={fieldErrors.source} />
      {address('postalAddress', 'Postal address')}
      {address('siteAddress', 'Site address (where the work is)')}
      <TextAreaField label="Notes" value={values.notes} onValue={set('notes')} error={fieldErrors.notes} maxLength={5000} rows={5} />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
