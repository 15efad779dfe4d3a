// The customer's side of an estimate link (credential realm: the scope is the link's workspace and
// the target is one revision). The customer sees that revision only, picks options, and accepts
// with a typed name or declines, once. Every view and decision is audited; a decision can move the
// lead to won or lost. Nothing here names another revision or links anywhere else.
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { findLead, listStages } from '../leads/leads.repo.js';
import { moveLead } from '../leads/leads.service.js';
import type { Runtime } from '../runtime.js';
import { currentScope, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import { estimatePresentation, shortHash, type EstimatePresentation } from './estimate-presentation.js';
import { estimateSettingsRow, findRevisionById, recordDecision, recordEstimateView, type EstimateListRow, type RevisionRow } from './estimates.repo.js';
import type { CustomerAccept, CustomerDecline, RevisionState } from './estimates.schemas.js';
import { checkedTotal, estimateDocument, loadEstimateRow, presentedState, sealedRevisionHash, underTotalsRule } from './estimates.service.js';
import type { EstimateSelection } from './totals.js';

export interface CustomerView {
  state: RevisionState;
  canDecide: boolean;
  consentText: string;
  presentation: EstimatePresentation;
}

interface Opened {
  db: TenantHandle;
  estimate: EstimateListRow;
  revision: RevisionRow;
}

function open(revisionId: string): Opened {
  const db = tenantDb();
  const revision = findRevisionById(db, revisionId);
  // Links are issued only for sent revisions, and only deleting a never-sent estimate removes rows.
  if (!revision || revision.content_sha256 === null) throw notFound();
  return { db, estimate: loadEstimateRow(db, revision.estimate_id), revision };
}

/** The sentence the customer agrees to, shown by the accept button and stored with the decision. */
export function consentText(estimate: Pick<EstimateListRow, 'number'>, revision: Pick<RevisionRow, 'revision' | 'content_sha256'>): string {
  return `By typing my name and accepting, I accept estimate ${estimate.number ?? ''} revision ${revision.revision} (fingerprint ${shortHash(revision.content_sha256) ?? ''}) as shown, with its prices, terms and the options I picked.`;
}

/** The revision as shown with the customer's picks; records the view (first and latest) and audits it. */
export function viewEstimate(runtime: Runtime, revisionId: string, selection: EstimateSelection): CustomerView {
  const { db, estimate, revision } = open(revisionId);
  return db.transaction(() => {
    const now = currentTimestamp();
    const state = presentedState(revision, now);
    // Only picks on an open revision (a pick of nothing in it is a 400); a decided one shows what was decided.
    const doc = estimateDocument(runtime, estimate, revision);
    const presentation = underTotalsRule(() => estimatePresentation(state === 'sent' ? { ...doc, selection } : doc), '');
    recordEstimateView(db, estimate.id, now);
    recordTenantEvent('estimate.viewed', { type: 'estimate', id: estimate.id }, { after: { number: estimate.number, revision: revision.revision, state } });
    return { state, canDecide: state === 'sent', consentText: consentText(estimate, revision), presentation };
  });
}

function decidable(revision: RevisionRow, now: string): void {
  const state = presentedState(revision, now);
  if (state === 'accepted' || state === 'declined') throw new AppError(409, 'estimate_decided', `this estimate was already ${state}`);
  if (state !== 'sent') throw new AppError(409, 'estimate_closed', `this estimate is ${state} and can no longer be accepted or declined`);
}

/** Moves the estimate's lead to its pipeline's first stage of that kind, when the workspace asked for it. */
function moveLeadOnDecision(db: TenantHandle, estimate: EstimateListRow, kind: 'won' | 'lost', lostReason: string | null): void {
  if (estimate.lead_id === null || estimateSettingsRow(db).decision_moves_lead !== 1) return;
  const lead = findLead(db, estimate.lead_id);
  if (!lead) return;
  const stages = listStages(db, lead.pipelineId);
  if (stages.find((stage) => stage.id === lead.stageId)?.kind !== 'open') return;
  const target = stages.find((stage) => stage.kind === kind);
  if (!target) return;
  moveLead(lead.id, { stageId: target.id, position: 1_000_000, version: lead.version, ...(lostReason ? { lostReason } : {}) });
}

interface DecisionClient {
  ip: string | null;
  userAgent: string | null;
}

const clientOfScope = (): DecisionClient => ({ ip: currentScope().client?.ip ?? null, userAgent: currentScope().client?.userAgent ?? null });

export function acceptEstimate(revisionId: string, input: CustomerAccept): CustomerView['state'] {
  const { db, estimate, revision } = open(revisionId);
  return db.transaction(() => {
    const now = currentTimestamp();
    decidable(revision, now);
    const selection = input.selection ?? {};
    const total = checkedTotal(JSON.parse(revision.content), selection, '');
    // The hash of the content as stored now, i.e. as the customer was shown it.
    const sha256 = sealedRevisionHash(estimate, revision);
    const client = clientOfScope();
    const changed = recordDecision(db, {
      id: revision.id,
      state: 'accepted',
      decided_at: now,
      decision_sha256: sha256,
      decision_name: input.typedName,
      decision_consent: consentText(estimate, revision),
      decision_reason: null,
      decision_selection: JSON.stringify(selection),
      decision_total_minor: total,
      decision_ip: client.ip,
      decision_user_agent: client.userAgent,
    });
    if (changed === 0) throw new AppError(409, 'estimate_decided', 'this estimate was decided meanwhile');
    recordTenantEvent('estimate.accepted', { type: 'estimate', id: estimate.id }, {
      after: { number: estimate.number, revision: revision.revision, contentSha256: sha256, typedName: input.typedName, totalMinor: total, selection, leadId: estimate.lead_id },
    });
    moveLeadOnDecision(db, estimate, 'won', null);
    return 'accepted';
  });
}

export function declineEstimate(revisionId: string, input: CustomerDecline): CustomerView['state'] {
  const { db, estimate, revision } = open(revisionId);
  return db.transaction(() => {
    const now = currentTimestamp();
    decidable(revision, now);
    const reason = input.reason?.trim() || null;
    const sha256 = sealedRevisionHash(estimate, revision);
    const client = clientOfScope();
    const changed = recordDecision(db, {
      id: revision.id,
      state: 'declined',
      decided_at: now,
      decision_sha256: sha256,
      decision_name: null,
      decision_consent: null,
      decision_reason: reason,
      decision_selection: null,
      decision_total_minor: null,
      decision_ip: client.ip,
      decision_user_agent: client.userAgent,
    });
    if (changed === 0) throw new AppError(409, 'estimate_decided', 'this estimate was decided meanwhile');
    recordTenantEvent('estimate.declined', { type: 'estimate', id: estimate.id }, { after: { number: estimate.number, revision: revision.revision, contentSha256: sha256, reason, leadId: estimate.lead_id } });
    moveLeadOnDecision(db, estimate, 'lost', `Declined estimate ${estimate.number ?? ''}${reason ? `: ${reason}` : ''}`.slice(0, 500));
    return 'declined';
  });
}

/** A selection from the page's form or query: `opt` item ids, `pick` as group:choice. */
export function selectionFromForm(opt: string | string[] | undefined, pick: string | string[] | undefined): EstimateSelection {
  const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const alternatives: Record<string, string> = {};
  for (const entry of list(pick)) {
    const [group, choice] = entry.split(':');
    if (!group || !choice) throw badRequest('invalid_field', 'pick must be group:choice', 'pick');
    alternatives[group] = choice;
  }
  return { optionalItems: [...new Set(list(opt))], alternatives };
}
