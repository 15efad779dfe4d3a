// Create and edit a lead. The contact is chosen by searching the contacts (or comes with the
// address, from a contact's page); the owner from the workspace's people; the value is typed in the
// currency's own units and sent as integer minor units. An edit sends the version it started from,
// so a change made meanwhile by someone else is refused instead of overwritten.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Button, Field, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { usePeople } from '../../ui/people.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { TagsField } from '../contacts/TagsField.js';
import { amountExample, CURRENCY_CODES, isStale, moneyInput, parseMoney, stageLabel, usePipelines, type Lead } from './lead.js';
import { useContactSearch } from '../contacts/use-contact-search.js';

interface Values {
  title: string;
  contact: { id: string; name: string } | null;
  ownerId: string;
  value: string;
  currency: string;
  stageId: string;
  expectedCloseDate: string;
  nextActionText: string;
  nextActionDate: string;
  siteAddress: string;
  notes: string;
  tags: string[];
  lostReason: string;
}
type FieldErrors = Partial<Record<keyof Values, string>>;

/** Which form field a server refusal names (`/nextAction/date` → nextActionDate). */
const SERVER_FIELDS: Record<string, keyof Values> = {
  title: 'title',
  contactId: 'contact',
  ownerId: 'ownerId',
  valueMinor: 'value',
  currency: 'currency',
  stageId: 'stageId',
  expectedCloseDate: 'expectedCloseDate',
  nextAction: 'nextActionText',
  'nextAction.text': 'nextActionText',
  'nextAction.date': 'nextActionDate',
  siteAddress: 'siteAddress',
  notes: 'notes',
  tags: 'tags',
  lostReason: 'lostReason',
};

const EMPTY: Values = { title: '', contact: null, ownerId: '', value: '', currency: 'USD', stageId: '', expectedCloseDate: '', nextActionText: '', nextActionDate: '', siteAddress: '', notes: '', tags: [], lostReason: '' };
const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** The fields both forms send, from what was typed (a refusal names the field when something is not right). */
function body(values: Values): { fields: Record<string, unknown> } | { error: FieldErrors } {
  const valueMinor = values.value.trim() === '' ? 0 : parseMoney(values.value, values.currency);
  if (valueMinor === null) return { error: { value: `Enter an amount in ${values.currency} such as ${amountExample(values.currency)} (no more decimals than the currency has).` } };
  if (!values.contact) return { error: { contact: 'Choose the contact this lead is for.' } };
  const hasAction = values.nextActionText.trim() !== '' || values.nextActionDate !== '';
  if (hasAction && (values.nextActionText.trim() === '' || values.nextActionDate === '')) return { error: values.nextActionDate === '' ? { nextActionDate: 'A next action needs a date.' } : { nextActionText: 'Say what the next action is.' } };
  return {
    fields: {
      title: values.title,
      contactId: values.contact.id,
      ownerId: orNull(values.ownerId),
      valueMinor,
      currency: values.currency,
      expectedCloseDate: orNull(values.expectedCloseDate),
      nextAction: hasAction ? { text: values.nextActionText.trim(), date: values.nextActionDate } : null,
      siteAddress: orNull(values.siteAddress),
      notes: orNull(values.notes),
      tags: values.tags,
    },
  };
}

