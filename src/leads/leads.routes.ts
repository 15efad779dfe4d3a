import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../http/schemas.js';
import type { Runtime } from '../runtime.js';
import {
  Board,
  BoardQuery,
  ContactTimelineParams,
  Lead,
  LeadCreate,
  LeadList,
  LeadListQuery,
  LeadMove,
  LeadParams,
  LeadUpdate,
  NoteCreate,
  Pipeline,
  PipelineCreate,
  PipelineList,
  PipelineParams,
  PipelineUpdate,
  Stage,
  StageCreate,
  StageParams,
  StageUpdate,
  Timeline,
  TimelineEntry,
  TimelineQuery,
} from './leads.schemas.js';
import { addNote, contactTimeline, createLead, deleteLead, getBoard, getLead, leadTimeline, listLeads, moveLead, updateLead } from './leads.service.js';
import { createPipeline, createStage, deletePipeline, deleteStage, getPipeline, listPipelines, updatePipeline, updateStage } from './pipelines.service.js';

const pipelineTags = ['pipelines'];
const tags = ['leads'];
const noContent = { 204: Type.Null(), ...errorResponses };

export const leadRoutes = (runtime: Runtime): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  // Pipelines: everyone with leads:read sees them (the board needs them); admins change them.
  app.get('/pipelines', {
    config: { permission: 'leads:read' },
    schema: { tags: pipelineTags, summary: 'List pipelines with their stages', response: { 200: PipelineList, ...errorResponses } },
    handler: async () => listPipelines(),
  });
  app.post('/pipelines', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Create a pipeline (default stages unless given)', body: PipelineCreate, response: { 201: Pipeline, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createPipeline(request.body)),
  });
  app.get('/pipelines/:pipelineId', {
    config: { permission: 'leads:read' },
    schema: { tags: pipelineTags, summary: 'Get a pipeline', params: PipelineParams, response: { 200: Pipeline, ...errorResponses } },
    handler: async (request) => getPipeline(request.params.pipelineId),
  });
  app.patch('/pipelines/:pipelineId', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Rename or reorder a pipeline', params: PipelineParams, body: PipelineUpdate, response: { 200: Pipeline, ...errorResponses } },
    handler: async (request) => updatePipeline(request.params.pipelineId, request.body),
  });
  app.delete('/pipelines/:pipelineId', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Delete a pipeline that holds no leads', params: PipelineParams, response: noContent },
    handler: async (request, reply) => {
      deletePipeline(request.params.pipelineId);
      return reply.code(204).send(null);
    },
  });
  app.get('/pipelines/:pipelineId/board', {
    config: { permission: 'leads:read' },
    schema: { tags: pipelineTags, summary: "A pipeline's board: per stage its leads in order, count and totals per currency", params: PipelineParams, querystring: BoardQuery, response: { 200: Board, ...errorResponses } },
    handler: async (request) => getBoard(request.params.pipelineId, request.query.perStage ?? 50),
  });
  app.post('/pipelines/:pipelineId/stages', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Add a stage', params: PipelineParams, body: StageCreate, response: { 201: Stage, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createStage(request.params.pipelineId, request.body)),
  });
  app.patch('/pipeline-stages/:stageId', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Rename, re-kind or reorder a stage', params: StageParams, body: StageUpdate, response: { 200: Stage, ...errorResponses } },
    handler: async (request) => updateStage(request.params.stageId, request.body),
  });
  app.delete('/pipeline-stages/:stageId', {
    config: { permission: 'pipelines:write' },
    schema: { tags: pipelineTags, summary: 'Delete a stage that holds no leads (409 stage_in_use otherwise)', params: StageParams, response: noContent },
    handler: async (request, reply) => {
      deleteStage(request.params.stageId);
      return reply.code(204).send(null);
    },
  });

  app.get('/leads', {
    config: { permission: 'leads:read' },
    schema: { tags, summary: 'List leads (filters, sorting, cursor paging)', querystring: LeadListQuery, response: { 200: LeadList, ...errorResponses } },
    handler: async (request) => listLeads(request.query),
  });
  // Lead writes touch only the workspace's file (the lead, its stage history, its audit rows and
  // the webhook deliveries those queue), so they share commits (groupCommit, docs/architecture.md).
  app.post('/leads', {
    config: { permission: 'leads:write', groupCommit: true },
    schema: { tags, summary: 'Create a lead', body: LeadCreate, response: { 201: Lead, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(createLead(runtime, request.body)),
  });
  app.get('/leads/:leadId', {
    config: { permission: 'leads:read' },
    schema: { tags, summary: 'Get a lead', params: LeadParams, response: { 200: Lead, ...errorResponses } },
    handler: async (request) => getLead(request.params.leadId),
  });
  app.patch('/leads/:leadId', {
    config: { permission: 'leads:write', groupCommit: true },
    schema: { tags, summary: 'Update a lead (its stage changes by a move)', params: LeadParams, body: LeadUpdate, response: { 200: Lead, ...errorResponses } },
    handler: async (request) => updateLead(runtime, request.params.leadId, request.body),
  });
  app.delete('/leads/:leadId', {
    config: { permission: 'leads:write', groupCommit: true },
    schema: { tags, summary: 'Delete a lead', params: LeadParams, response: noContent },
    handler: async (request, reply) => {
      deleteLead(request.params.leadId);
      return reply.code(204).send(null);
    },
  });
  app.post('/leads/:leadId/move', {
    config: { permission: 'leads:write', groupCommit: true },
    schema: { tags, summary: 'Move a lead to a stage and position of its pipeline', params: LeadParams, body: LeadMove, response: { 200: Lead, ...errorResponses } },
    handler: async (request) => moveLead(request.params.leadId, request.body),
  });
  app.post('/leads/:leadId/notes', {
    config: { permission: 'leads:write', groupCommit: true },
    schema: { tags, summary: 'Add a note to a lead', params: LeadParams, body: NoteCreate, response: { 201: TimelineEntry, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(addNote(request.params.leadId, request.body.body)),
  });
  app.get('/leads/:leadId/timeline', {
    config: { permission: 'leads:read' },
    schema: { tags, summary: "A lead's activity, newest first", params: LeadParams, querystring: TimelineQuery, response: { 200: Timeline, ...errorResponses } },
    handler: async (request) => leadTimeline(request.params.leadId, request.query),
  });
  app.get('/contacts/:contactId/timeline', {
    config: { permission: 'leads:read' },
    schema: { tags, summary: "A contact's activity across its leads, newest first", params: ContactTimelineParams, querystring: TimelineQuery, response: { 200: Timeline, ...errorResponses } },
    handler: async (request) => contactTimeline(request.params.contactId, request.query),
  });
};
