// Importing contacts or leads from a CSV file, in steps: choose the file → map its columns (each
// prefilled by the server's suggestion) → check every row (errors by row and field, duplicates with
// a skip-or-create choice) → run with a progress bar → the result, with the rejected rows to download.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { ApiError, api, ok, readError } from '../../api/http.js';
import { saveResponse } from '../../download.js';
import { Link, useLocation } from '../../router.js';
import { Button, Field, SelectField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice } from '../../ui/states.js';
import { useRequest } from '../../ui/use-request.js';
import { KIND_NAMES, type Duplicates, type Import, type ImportKind, type ImportPreview } from './import.js';

type Step = { name: 'file' } | { name: 'map'; upload: Import } | { name: 'preview'; upload: Import; preview: ImportPreview } | { name: 'run'; upload: Import } | { name: 'done'; result: Import };

const POLL_MS = 500;

/** "1 row", "2 rows". */
const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function ImportWizard(): JSX.Element {
  const { query } = useLocation();
  const kind: ImportKind = query.get('kind') === 'leads' ? 'leads' : 'contacts';
  const names = KIND_NAMES[kind];
  const [step, setStep] = useState<Step>({ name: 'file' });
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [duplicates, setDuplicates] = useState<Duplicates>('skip');
  // Leads: the pipeline whose stages the stage column names ('' = the first pipeline).
  const [pipelineId, setPipelineId] = useState('');
  const [error, setError] = useState<unknown>(null);

  const title = `Import ${names.plural}`;
  const back = <Link href={names.list}>← {kind === 'leads' ? 'Leads' : 'Contacts'}</Link>;
  return (
    <Page title={title} back={back}>
      <ol class="import-steps" aria-label="Steps">
        {(['Choose a file', 'Map columns', 'Check rows', 'Import'] as const).map((label, index) => (
          <li key={label} aria-current={stepIndex(step) === index ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
      {Boolean(error) && <ErrorNotice error={error} />}
      {step.name === 'file' && (
        <ChooseFile
          kind={kind}
          onUploaded={(upload) => {
            setError(null);
            setMapping(upload.suggestedMapping);
            setStep({ name: 'map', upload });
          }}
          onError={setError}
        />
      )}
      {step.name === 'map' && (
        <MapColumns
          upload={step.upload}
          mapping={mapping}
          onMapping={setMapping}
          pipelineId={pipelineId}
          onPipeline={setPipelineId}
          onPreview={(preview) => {
            setError(null);
            setStep({ name: 'preview', upload: step.upload, preview });
          }}
          onError={setError}
          onRestart={() => setStep({ name: 'file' })}
        />
      )}
      {step.name === 'preview' && (
        <PreviewRows
          kind={kind}
          preview={step.preview}
          duplicates={duplicates}
          onDuplicates={setDuplicates}
          onBack={() => setStep({ name: 'map', upload: step.upload })}
          onRun={() => {
            setError(null);
            setStep({ name: 'run', upload: step.upload });
          }}
        />
      )}
      {step.name === 'run' && (
        <RunImport
          upload={step.upload}
          mapping={mapping}
          duplicates={duplicates}
          pipelineId={pipelineId}
          onDone={(result) => setStep({ name: 'done', result })}
          onError={(e) => {
            setError(e);
            setStep({ name: 'map', upload: step.upload });
          }}
        />
      )}
      {step.name === 'done' && <ImportResult kind={kind} result={step.result} onAnother={() => setStep({ name: 'file' })} />}
    </Page>
  );
}

const stepIndex = (step: Step): number => ({ file: 0, map: 1, preview: 2, run: 3, done: 3 })[step.name];

function uploadError(error: unknown): unknown {
  if (error instanceof ApiError && error.code === 'payload_too_large') return new Error('The file is larger than this server accepts for one import. Split it into smaller files.');
  return error;
}

function ChooseFile({ kind, onUploaded, onError }: { kind: ImportKind; onUploaded: (upload: Import) => void; onError: (error: unknown) => void }): JSX.Element {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      // The file's bytes go as they are (text/csv): the server checks the encoding, not the browser.
      const body = await ok(
        api.POST('/api/v1/imports', {
          params: { query: { kind, fileName: file.name.slice(0, 200) } },
          body: { csv: '' },
          bodySerializer: () => file,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      onUploaded(body);
    } catch (error) {
      onError(uploadError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={(e) => void upload(e)}>
      <Field label="CSV file" hint={`A file saved as “CSV UTF-8”, its first row naming the columns; up to 100,000 ${KIND_NAMES[kind].plural}.`}>
        {({ id, describedBy }) => <input id={id} class="input" type="file" accept=".csv,text/csv" aria-describedby={describedBy} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
      </Field>
      <div class="button-row">
        <Button type="submit" variant="primary" busy={busy} disabled={!file}>
          Upload
        </Button>
      </div>
    </form>
  );
}

const plan = (mapping: (string | null)[], pipelineId: string, duplicates?: Duplicates) => ({ mapping, ...(duplicates ? { duplicates } : {}), ...(pipelineId ? { pipelineId } : {}) });

function MapColumns(props: {
  upload: Import;
  mapping: (string | null)[];
  onMapping: (mapping: (string | null)[]) => void;
  pipelineId: string;
  onPipeline: (id: string) => void;
  onPreview: (preview: ImportPreview) => void;
  onError: (error: unknown) => void;
  onRestart: () => void;
}): JSX.Element {
  const { upload, mapping, onMapping } = props;
  const pipelines = useRequest(() => (upload.kind === 'leads' ? ok(api.GET('/api/v1/pipelines')).then((list) => list.items) : Promise.resolve([])), [upload.kind]);
  const [busy, setBusy] = useState(false);
  const missing = upload.fields.filter((f) => f.required && !mapping.includes(f.name));
  const check = async (): Promise<void> => {
    setBusy(true);
    try {
      props.onPreview(await ok(api.POST('/api/v1/imports/{importId}/preview', { params: { path: { importId: upload.id } }, body: plan(mapping, props.pipelineId) })));
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  };
  const choose = (column: number, field: string) => onMapping(mapping.map((current, i) => (i === column ? field || null : current === field && field ? null : current)));
  return (
    <>
      <p>
        {upload.fileName ?? 'The file'} has {count(upload.rowCount, 'row', 'rows')}. Choose which field each column fills; a field can take one column.
      </p>
      <table class="table import-mapping">
        <caption class="visually-hidden">Columns of the file and the field each fills</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First row</th>
            <th scope="col">Imported as</th>
          </tr>
        </thead>
        <tbody>
          {upload.header.map((name, column) => (
            <tr key={column}>
              <th scope="row">
                {name || `Column ${column + 1}`}
              </th>
              <td>{upload.sample[0]?.[column] ?? ''}</td>
              <td>
                <select class="input" aria-label={`Field for column ${name || column + 1}`} value={mapping[column] ?? ''} onChange={(e) => choose(column, e.currentTarget.value)}>
                  <option value="">Leave out</option>
                  {upload.fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(pipelines.data?.length ?? 0) > 1 && (
        <div class="form import-pipeline">
          <SelectField
            label="Pipeline"
            hint="The stage column names stages of this pipeline; an empty stage is its first."
            value={props.pipelineId || (pipelines.data?.[0]?.id ?? '')}
            options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onValue={props.onPipeline}
          />
        </div>
      )}
      {missing.length > 0 && (
        <p class="field-error" role="status">
          Every row needs {missing.map((f) => f.label).join(', ')}: choose the column that holds it.
        </p>
      )}
      <div class="button-row">
        <Button variant="primary" busy={busy} disabled={missing.length > 0} onClick={() => void check()}>
          Check rows
        </Button>
        <Button onClick={props.onRestart}>Choose another file</Button>
      </div>
    </>
  );
}

function PreviewRows(props: { kind: ImportKind; preview: ImportPreview; duplicates: Duplicates; onDuplicates: (choice: Duplicates) => void; onBack: () => void; onRun: () => void }): JSX.Element {
  const { preview, duplicates } = props;
  const importing = preview.valid + (duplicates === 'create' ? preview.duplicates : 0);
  return (
    <>
      <p class="import-summary" role="status">
        {count(preview.rowCount, 'row', 'rows')}: {preview.valid.toLocaleString()} ready, {preview.invalid.toLocaleString()} with errors
        {props.kind === 'contacts' ? `, ${count(preview.duplicates, 'duplicate', 'duplicates')}` : ''}.
      </p>
      {preview.errors.length > 0 && (
        <section class="import-section" aria-labelledby="import-errors-title">
          <h2 id="import-errors-title">Rows with errors (not imported)</h2>
          <table class="table">
            <caption class="visually-hidden">
              {preview.invalid === preview.errors.length ? 'Every row with an error' : `The first ${preview.errors.length} of ${preview.invalid} rows with errors`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e) => (
                <tr key={e.row}>
                  <th scope="row" data-label="Row">{e.row}</th>
                  <td data-label="Field">{e.field ?? 'the whole row'}</td>
                  <td data-label="Problem">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {preview.duplicates > 0 && (
        <section class="import-section" aria-labelledby="import-duplicates-title">
          <h2 id="import-duplicates-title">Duplicates by email</h2>
          <table class="table">
            <caption class="visually-hidden">Rows whose email is already a contact or on an earlier row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Email</th>
                <th scope="col">Already</th>
              </tr>
            </thead>
            <tbody>
              {preview.duplicateRows.map((d) => (
                <tr key={d.row}>
                  <th scope="row" data-label="Row">{d.row}</th>
                  <td data-label="Email">{d.email}</td>
                  <td data-label="Already">{d.existingContactId ? <Link href={`/contacts/${d.existingContactId}`}>a contact</Link> : `on row ${d.earlierRow}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset class="choices import-choice">
            <legend>What to do with duplicates</legend>
            <label>
              <input type="radio" name="duplicates" value="skip" checked={duplicates === 'skip'} onChange={() => props.onDuplicates('skip')} /> Skip them (they are listed with the rejected rows)
            </label>
            <label>
              <input type="radio" name="duplicates" value="create" checked={duplicates === 'create'} onChange={() => props.onDuplicates('create')} /> Create them anyway, as separate contacts
            </label>
          </fieldset>
        </section>
      )}
      <div class="button-row">
        <Button variant="primary" disabled={importing === 0} onClick={props.onRun}>
          Import {importing.toLocaleString()} {KIND_NAMES[props.kind].plural}
        </Button>
        <Button onClick={props.onBack}>Back to the mapping</Button>
      </div>
    </>
  );
}

function RunImport({ upload, mapping, duplicates, pipelineId, onDone, onError }: { upload: Import; mapping: (string | null)[]; duplicates: Duplicates; pipelineId: string; onDone: (result: Import) => void; onError: (error: unknown) => void }): JSX.Element {
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    let running = true;
    const path = { importId: upload.id };
    // The run answers when every row is done; meanwhile the import's counts show how far it is.
    const timer = setInterval(() => {
      void ok(api.GET('/api/v1/imports/{importId}', { params: { path } })).then((state) => running && setProgress(state.processed), () => undefined);
    }, POLL_MS);
    ok(api.POST('/api/v1/imports/{importId}/run', { params: { path }, body: plan(mapping, pipelineId, duplicates) })).then(
      (result) => running && onDone(result),
      (error: unknown) => running && onError(error),
    );
    return () => {
      running = false;
      clearInterval(timer);
    };
  }, [upload.id]);
  return (
    <div class="import-run">
      <label for="import-progress">Importing…</label>
      <progress id="import-progress" max={upload.rowCount} value={progress} />
      <p role="status">
        {progress.toLocaleString()} of {upload.rowCount.toLocaleString()} rows done
      </p>
    </div>
  );
}

function ImportResult({ kind, result, onAnother }: { kind: ImportKind; result: Import; onAnother: () => void }): JSX.Element {
  const rejected = result.failed + result.skipped;
  const download = async (): Promise<void> => {
    try {
      const { response } = await api.GET('/api/v1/imports/{importId}/rejected', { params: { path: { importId: result.id } }, parseAs: 'stream' });
      if (!response.ok) throw await readError(response);
      await saveResponse(response, 'rejected-rows.csv');
    } catch (error) {
      notify({ text: sentence(error) });
    }
  };
  return (
    <div class="import-result">
      <p role="status" class="import-summary">
        Imported {result.imported.toLocaleString()} {KIND_NAMES[kind].plural}. {count(result.failed, 'row had errors', 'rows had errors')}
        {kind === 'contacts' ? ` and ${count(result.skipped, 'duplicate was skipped', 'duplicates were skipped')}` : ''}.
      </p>
      <div class="button-row">
        <Link href={KIND_NAMES[kind].list} class="button button-primary">
          Go to {KIND_NAMES[kind].plural}
        </Link>
        {rejected > 0 && <Button onClick={() => void download()}>Download rejected rows (CSV)</Button>}
        <Button onClick={onAnother}>Import another file</Button>
      </div>
    </div>
  );
}