export function LeadNew(): JSX.Element {
  const { query } = useLocation();
  const contactId = query.get('contactId');
  const contact = useRequest(async () => (contactId ? ok(api.GET('/api/v1/contacts/{contactId}', { params: { path: { contactId } } })) : null), [contactId]);
  const back = contactId ? <Link href={`/contacts/${contactId}`}>← Back to the contact</Link> : <Link href="/leads">← Board</Link>;
  if (contact.loading) return <Loading />;
  const site = contact.data?.siteAddress;
  // The contact's site address (where the work is) is the likely one; it can be changed here.
  const siteAddress = site ? [site.street, [site.city, site.region, site.postcode].filter(Boolean).join(' ')].filter(Boolean).join('\n') : '';
  const initial: Values = { ...EMPTY, contact: contact.data ? { id: contact.data.id, name: contact.data.name } : null, siteAddress };
  return (
    <Page title="New lead" back={back}>
      {Boolean(contact.error) && <ErrorNotice error={contact.error} />}
      <LeadFields
        initial={initial}
        creating
        submitLabel="Add lead"
        save={(values) => {
          const result = body(values);
          if ('error' in result) return result;
          const { fields } = result;
          // A new lead leaves out what is empty rather than sending nulls.
          const create = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
          return ok(api.POST('/api/v1/leads', { body: { ...(create as { title: string; contactId: string; currency: string }), ...(values.stageId ? { stageId: values.stageId } : {}) } }));
        }}
      />
    </Page>
  );
}

