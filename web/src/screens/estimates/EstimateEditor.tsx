// Create and edit an estimate's draft: sections of line items, options (optional items and
// good/better/best groups), deposit, validity, terms and notes. The totals beside the form are
// computed as the person types by the server's own rule (src/estimates/totals.ts), so they are the
// totals the server stores; what the rule refuses is said next to the field it names. An edit sends
// the version it started from: a change made meanwhile elsewhere is refused, not overwritten.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { EstimateTotals } from '../../../../src/estimates/totals.js';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Button, Field, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { amountExample, CURRENCY_CODES, formatMoney, isStale } from '../leads/lead.js';
import { TotalsList } from './EstimatePreview.js';
import { contentOf, emptyItem, emptySection, fieldKey, newId, valuesOf, type EditorValues, type EstimateDetail, type FieldErrors, type GroupValues, type ItemValues, type SectionValues } from './estimate.js';

const DAY_MS = 86_400_000;

export function EstimateNew(): JSX.Element {
  const { query } = useLocation();
  const leadId = query.get('leadId');
  const lead = useRequest(async () => (leadId ? ok(api.GET('/api/v1/leads/{leadId}', { params: { path: { leadId } } })) : null), [leadId]);
  const settings = useRequest(() => ok(api.GET('/api/v1/settings/estimates')), []);
  const back = leadId ? <Link href={`/leads/${leadId}`}>← Back to the lead</Link> : <Link href="/estimates">← Estimates</Link>;
  if (lead.loading || settings.loading) return <Loading />;
  if (!leadId || !lead.data || !settings.data)
    return (
      <Page title="New estimate" back={back}>
        {leadId ? <ErrorNotice error={lead.error ?? settings.error} /> : <p>An estimate is made from a lead: open the lead and choose “New estimate”.</p>}
      </Page>
    );
  const l = lead.data;
  const s = settings.data;
  const initial: EditorValues = {
    title: l.title,
    currency: l.currency,
    sections: [emptySection(1)],
    groups: [],
    depositKind: '',
    deposit: '',
    depositDue: '',
    validUntil: new Date(Date.now() + s.validityDays * DAY_MS).toISOString().slice(0, 10),
    terms: s.defaultTerms ?? '',
    notes: s.defaultNotes ?? '',
  };
  return (
    <Page title="New estimate" back={back}>
      <p class="muted">
        For {l.contactName ?? 'a deleted contact'}, from the lead {l.title}.
      </p>
      <EditorForm
        initial={initial}
        creating
        submitLabel="Save draft"
        save={(values, content) => ok(api.POST('/api/v1/estimates', { body: { title: values.title, leadId, content } }))}
      />
    </Page>
  );
}

