// Estimate settings (admins): the number prefix, the terms and notes a new estimate starts with,
// how long an estimate is valid and its link works, and whether a decision moves the lead.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { confirmIdentityIfAsked } from '../../reauth.js';
import { can, useSession } from '../../session.js';
import { Button, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice, Loading } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import type { EstimateSettings as Settings } from './estimate.js';

export function EstimateSettings(): JSX.Element {
  const settings = useRequest(() => ok(api.GET('/api/v1/settings/estimates')), []);
  if (settings.loading && !settings.data) return <Loading />;
  if (!settings.data)
    return (
      <Page title="Estimate settings">
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      </Page>
    );
  return (
    <Page title="Estimate settings">
      <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} onSaved={settings.reload} />
    </Page>
  );
}

const FIELDS = { numberPrefix: 'prefix', validityDays: 'validity', linkDays: 'link', defaultTerms: 'terms', defaultNotes: 'notes' } as const;

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }): JSX.Element {
  const session = useSession();
  const admin = can(session, 'settings:write');
  const [values, setValues] = useState({
    prefix: settings.numberPrefix,
    validity: String(settings.validityDays),
    link: String(settings.linkDays),
    terms: settings.defaultTerms ?? '',
    notes: settings.defaultNotes ?? '',
    moves: settings.decisionMovesLead,
  });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  const days = (typed: string): number | null => (/^\d{1,3}$/.test(typed.trim()) && Number(typed) >= 1 && Number(typed) <= 365 ? Number(typed) : null);
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setError(null);
    const validityDays = days(values.validity);
    const linkDays = days(values.link);
    const found = {
      ...(validityDays === null ? { validity: 'Enter a number of days from 1 to 365.' } : {}),
      ...(linkDays === null ? { link: 'Enter a number of days from 1 to 365.' } : {}),
    };
    setErrors(found);
    if (validityDays === null || linkDays === null) return;
    setBusy(true);
    try {
      await ok(
        api.PATCH('/api/v1/settings/estimates', {
          body: { numberPrefix: values.prefix.trim(), validityDays, linkDays, defaultTerms: values.terms.trim() ? values.terms : null, defaultNotes: values.notes.trim() ? values.notes : null, decisionMovesLead: values.moves },
        }),
      );
      notify({ text: 'Estimate settings saved.' });
      onSaved();
    } catch (err) {
      const field = FIELDS[((err as ApiError).field ?? '').replace(/^\//, '') as keyof typeof FIELDS];
      if (confirmIdentityIfAsked(err)) return;
      if (field === 'prefix') setErrors({ prefix: 'Letters and digits, then up to 15 of letters, digits and / _ . - (such as EST-).' });
      else if (field) setErrors({ [field]: (err as ApiError).message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={save} noValidate>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextField label="Number prefix" hint={`The next estimate sent for the first time is ${values.prefix}${String(settings.nextNumber).padStart(4, '0')}.`} value={values.prefix} onValue={set('prefix')} error={errors.prefix} disabled={!admin} maxLength={16} autoComplete="off" />
      <TextField label="Valid for (days)" hint="A new estimate's “valid until” is this many days from the day it is made." value={values.validity} onValue={set('validity')} error={errors.validity} disabled={!admin} autoComplete="off" />
      <TextField label="Links work for (days)" hint="Never past the estimate's last valid day." value={values.link} onValue={set('link')} error={errors.link} disabled={!admin} autoComplete="off" />
      <TextAreaField label="Default terms" value={values.terms} onValue={set('terms')} error={errors.terms} disabled={!admin} rows={4} maxLength={20000} />
      <TextAreaField label="Default notes" value={values.notes} onValue={set('notes')} error={errors.notes} disabled={!admin} rows={3} maxLength={20000} />
      <label class="estimate-check">
        <input type="checkbox" checked={values.moves} disabled={!admin} onChange={(e) => setValues({ ...values, moves: e.currentTarget.checked })} /> A decision moves the lead (accepted: to its pipeline's first won stage; declined: to the first lost stage)
      </label>
      {admin && (
        <div class="button-row">
          <Button type="submit" variant="primary" busy={busy}>
            Save settings
          </Button>
        </div>
      )}
    </form>
  );
}