export function LeadEdit({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.leadId as string;
  const lead = useRequest(() => ok(api.GET('/api/v1/leads/{leadId}', { params: { path: { leadId: id } } })), [id]);
  const { stages } = usePipelines();
  const back = <Link href={`/leads/${id}`}>← Back to the lead</Link>;
  if (lead.loading) return <Loading />;
  if (!lead.data)
    return (
      <Page title="Edit lead" back={back}>
        <ErrorNotice error={lead.error} onRetry={lead.reload} />
      </Page>
    );
  const l = lead.data;
  const initial: Values = {
    title: l.title,
    contact: { id: l.contactId, name: l.contactName ?? 'a deleted contact' },
    ownerId: l.ownerId ?? '',
    value: moneyInput(l.valueMinor, l.currency),
    currency: l.currency,
    stageId: l.stageId,
    expectedCloseDate: l.expectedCloseDate ?? '',
    nextActionText: l.nextAction?.text ?? '',
    nextActionDate: l.nextAction?.date ?? '',
    siteAddress: l.siteAddress ?? '',
    notes: l.notes ?? '',
    tags: l.tags,
    lostReason: l.lostReason ?? '',
  };
  return (
    <Page title={`Edit ${l.title}`} back={back}>
      <LeadFields
        key={l.version}
        initial={initial}
        lost={stages.get(l.stageId)?.kind === 'lost'}
        submitLabel="Save changes"
        onStale={lead.reload}
        save={(values) => {
          const result = body(values);
          if ('error' in result) return result;
          const update = { ...result.fields, ...(stages.get(l.stageId)?.kind === 'lost' ? { lostReason: orNull(values.lostReason) } : {}), version: l.version };
          return ok(api.PATCH('/api/v1/leads/{leadId}', { params: { path: { leadId: id } }, body: update }));
        }}
      />
    </Page>
  );
}

interface FieldsProps {
  initial: Values;
  submitLabel: string;
  creating?: boolean;
  lost?: boolean;
  onStale?: () => void;
  save: (values: Values) => Promise<Lead> | { error: FieldErrors };
}

function LeadFields({ initial, submitLabel, creating = false, lost = false, onStale, save }: FieldsProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const people = usePeople();
  const { pipelines, stages } = usePipelines();
  const set = (field: keyof Values) => (value: string) => setValues({ ...values, [field]: value });
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    const saving = save(values);
    if ('error' in saving) return setFieldErrors(saving.error);
    setBusy(true);
    try {
      const saved = await saving;
      notify({ text: `${saved.title} was saved.` });
      navigate(`/leads/${saved.id}`);
    } catch (err) {
      const field = SERVER_FIELDS[((err as ApiError).field ?? '').replace(/^\//, '').replace(/\//g, '.').replace(/^tags\.\d+$/, 'tags')];
      if (isStale(err)) {
        setError(new Error('Someone changed this lead while you were editing. The form now shows the latest; make your changes again.'));
        onStale?.();
      } else if (field) setFieldErrors({ [field]: sentence(err) });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const activePeople = [...(people?.values() ?? [])].filter((p) => p.status === 'active' || p.id === initial.ownerId);
  const stageOptions = [...stages.values()].map((stage) => ({ value: stage.id, label: stageLabel(stage, pipelines ?? []) }));
  return (
    <form class="form" onSubmit={submit} noValidate>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Title" value={values.title} onValue={set('title')} error={fieldErrors.title} required maxLength={200} autoComplete="off" />
      <ContactPicker contact={values.contact} onContact={(contact) => setValues({ ...values, contact })} error={fieldErrors.contact} />
      <SelectField label="Owner" value={values.ownerId} options={[{ value: '', label: 'No owner' }, ...activePeople.map((p) => ({ value: p.id, label: p.email }))]} onValue={set('ownerId')} error={fieldErrors.ownerId} />
      <div class="lead-money">
        <TextField label="Value" hint={`In ${values.currency}, such as ${amountExample(values.currency)}.`} value={values.value} onValue={set('value')} error={fieldErrors.value} autoComplete="off" />
        <SelectField label="Currency" value={values.currency} options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))} onValue={set('currency')} error={fieldErrors.currency} />
      </div>
      {creating && stageOptions.length > 0 && <SelectField label="Stage" value={values.stageId || (stageOptions[0]?.value ?? '')} options={stageOptions} onValue={set('stageId')} error={fieldErrors.stageId} />}
      <DateField label="Expected close date" value={values.expectedCloseDate} onValue={set('expectedCloseDate')} error={fieldErrors.expectedCloseDate} />
      <fieldset class="fieldset">
        <legend>Next action</legend>
        <TextField label="What" value={values.nextActionText} onValue={set('nextActionText')} error={fieldErrors.nextActionText} maxLength={200} autoComplete="off" />
        <DateField label="When" value={values.nextActionDate} onValue={set('nextActionDate')} error={fieldErrors.nextActionDate} />
      </fieldset>
      <TextAreaField label="Site address" value={values.siteAddress} onValue={set('siteAddress')} error={fieldErrors.siteAddress} maxLength={500} rows={2} />
      <TagsField tags={values.tags} onTags={(tags) => setValues({ ...values, tags })} error={fieldErrors.tags} />
      {lost && <TextField label="Lost reason" value={values.lostReason} onValue={set('lostReason')} error={fieldErrors.lostReason} maxLength={500} />}
      <TextAreaField label="Notes" value={values.notes} onValue={set('notes')} error={fieldErrors.notes} maxLength={10000} rows={4} />
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function DateField({ label, value, onValue, error }: { label: string; value: string; onValue: (value: string) => void; error?: string | undefined }): JSX.Element {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => <input id={id} type="date" class="input" value={value} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </Field>
  );
}

/** The lead's contact: the chosen one with "Change", or a search of the contacts listing buttons to choose from. */
function ContactPicker({ contact, onContact, error }: { contact: Values['contact']; onContact: (contact: Values['contact']) => void; error?: string | undefined }): JSX.Element {
  const [typed, setTyped] = useState('');
  const found = useContactSearch(typed);
  if (contact)
    return (
      <div class="field">
        <span class="lead-field-label">Contact</span>
        <p class="lead-contact-chosen">
          <strong>{contact.name}</strong>
          <Button variant="ghost" onClick={() => onContact(null)} aria-label={`Change contact (now ${contact.name})`}>
            Change
          </Button>
        </p>
      </div>
    );
  return (
    <div class="lead-contact-picker">
      <TextField label="Contact" hint="Type part of a name, email, phone or company, then choose." type="search" value={typed} onValue={setTyped} error={error} required autoComplete="off" />
      {found && found.length === 0 && <p class="muted">No contacts match “{typed.trim()}”.</p>}
      {found && found.length > 0 && (
        <ul class="lead-contact-results" aria-label="Matching contacts">
          {found.map((c) => (
            <li key={c.id}>
              <Button onClick={() => onContact({ id: c.id, name: c.name })}>
                {c.name}
                {c.company ? <span class="muted"> · {c.company}</span> : null}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