export function EstimateEdit({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.estimateId as string;
  const estimate = useRequest(() => ok(api.GET('/api/v1/estimates/{estimateId}', { params: { path: { estimateId: id } } })), [id]);
  const back = <Link href={`/estimates/${id}`}>← Back to the estimate</Link>;
  if (estimate.loading) return <Loading />;
  if (!estimate.data)
    return (
      <Page title="Edit estimate" back={back}>
        <ErrorNotice error={estimate.error} onRetry={estimate.reload} />
      </Page>
    );
  const e = estimate.data;
  if (e.state !== 'draft')
    return (
      <Page title={`Edit ${e.title}`} back={back}>
        <div class="notice" role="status">
          <p>Revision {e.currentRevision} was sent and is sealed: it cannot change. To change the estimate, start a new revision from its page.</p>
        </div>
      </Page>
    );
  return (
    <Page title={`Edit ${e.title}`} back={back}>
      <EditorForm
        key={e.version}
        initial={valuesOf(e.title, e.revision.content as Parameters<typeof valuesOf>[1])}
        submitLabel="Save draft"
        onStale={estimate.reload}
        save={(values, content) => ok(api.PATCH('/api/v1/estimates/{estimateId}', { params: { path: { estimateId: id } }, body: { title: values.title, content, version: e.version } }))}
      />
    </Page>
  );
}

interface FormProps {
  initial: EditorValues;
  submitLabel: string;
  creating?: boolean;
  onStale?: () => void;
  save: (values: EditorValues, content: ReturnType<typeof contentOf>['content']) => Promise<EstimateDetail>;
}

function EditorForm({ initial, submitLabel, creating = false, onStale, save }: FormProps): JSX.Element {
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { content, totals, errors, missing } = contentOf(values);
  const shown: FieldErrors = { ...(tried ? missing : {}), ...errors, ...serverErrors };
  const change = (next: EditorValues): void => {
    setValues(next);
    setServerErrors({});
  };
  const setSection = (s: number, section: SectionValues): void => change({ ...values, sections: values.sections.map((old, n) => (n === s ? section : old)) });
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (values.title.trim() === '') return setServerErrors({ title: 'Give the estimate a title.' });
    if (Object.keys(errors).length > 0 || Object.keys(missing).length > 0 || !totals) return setError(new Error('Some fields need attention: they are marked below.'));
    setBusy(true);
    try {
      const saved = await save(values, content);
      notify({ text: `${saved.title} was saved.` });
      navigate(`/estimates/${saved.id}`);
    } catch (err) {
      const key = fieldKey((err as ApiError).field ?? '');
      if ((err as ApiError).code === 'estimate_sealed') {
        // Sent meanwhile: reloading shows the sealed revision's notice instead of the form.
        onStale?.();
      } else if (isStale(err)) {
        setError(new Error('Someone changed this estimate while you were editing. The form now shows the latest; make your changes again.'));
        onStale?.();
      } else if (key && key !== 'content') {
        setServerErrors({ [key]: (err as ApiError).message });
        setError(new Error('The server refused a field: it is marked below.'));
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const alternativeOptions = [{ value: '', label: 'Always included' }, ...values.groups.flatMap((group) => group.choices.map((choice) => ({ value: `${group.id}:${choice.id}`, label: `Only with ${group.title || 'group'}: ${choice.title || 'choice'}` })))];
  return (
    <form class="estimate-editor" onSubmit={submit} noValidate>
      <div class="estimate-editor-fields">
        {Boolean(error) && <ErrorNotice error={error} />}
        <div class="lead-money">
          <TextField label="Title" value={values.title} onValue={(title) => change({ ...values, title })} error={shown.title} required maxLength={200} autoComplete="off" />
          {creating ? (
            <SelectField label="Currency" value={values.currency} options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))} onValue={(currency) => change({ ...values, currency })} />
          ) : (
            <p class="estimate-currency">
              <span class="lead-field-label">Currency</span> {values.currency}
            </p>
          )}
        </div>
        {values.sections.map((section, s) => (
          <SectionEditor
            key={section.key}
            section={section}
            index={s}
            count={values.sections.length}
            currency={values.currency}
            errors={shown}
            totals={totals}
            alternativeOptions={alternativeOptions}
            onChange={(next) => setSection(s, next)}
            onRemove={() => change({ ...values, sections: values.sections.filter((_, n) => n !== s) })}
            onMove={(by) => {
              const sections = [...values.sections];
              const [moved] = sections.splice(s, 1);
              sections.splice(s + by, 0, moved as SectionValues);
              change({ ...values, sections });
            }}
          />
        ))}
        <div>
          <Button onClick={() => change({ ...values, sections: [...values.sections, emptySection(values.sections.length + 1)] })}>Add section</Button>
        </div>
        <GroupsEditor values={values} errors={shown} onChange={change} />
        <fieldset class="fieldset">
          <legend>Deposit</legend>
          <SelectField
            label="Deposit"
            value={values.depositKind}
            options={[
              { value: '', label: 'No deposit' },
              { value: 'percent', label: 'A percentage of the total' },
              { value: 'fixed', label: 'A fixed amount' },
            ]}
            onValue={(depositKind) => change({ ...values, depositKind: depositKind as EditorValues['depositKind'] })}
          />
          {values.depositKind !== '' && (
            <>
              <TextField
                label={values.depositKind === 'percent' ? 'Deposit %' : `Deposit amount (${values.currency})`}
                value={values.deposit}
                onValue={(deposit) => change({ ...values, deposit })}
                error={shown[values.depositKind === 'percent' ? 'deposit.bp' : 'deposit.amount']}
                autoComplete="off"
              />
              <DateField label="Deposit due" value={values.depositDue} onValue={(depositDue) => change({ ...values, depositDue })} error={shown['deposit.dueDate']} />
            </>
          )}
        </fieldset>
        <DateField label="Valid until" value={values.validUntil} onValue={(validUntil) => change({ ...values, validUntil })} error={shown.validUntil} />
        <TextAreaField label="Terms" value={values.terms} onValue={(terms) => change({ ...values, terms })} error={shown.terms} rows={4} maxLength={20000} />
        <TextAreaField label="Notes" hint="Shown to the customer." value={values.notes} onValue={(notes) => change({ ...values, notes })} error={shown.notes} rows={3} maxLength={20000} />
        <div class="button-row">
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </div>
      <TotalsPanel totals={totals} errors={errors} currency={values.currency} />
    </form>
  );
}

