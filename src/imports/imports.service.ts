// CSV imports: upload (the file is checked and kept), preview (every row checked, nothing written),
// run (rows imported in batches, each batch one transaction that also moves the counts, so a
// reader of the progress never sees a row counted that is not stored). Each row is built and
// checked by the same schema and rules as its create route; a row that fails is reported, whole,
// never half-written. Duplicates by email are flagged and skipped or created, never merged.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvCell } from '../audit/audit-query.service.js';
import { recordTenantEvent } from '../audit/audit.service.js';
import { insertContact } from '../contacts/contacts.repo.js';
import { ContactCreate, CONTACT_SOURCES, type Contact } from '../contacts/contacts.schemas.js';
import { newContact } from '../contacts/contacts.service.js';
import { AppError, badRequest, notFound, toAppError } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { createValidatorCompiler } from '../http/validation.js';
import { listPipelineRows, listStages } from '../leads/leads.repo.js';
import { insertNewLead } from '../leads/leads.service.js';
import { LeadCreate, type Stage } from '../leads/leads.schemas.js';
import { findMemberByEmail } from '../members/members.repo.js';
import { isKnownCurrency, minorDigits } from '../money/currencies.js';
import type { Runtime } from '../runtime.js';
import { currentActorId, currentTenantId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { parseCsv } from './csv-file.js';
import { IMPORT_FIELDS, suggestMapping, type ImportKind } from './import-fields.js';
import {
  addProgress,
  contactEmails,
  findImport,
  importCsv,
  insertImport,
  insertRejection,
  leadCountsByStage,
  listRejections,
  markDone,
  markRunning,
  type ImportRow,
} from './imports.repo.js';
import type { DuplicateRow, Import, ImportPlan, ImportPreview, RowProblem } from './imports.schemas.js';

const SAMPLE_ROWS = 5;
/** Rows per transaction: large enough to be fast, small enough that progress moves and readers are not held up. */
const BATCH_ROWS = 1000;
/** Problems and duplicates a preview lists (its counts are complete). */
const LISTED = 1000;

function toImport(row: ImportRow): Import {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    header: JSON.parse(row.header) as string[],
    sample: JSON.parse(row.sample) as string[][],
    rowCount: row.row_count,
    suggestedMapping: suggestMapping(row.kind, JSON.parse(row.header) as string[]),
    fields: IMPORT_FIELDS[row.kind].map(({ name, label, required }) => ({ name, label, required })),
    processed: row.processed,
    imported: row.imported,
    failed: row.failed,
    skipped: row.skipped,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function loadImport(db: TenantHandle, id: string): ImportRow {
  const row = findImport(db, id);
  if (!row) throw notFound('import');
  return row;
}

/** Keeps a file for import: refused (changing nothing) when it is not CSV, too long or has no header. */
export function uploadImport(kind: ImportKind, fileName: string | null, csv: string): Import {
  const { header, rows } = parseCsv(csv);
  const now = currentTimestamp();
  const actor = currentActorId();
  const db = tenantDb();
  const id = newId('import');
  const record = { id, kind, status: 'uploaded' as const, file_name: fileName, header: JSON.stringify(header), sample: JSON.stringify(rows.slice(0, SAMPLE_ROWS)), csv, row_count: rows.length, created_at: now, created_by: actor, updated_at: now, updated_by: actor };
  insertImport(db, record);
  return toImport(loadImport(db, id));
}

export const getImport = (id: string): Import => toImport(loadImport(tenantDb(), id));

// Planning: every row's outcome, computed the same way for a preview and for a run.

/** `insert` stores the row whole or throws having stored none of it (one statement, or a savepoint around several). */
type Outcome =
  | { row: number; cells: string[]; kind: 'invalid'; field: string | null; message: string }
  | { row: number; cells: string[]; kind: 'valid'; insert: (db: TenantHandle) => void }
  | { row: number; cells: string[]; kind: 'duplicate'; insert: (db: TenantHandle) => void; duplicate: DuplicateRow };

const compileBody = createValidatorCompiler();
// The create routes' own body schemas, compiled by the same compiler the routes use.
const validateContact = compileBody({ schema: ContactCreate, method: 'POST', url: '/contacts', httpPart: 'body' }) as ((data: unknown) => boolean) & { errors?: unknown[] };
const validateLead = compileBody({ schema: LeadCreate, method: 'POST', url: '/leads', httpPart: 'body' }) as ((data: unknown) => boolean) & { errors?: unknown[] };

class RowError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** A schema failure or rule refusal, restated with the import's field name instead of the API's. */
function rowError(err: unknown, fieldOf: (apiField: string) => string): RowError {
  const app = err instanceof AppError ? err : toAppError(Object.assign(new Error('invalid row'), { validation: err, validationContext: 'row' }) as never);
  if (!app.field) return new RowError(null, app.message);
  const field = fieldOf(app.field);
  return new RowError(field, app.message.startsWith(app.field) ? `${field}${app.message.slice(app.field.length)}` : app.message);
}

function check(validate: typeof validateContact, input: unknown, fieldOf: (apiField: string) => string): void {
  if (!validate(input)) throw rowError(validate.errors, fieldOf);
}

const contactField = (apiField: string): string => apiField.replace(/^postalAddress\./, 'postal.').replace(/^siteAddress\./, 'site.').replace(/^tags\.\d+$/, 'tags');
const LEAD_FIELDS: Record<string, string> = { contactId: 'contactEmail', ownerId: 'ownerEmail', valueMinor: 'value', stageId: 'stage', 'nextAction.text': 'nextActionText', 'nextAction.date': 'nextActionDate', nextAction: 'nextActionText' };
const leadField = (apiField: string): string => LEAD_FIELDS[apiField] ?? apiField.replace(/^tags\.\d+$/, 'tags');

const splitTags = (text: string): string[] => text.split(/[;,]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
const fold = (text: string): string => text.trim().toLowerCase();

/** Checks the mapping against the file and the kind; names the entry or the missing field. */
function checkPlan(row: ImportRow, plan: ImportPlan): Map<string, number> {
  const header = JSON.parse(row.header) as string[];
  if (plan.mapping.length !== header.length) throw badRequest('invalid_field', `mapping has ${plan.mapping.length} entries; the file has ${header.length} columns (one entry per column, null to leave one out)`, 'mapping');
  const fields = IMPORT_FIELDS[row.kind];
  const columns = new Map<string, number>();
  plan.mapping.forEach((name, index) => {
    if (name === null) return;
    if (!fields.some((f) => f.name === name)) throw badRequest('invalid_field', `mapping.${index}: ${name} is not a field of a ${row.kind} import`, `mapping.${index}`);
    if (columns.has(name)) throw badRequest('invalid_field', `mapping.${index}: ${name} is already mapped to column ${(columns.get(name) as number) + 1}`, `mapping.${index}`);
    columns.set(name, index);
  });
  const missing = fields.find((f) => f.required && !columns.has(f.name));
  if (missing) throw badRequest('missing_column', `no column is mapped to ${missing.name} (${missing.label}), which every row needs`, missing.name);
  return columns;
}

function planRows(runtime: Runtime, db: TenantHandle, row: ImportRow, plan: ImportPlan, now: string, actor: string): Outcome[] {
  const columns = checkPlan(row, plan);
  const { header, rows } = parseCsv(importCsv(db, row.id));
  const build = row.kind === 'contacts' ? contactBuilder(db, now, actor) : leadBuilder(runtime, db, plan, now, actor);
  return rows.map((cells, index) => {
    const rowNumber = index + 2;
    if (cells.length !== header.length) return { row: rowNumber, cells, kind: 'invalid', field: null, message: `the row has ${cells.length} cells; the header has ${header.length}` };
    const cell = (name: string): string | undefined => {
      const column = columns.get(name);
      const value = column === undefined ? undefined : cells[column];
      return value === undefined || value.trim() === '' ? undefined : value;
    };
    try {
      return { row: rowNumber, cells, ...build(cell, rowNumber) };
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      return { row: rowNumber, cells, kind: 'invalid', field: err.field, message: err.message };
    }
  });
}

type Built = { kind: 'valid'; insert: (db: TenantHandle) => void } | { kind: 'duplicate'; insert: (db: TenantHandle) => void; duplicate: DuplicateRow };
type Cell = (name: string) => string | undefined;

function contactBuilder(db: TenantHandle, now: string, actor: string): (cell: Cell, rowNumber: number) => Built {
  const inWorkspace = contactEmails(db);
  const inFile = new Map<string, number>();
  return (cell, rowNumber) => {
    const address = (prefix: 'postal' | 'site') => {
      const parts = { street: cell(`${prefix}.street`), city: cell(`${prefix}.city`), region: cell(`${prefix}.region`), postcode: cell(`${prefix}.postcode`), country: cell(`${prefix}.country`)?.trim().toUpperCase() };
      return Object.values(parts).some((part) => part !== undefined) ? parts : undefined;
    };
    const tags = cell('tags');
    const source = cell('source');
    const input = {
      name: cell('name'),
      email: cell('email')?.trim(),
      phone: cell('phone'),
      company: cell('company'),
      notes: cell('notes'),
      postalAddress: address('postal'),
      siteAddress: address('site'),
      tags: tags === undefined ? undefined : splitTags(tags),
      // Where a contact came from: the file's column when it has one, else "import".
      source: source === undefined ? 'import' : fold(source).replace(/[\s-]+/g, '_'),
    };
    for (const key of Object.keys(input) as (keyof typeof input)[]) if (input[key] === undefined) delete input[key];
    if (input.source && !(CONTACT_SOURCES as readonly string[]).includes(input.source)) throw new RowError('source', `source must be one of ${CONTACT_SOURCES.join(', ')}`);
    check(validateContact, input, contactField);
    let contact: Contact;
    try {
      contact = newContact(input as ContactCreate, now, actor);
    } catch (err) {
      throw rowError(err, contactField);
    }
    const insert = (target: TenantHandle) => insertContact(target, contact);
    if (contact.email === null) return { kind: 'valid', insert };
    const email = contact.email.toLowerCase();
    const existingContactId = inWorkspace.get(email) ?? null;
    const earlierRow = inFile.get(email) ?? null;
    if (earlierRow === null) inFile.set(email, rowNumber);
    if (existingContactId === null && earlierRow === null) return { kind: 'valid', insert };
    return { kind: 'duplicate', insert, duplicate: { row: rowNumber, email: contact.email, existingContactId, earlierRow } };
  };
}

/** Value as written in major units ("2500", "2,500.50") to minor units of the currency; refuses more decimals than it has. */
function minorUnits(text: string, currency: string): number {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RowError('value', 'value must be an amount like 2500 or 2500.00 (digits, a decimal point, commas between thousands)');
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) throw new RowError('value', `value has ${fraction.length} decimals; ${currency} has ${digits}`);
  const minor = Number(`${(match[1] as string).replace(/,/g, '')}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) throw new RowError('value', 'value is too large to store exactly');
  return minor;
}

function leadBuilder(runtime: Runtime, db: TenantHandle, plan: ImportPlan, now: string, actor: string): (cell: Cell) => Built {
  const pipelines = listPipelineRows(db);
  const pipeline = plan.pipelineId === undefined ? pipelines[0] : pipelines.find((p) => p.id === plan.pipelineId);
  if (!pipeline) throw badRequest('invalid_field', plan.pipelineId === undefined ? 'this workspace has no pipeline to import leads into' : 'pipelineId names no pipeline of this workspace', 'pipelineId');
  const stages = listStages(db, pipeline.id);
  const firstStage = stages[0];
  if (!firstStage) throw badRequest('invalid_field', `the pipeline ${pipeline.name} has no stages`, 'pipelineId');
  const stageByName = new Map<string, Stage>();
  for (const stage of stages) if (!stageByName.has(fold(stage.name))) stageByName.set(fold(stage.name), stage);
  const contacts = contactEmails(db);
  const owners = new Map<string, string | null>();
  const ownerId = (email: string): string | null => {
    const key = fold(email);
    if (!owners.has(key)) {
      const member = findMemberByEmail(runtime.control, currentTenantId(), key);
      owners.set(key, member && member.status === 'active' ? member.id : null);
    }
    return owners.get(key) ?? null;
  };
  const positions = leadCountsByStage(db);
  const required = (cell: Cell, name: string): string => {
    const value = cell(name);
    if (value === undefined) throw new RowError(name, `${name} is required`);
    return value;
  };
  return (cell) => {
    const contactEmail = required(cell, 'contactEmail');
    const contactId = contacts.get(fold(contactEmail));
    if (!contactId) throw new RowError('contactEmail', `no contact of this workspace has the email ${contactEmail.trim()} (import the contacts first)`);
    const stageName = cell('stage');
    const stage = stageName === undefined ? firstStage : stageByName.get(fold(stageName));
    if (!stage) throw new RowError('stage', `the pipeline ${pipeline.name} has no stage named ${stageName?.trim()}`);
    const currency = required(cell, 'currency').trim().toUpperCase();
    if (!isKnownCurrency(currency)) throw new RowError('currency', `currency ${currency} is not an ISO 4217 code this server knows`);
    const ownerEmail = cell('ownerEmail');
    const owner = ownerEmail === undefined ? null : ownerId(ownerEmail);
    if (ownerEmail !== undefined && owner === null) throw new RowError('ownerEmail', `${ownerEmail.trim()} is not an active member of this workspace`);
    const value = cell('value');
    const nextText = cell('nextActionText');
    const nextDate = cell('nextActionDate')?.trim();
    if ((nextText === undefined) !== (nextDate === undefined)) throw new RowError(nextText === undefined ? 'nextActionText' : 'nextActionDate', 'a next action needs both its text and its date');
    const tags = cell('tags');
    const input: Record<string, unknown> = {
      title: cell('title'),
      contactId,
      ownerId: owner,
      valueMinor: value === undefined ? 0 : minorUnits(value, currency),
      currency,
      stageId: stage.id,
      expectedCloseDate: cell('expectedCloseDate')?.trim() ?? null,
      nextAction: nextText === undefined ? null : { text: nextText, date: nextDate },
      siteAddress: cell('siteAddress') ?? null,
      notes: cell('notes') ?? null,
      tags: tags === undefined ? [] : [...new Set(splitTags(tags))],
    };
    check(validateLead, input, leadField);
    const create = input as unknown as LeadCreate;
    return {
      kind: 'valid',
      // Two rows (the lead, its first stage): a savepoint keeps them together.
      insert: (target) => target.transaction(() => {
        const position = positions.get(stage.id) ?? 0;
        insertNewLead(target, create, stage, position, actor, now);
        positions.set(stage.id, position + 1);
      }),
    };
  };
}

/** Every row checked as the run would, nothing written: the problems and duplicates, and the counts. */
export function previewImport(runtime: Runtime, id: string, plan: ImportPlan): ImportPreview {
  const db = tenantDb();
  const row = loadImport(db, id);
  if (row.status !== 'uploaded') throw new AppError(409, 'conflict', 'the import has run already; upload the file again to preview it');
  const outcomes = planRows(runtime, db, row, plan, currentTimestamp(), currentActorId());
  const errors: RowProblem[] = [];
  const duplicateRows: DuplicateRow[] = [];
  let valid = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === 'valid') valid += 1;
    else if (outcome.kind === 'invalid') errors.push({ row: outcome.row, field: outcome.field, message: outcome.message });
    else duplicateRows.push(outcome.duplicate);
  }
  return { rowCount: outcomes.length, valid, invalid: errors.length, duplicates: duplicateRows.length, errors: errors.slice(0, LISTED), duplicateRows: duplicateRows.slice(0, LISTED) };
}

/**
 * Imports the rows, BATCH_ROWS per transaction, yielding between batches so progress can be read.
 * Runs once: a second call (or one while it runs) answers the import as it stands. Answers when done.
 */
export async function runImport(runtime: Runtime, id: string, plan: ImportPlan): Promise<Import> {
  const now = currentTimestamp();
  const actor = currentActorId();
  const row = loadImport(tenantDb(), id);
  if (row.status !== 'uploaded') return toImport(row);
  const outcomes = planRows(runtime, tenantDb(), row, plan, now, actor);
  if (!tenantDb().transaction(() => markRunning(tenantDb(), id, now, actor))) return toImport(loadImport(tenantDb(), id));
  const createDuplicates = (plan.duplicates ?? 'skip') === 'create';
  try {
    for (let start = 0; start < outcomes.length; start += BATCH_ROWS) {
      // The handle is asked for again per batch: the scope's handle may have been reopened meanwhile.
      const db = tenantDb();
      db.transaction(() => {
        const counts = { processed: 0, imported: 0, failed: 0, skipped: 0 };
        for (const outcome of outcomes.slice(start, start + BATCH_ROWS)) {
          counts.processed += 1;
          const reject = (field: string | null, message: string) => insertRejection(db, id, { row_number: outcome.row, field, message, cells: JSON.stringify(outcome.cells) });
          if (outcome.kind === 'invalid') {
            reject(outcome.field, outcome.message);
            counts.failed += 1;
          } else if (outcome.kind === 'duplicate' && !createDuplicates) {
            reject('email', outcome.duplicate.existingContactId ? `skipped: a contact with this email exists (${outcome.duplicate.existingContactId})` : `skipped: the same email is on row ${outcome.duplicate.earlierRow}`);
            counts.skipped += 1;
          } else {
            try {
              outcome.insert(db);
              counts.imported += 1;
            } catch (err) {
              // A constraint the checks did not foresee refuses this row only; anything else (a full disk) stops the run.
              if (!String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw err;
              reject(null, 'the row could not be stored (it breaks a rule of the database)');
              counts.failed += 1;
            }
          }
        }
        addProgress(db, id, counts);
      });
      await nextTurn();
    }
  } finally {
    const db = tenantDb();
    db.transaction(() => {
      markDone(db, id, currentTimestamp());
      const done = loadImport(db, id);
      recordTenantEvent('import.completed', { type: 'import', id }, { after: { kind: done.kind, fileName: done.file_name, rows: done.row_count, processed: done.processed, imported: done.imported, failed: done.failed, skipped: done.skipped, duplicates: plan.duplicates ?? 'skip' } });
    });
  }
  return toImport(loadImport(tenantDb(), id));
}

/** The rows the run did not import, as CSV: why (row, field, problem), then the cells as uploaded, each guarded as the audit export guards them. */
export function rejectedRowsCsv(id: string): string {
  const db = tenantDb();
  const row = loadImport(db, id);
  const header = JSON.parse(row.header) as string[];
  const lines = [['row', 'field', 'problem', ...header].map(csvCell).join(',')];
  for (const rejection of listRejections(db, id)) {
    lines.push([rejection.row_number, rejection.field, rejection.message, ...(JSON.parse(rejection.cells) as string[])].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
