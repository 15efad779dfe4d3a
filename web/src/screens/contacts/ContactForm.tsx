// Create and edit a contact. The server's validation is the truth: a refusal naming a field shows
// its message under that field, and nothing is saved.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate } from '../../router.js';
import { Button, TextAreaField, TextField } from '../../ui/controls.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { notify } from '../../ui/notices.js';
import { useRequest } from '../../ui/use-request.js';
import type { Contact } from './contact.js';

const FIELDS = ['name', 'company', 'email', 'phone', 'notes'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
/** What to do about a refused field, where the server's wording is for developers. */
const FIELD_HELP: Partial<Values> = {
  name: 'Enter a name (up to 200 characters).',
  email: 'Enter an email address such as dana@example.com.',
};
const EMPTY: Values = { name: '', company: '', email: '', phone: '', notes: '' };

export function ContactNew(): JSX.Element {
  return (
    <Page title="New contact" back={<Link href="/contacts">← Contacts</Link>}>
      <ContactFields
        initial={EMPTY}
        submitLabel="Add contact"
        save={async (values) => {
          const body = { name: values.name, ...Object.fromEntries(FIELDS.filter((f) => f !== 'name' && values[f] !== '').map((f) => [f, values[f]])) };
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
  const initial: Values = { name: c.name, company: c.company ?? '', email: c.email ?? '', phone: c.phone ?? '', notes: c.notes ?? '' };
  return (
    <Page title={`Edit ${c.name}`} back={back}>
      <ContactFields
        initial={initial}
        submitLabel="Save changes"
        save={async (values) => {
          // Only what changed is sent; an emptied optional field is cleared (null).
          const changed = FIELDS.filter((f) => values[f] !== initial[f]);
          if (changed.length === 0) return c;
          const body = Object.fromEntries(changed.map((f) => [f, f !== 'name' && values[f] === '' ? null : values[f]]));
          return ok(api.PATCH('/api/v1/contacts/{contactId}', { params: { path: { contactId: id } }, body }));
        }}
      />
    </Page>
  );
}

function ContactFields({ initial, submitLabel, save }: { initial: Values; submitLabel: string; save: (values: Values) => Promise<Contact> }): JSX.Element {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Values>>({});
  const [error, setError] = useState<unknown>(null);
  const set = (field: keyof Values) => (value: string) => setValues({ ...values, [field]: value });
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
      const field = (err as ApiError).field?.replace(/^\//, '') as keyof Values | undefined;
      if (field && FIELDS.includes(field)) setFieldErrors({ [field]: FIELD_HELP[field] ?? sentence(err) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Name" value={values.name} onValue={set('name')} error={fieldErrors.name} required maxLength={200} autoComplete="off" />
      <TextField label="Company" value={values.company} onValue={set('company')} error={fieldErrors.company} maxLength={200} autoComplete="off" />
      <TextField label="Email" type="email" value={values.email} onValue={set('email')} error={fieldErrors.email} maxLength={254} autoComplete="off" />
      <TextField label="Phone" type="tel" value={values.phone} onValue={set('phone')} error={fieldErrors.phone} maxLength={50} autoComplete="off" />
      <TextAreaField label="Notes" value={values.notes} onValue={set('notes')} error={fieldErrors.notes} maxLength={5000} rows={5} />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