interface SectionProps {
  section: SectionValues;
  index: number;
  count: number;
  currency: string;
  errors: FieldErrors;
  totals: EstimateTotals | null;
  alternativeOptions: { value: string; label: string }[];
  onChange: (section: SectionValues) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}

function SectionEditor({ section, index: s, count, currency, errors, totals, alternativeOptions, onChange, onRemove, onMove }: SectionProps): JSX.Element {
  const name = `Section ${s + 1}`;
  const setItem = (i: number, item: ItemValues): void => onChange({ ...section, items: section.items.map((old, n) => (n === i ? item : old)) });
  const sectionTotal = totals?.sections[s];
  return (
    <fieldset class="fieldset estimate-section">
      <legend>{name}</legend>
      <div class="estimate-section-head">
        <TextField label="Section title" value={section.title} onValue={(title) => onChange({ ...section, title })} error={errors[`sections.${s}.title`]} maxLength={200} autoComplete="off" />
        <div class="button-row">
          <Button variant="ghost" disabled={s === 0} onClick={() => onMove(-1)} aria-label={`Move up: ${name.toLowerCase()}`}>
            ↑ Move up
          </Button>
          <Button variant="ghost" disabled={s === count - 1} onClick={() => onMove(1)} aria-label={`Move down: ${name.toLowerCase()}`}>
            ↓ Move down
          </Button>
          <Button variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={`Remove section: ${name.toLowerCase()}`}>
            Remove section
          </Button>
        </div>
      </div>
      <Checkbox label="Show the customer only the section total" checked={section.showOnlySectionTotal} onChecked={(showOnlySectionTotal) => onChange({ ...section, showOnlySectionTotal })} />
      {section.items.map((item, i) => (
        <ItemEditor
          key={item.id}
          item={item}
          name={`${name}, line ${i + 1}`}
          at={`sections.${s}.items.${i}`}
          currency={currency}
          errors={errors}
          total={totals?.sections[s]?.lines[i]}
          alternativeOptions={alternativeOptions}
          onChange={(next) => setItem(i, next)}
          onRemove={section.items.length > 1 ? () => onChange({ ...section, items: section.items.filter((_, n) => n !== i) }) : undefined}
        />
      ))}
      <div class="estimate-section-foot">
        <Button onClick={() => onChange({ ...section, items: [...section.items, emptyItem()] })} aria-label={`Add line to ${name.toLowerCase()}`}>
          Add line
        </Button>
        {sectionTotal && (
          <p>
            Section total: <strong>{formatMoney(sectionTotal.total, currency)}</strong>
          </p>
        )}
      </div>
    </fieldset>
  );
}

interface ItemProps {
  item: ItemValues;
  name: string;
  at: string;
  currency: string;
  errors: FieldErrors;
  total: EstimateTotals['sections'][number]['lines'][number] | undefined;
  alternativeOptions: { value: string; label: string }[];
  onChange: (item: ItemValues) => void;
  onRemove: (() => void) | undefined;
}

