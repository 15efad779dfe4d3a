// Pipeline rules: admins shape pipelines and their stages; a stage (or pipeline) that still holds
// leads is removed only after its leads are moved. Every change is one transaction with its audit event.
import { recordTenantEvent } from '../audit/audit.service.js';
import { AppError, notFound } from '../http/errors.js';
import { newId } from '../http/ids.js';
import { currentActorId, currentTimestamp, tenantDb } from '../tenancy/context.js';
import type { TenantHandle } from '../tenancy/tenant-handle.js';
import {
  countLeadsIn,
  deletePipelineRow,
  deleteStageRow,
  findPipelineRow,
  findStage,
  insertPipeline,
  insertStage,
  listPipelineRows,
  listStages,
  nextPipelinePosition,
  renumberStages,
  updatePipelineRow,
  updateStageRow,
  type PipelineRow,
} from './leads.repo.js';
import type { Pipeline, PipelineCreate, PipelineUpdate, Stage, StageCreate, StageUpdate } from './leads.schemas.js';

/** The stages a new pipeline gets when none are given (also what migration 0011 seeds). */
export const DEFAULT_STAGES: readonly { name: string; kind: Stage['kind'] }[] = [
  { name: 'New', kind: 'open' },
  { name: 'Contacted', kind: 'open' },
  { name: 'Site visit', kind: 'open' },
  { name: 'Estimate sent', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
];

const toPipeline = (row: PipelineRow, stages: Stage[]): Pipeline => ({
  id: row.id,
  name: row.name,
  position: row.position,
  stages,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export function listPipelines(): { items: Pipeline[]; nextCursor: null } {
  const db = tenantDb();
  const stages = listStages(db);
  return { items: listPipelineRows(db).map((row) => toPipeline(row, stages.filter((s) => s.pipelineId === row.id))), nextCursor: null };
}

export function loadPipeline(db: TenantHandle, id: string): Pipeline {
  const row = findPipelineRow(db, id);
  if (!row) throw notFound('pipeline');
  return toPipeline(row, listStages(db, id));
}

export const getPipeline = (id: string): Pipeline => loadPipeline(tenantDb(), id);

export function createPipeline(input: PipelineCreate): Pipeline {
  const db = tenantDb();
  const now = currentTimestamp();
  const actor = currentActorId();
  return db.transaction(() => {
    const row: PipelineRow = { id: newId('pipeline'), name: input.name, position: nextPipelinePosition(db), created_at: now, created_by: actor, updated_at: now, updated_by: actor };
    insertPipeline(db, row);
    (input.stages ?? DEFAULT_STAGES).forEach((stage, position) =>
      insertStage(db, { id: newId('pipelineStage'), pipelineId: row.id, name: stage.name, kind: stage.kind, position, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor }),
    );
    const pipeline = loadPipeline(db, row.id);
    recordTenantEvent('pipeline.created', { type: 'pipeline', id: row.id }, { after: pipeline });
    return pipeline;
  });
}

export function updatePipeline(id: string, changes: PipelineUpdate): Pipeline {
  const db = tenantDb();
  return db.transaction(() => {
    const row = findPipelineRow(db, id);
    if (!row) throw notFound('pipeline');
    const before = toPipeline(row, listStages(db, id));
    updatePipelineRow(db, { ...row, name: changes.name ?? row.name, position: changes.position ?? row.position, updated_at: currentTimestamp(), updated_by: currentActorId() });
    const after = loadPipeline(db, id);
    recordTenantEvent('pipeline.updated', { type: 'pipeline', id }, { before, after });
    return after;
  });
}

export function deletePipeline(id: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const before = loadPipeline(db, id);
    if (countLeadsIn(db, { pipelineId: id }) > 0) throw new AppError(409, 'stage_in_use', 'the pipeline still holds leads; move them to another pipeline first');
    deletePipelineRow(db, id);
    recordTenantEvent('pipeline.deleted', { type: 'pipeline', id }, { before });
  });
}

function stageOf(db: TenantHandle, stageId: string): Stage {
  const stage = findStage(db, stageId);
  if (!stage) throw notFound('stage');
  return stage;
}

/** Puts `stageId` at `position` among the pipeline's stages and renumbers them 0..n-1. */
function placeStage(db: TenantHandle, pipelineId: string, stageId: string, position: number): void {
  const order = listStages(db, pipelineId).map((s) => s.id).filter((id) => id !== stageId);
  order.splice(Math.min(position, order.length), 0, stageId);
  renumberStages(db, order);
}

export function createStage(pipelineId: string, input: StageCreate): Stage {
  const db = tenantDb();
  const now = currentTimestamp();
  const actor = currentActorId();
  return db.transaction(() => {
    const pipeline = loadPipeline(db, pipelineId);
    const stage: Stage = { id: newId('pipelineStage'), pipelineId, name: input.name, kind: input.kind, position: pipeline.stages.length, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
    insertStage(db, stage);
    placeStage(db, pipelineId, stage.id, input.position ?? pipeline.stages.length);
    const created = findStage(db, stage.id) as Stage;
    recordTenantEvent('pipeline.stage_created', { type: 'pipeline_stage', id: stage.id }, { after: created });
    return created;
  });
}

export function updateStage(stageId: string, changes: StageUpdate): Stage {
  const db = tenantDb();
  return db.transaction(() => {
    const before = stageOf(db, stageId);
    updateStageRow(db, { ...before, name: changes.name ?? before.name, kind: changes.kind ?? before.kind, updatedAt: currentTimestamp(), updatedBy: currentActorId() });
    if (changes.position !== undefined) placeStage(db, before.pipelineId, stageId, changes.position);
    const after = findStage(db, stageId) as Stage;
    recordTenantEvent('pipeline.stage_updated', { type: 'pipeline_stage', id: stageId }, { before, after });
    return after;
  });
}

export function deleteStage(stageId: string): void {
  const db = tenantDb();
  db.transaction(() => {
    const before = stageOf(db, stageId);
    const { pipelineId } = before;
    const inUse = countLeadsIn(db, { stageId });
    if (inUse > 0) throw new AppError(409, 'stage_in_use', `the stage holds ${inUse} lead(s); move them to another stage first`);
    if (listStages(db, pipelineId).length === 1) throw new AppError(409, 'conflict', 'a pipeline keeps at least one stage');
    deleteStageRow(db, stageId);
    renumberStages(db, listStages(db, pipelineId).map((s) => s.id));
    recordTenantEvent('pipeline.stage_deleted', { type: 'pipeline_stage', id: stageId }, { before });
  });
}