function ItemEditor({ item, name, at, currency, errors, total, alternativeOptions, onChange, onRemove }: ItemProps): JSX.Element {
  const set = (field: keyof ItemValues) => (value: string) => onChange({ ...item, [field]: value });
  const lineError = errors[at];
  return (
    <fieldset class="fieldset estimate-line">
      <legend>{name}</legend>
      <TextAreaField label="Description" value={item.description} onValue={set('description')} error={errors[`${at}.description`]} rows={2} maxLength={2000} />
      <div class="estimate-line-numbers">
        <TextField label="Quantity" value={item.quantity} onValue={set('quantity')} error={errors[`${at}.quantity`]} autoComplete="off" />
        <TextField label="Unit" value={item.unit} onValue={set('unit')} error={errors[`${at}.unit`]} maxLength={20} autoComplete="off" />
        <TextField label={`Unit price (${currency})`} hint={`Such as ${amountExample(currency)}`} value={item.unitPrice} onValue={set('unitPrice')} error={errors[`${at}.unitPrice`]} autoComplete="off" />
        <TextField label="Tax %" value={item.taxRate} onValue={set('taxRate')} error={errors[`${at}.taxRateBp`]} autoComplete="off" />
      </div>
      <div class="estimate-line-numbers">
        <SelectField
          label="Discount"
          value={item.discountKind}
          options={[
            { value: '', label: 'No discount' },
            { value: 'percent', label: 'Percent' },
            { value: 'fixed', label: 'Fixed amount' },
          ]}
          onValue={(kind) => onChange({ ...item, discountKind: kind as ItemValues['discountKind'] })}
        />
        {item.discountKind !== '' && (
          <TextField
            label={item.discountKind === 'percent' ? 'Discount %' : `Discount (${currency})`}
            value={item.discount}
            onValue={set('discount')}
            error={errors[`${at}.discount.${item.discountKind === 'percent' ? 'bp' : 'amount'}`]}
            autoComplete="off"
          />
        )}
        <SelectField label="Alternative" value={item.alternative} options={alternativeOptions} onValue={set('alternative')} error={errors[`${at}.alternative.group`] ?? errors[`${at}.alternative.choice`]} />
      </div>
      <div class="estimate-line-foot">
        <Checkbox label="Optional: the customer may add it" checked={item.optional} onChecked={(optional) => onChange({ ...item, optional })} />
        <p class={lineError ? 'field-error' : undefined}>
          {lineError ?? (total ? <>Line total: {formatMoney(total.total, currency)}{total.counted ? '' : ' (not in the total unless picked)'}</> : null)}
        </p>
        {onRemove && (
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove line: ${name.toLowerCase()}`}>
            Remove line
          </Button>
        )}
      </div>
    </fieldset>
  );
}

/** Good / better / best: groups of 2 to 5 choices, one the default; lines say which choice they belong to. */
function GroupsEditor({ values, errors, onChange }: { values: EditorValues; errors: FieldErrors; onChange: (values: EditorValues) => void }): JSX.Element {
  const setGroup = (g: number, group: GroupValues): void => onChange({ ...values, groups: values.groups.map((old, n) => (n === g ? group : old)) });
  const addGroup = (): void => {
    const choices = [
      { id: newId('choice'), title: 'Good' },
      { id: newId('choice'), title: 'Better' },
    ];
    onChange({ ...values, groups: [...values.groups, { id: newId('group'), title: `Option group ${values.groups.length + 1}`, choices, defaultChoice: choices[0]!.id }] });
  };
  const removeGroup = (g: number): void => {
    const id = values.groups[g]?.id;
    // Lines of the removed group become plain lines again.
    const sections = values.sections.map((section) => ({ ...section, items: section.items.map((item) => (item.alternative.startsWith(`${id}:`) ? { ...item, alternative: '' } : item)) }));
    onChange({ ...values, sections, groups: values.groups.filter((_, n) => n !== g) });
  };
  return (
    <section class="panel" aria-labelledby="groups-title">
      <h2 id="groups-title">Alternatives</h2>
      <p class="muted">A group offers choices such as good, better, best; exactly one counts: the customer's pick, or the default. Choose a line's choice under “Alternative”.</p>
      {values.groups.map((group, g) => (
        <fieldset key={group.id} class="fieldset">
          <legend>{`Option group ${g + 1}`}</legend>
          <TextField label="Group title" value={group.title} onValue={(title) => setGroup(g, { ...group, title })} error={errors[`alternativeGroups.${g}.title`]} maxLength={200} autoComplete="off" />
          {group.choices.map((choice, c) => (
            <div key={choice.id} class="estimate-choice">
              <TextField
                label={`Choice ${c + 1}`}
                value={choice.title}
                onValue={(title) => setGroup(g, { ...group, choices: group.choices.map((old) => (old.id === choice.id ? { ...old, title } : old)) })}
                error={errors[`alternativeGroups.${g}.choices.${c}.title`]}
                maxLength={200}
                autoComplete="off"
              />
              {group.choices.length > 2 && (
                <Button
                  variant="ghost"
                  aria-label={`Remove choice ${c + 1}: option group ${g + 1}`}
                  onClick={() => {
                    const choices = group.choices.filter((old) => old.id !== choice.id);
                    const sections = values.sections.map((section) => ({ ...section, items: section.items.map((item) => (item.alternative === `${group.id}:${choice.id}` ? { ...item, alternative: '' } : item)) }));
                    const groups = values.groups.map((old, n) => (n === g ? { ...group, choices, defaultChoice: group.defaultChoice === choice.id ? choices[0]!.id : group.defaultChoice } : old));
                    onChange({ ...values, sections, groups });
                  }}
                >
                  Remove
                </Button>
              )}
            </div>
          ))}
          <SelectField label="Default choice" value={group.defaultChoice} options={group.choices.map((choice) => ({ value: choice.id, label: choice.title || 'choice' }))} onValue={(defaultChoice) => setGroup(g, { ...group, defaultChoice })} error={errors[`alternativeGroups.${g}.defaultChoice`]} />
          <div class="button-row">
            {group.choices.length < 5 && (
              <Button onClick={() => setGroup(g, { ...group, choices: [...group.choices, { id: newId('choice'), title: group.choices.length === 2 ? 'Best' : '' }] })} aria-label={`Add choice to option group ${g + 1}`}>
                Add choice
              </Button>
            )}
            <Button variant="ghost" onClick={() => removeGroup(g)} aria-label={`Remove group: option group ${g + 1}`}>
              Remove group
            </Button>
          </div>
        </fieldset>
      ))}
      {values.groups.length < 20 && <Button onClick={addGroup}>Add option group</Button>}
    </section>
  );
}

/** The totals as the server will store them (default choices, no optional items), or why they cannot be computed yet. */
function TotalsPanel({ totals, errors, currency }: { totals: EstimateTotals | null; errors: FieldErrors; currency: string }): JSX.Element {
  const problems = Object.keys(errors).length;
  return (
    <aside class="panel estimate-totals" aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      {totals ? (
        <TotalsList totals={totals} currency={currency} />
      ) : (
        <p>The totals appear once every line can be counted.</p>
      )}
      <p class="muted" aria-live="polite">
        {problems > 0 ? `${problems} ${problems === 1 ? 'field needs' : 'fields need'} attention.` : 'With the default choices and without optional items.'}
      </p>
    </aside>
  );
}

function Checkbox({ label, checked, onChecked }: { label: string; checked: boolean; onChecked: (checked: boolean) => void }): JSX.Element {
  return (
    <label class="estimate-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.currentTarget.checked)} /> {label}
    </label>
  );
}

function DateField({ label, value, onValue, error }: { label: string; value: string; onValue: (value: string) => void; error?: string | undefined }): JSX.Element {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => <input id={id} type="date" class="input" value={value} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </Field>
  );
}
