// A pipeline's board: a column per stage with its count and value per currency. A card moves by
// dragging it onto a column (mouse or touch-pen, native drag and drop) or, from the keyboard, with
// its "Move" button (a stage and a place); each move is announced in the board's live region. A move
// from a stale board (someone changed the lead meanwhile) is refused by the server: the board reloads and says so.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Button, SelectField } from '../../ui/controls.js';
import { Dialog } from '../../ui/dialog.js';
import { Page } from '../../ui/page.js';
import { PersonName } from '../../ui/people.js';
import { Empty, ErrorNotice, Loading } from '../../ui/states.js';
import { formatDay, formatMoney, isStale, today, usePipelines, type Board, type Lead } from './lead.js';

type Column = Board['columns'][number];

export function LeadBoard(): JSX.Element {
  const session = useSession();
  const writer = can(session, 'leads:write');
  const { query } = useLocation();
  const { pipelines, error: pipelinesError } = usePipelines();
  const pipelineId = query.get('pipeline') ?? pipelines?.[0]?.id;
  const [board, setBoard] = useState<Board | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [moving, setMoving] = useState<Lead | null>(null);
  const [focusLead, setFocusLead] = useState<string | null>(null);

  // The pipeline asked for last: a slow answer for one chosen before is dropped.
  const shown = useRef(pipelineId);
  shown.current = pipelineId;

  /** Loads the board; the one on screen stays until the new one arrives (no flash, focus kept). */
  const load = async (): Promise<void> => {
    if (!pipelineId) return;
    try {
      const loaded = await ok(api.GET('/api/v1/pipelines/{pipelineId}/board', { params: { path: { pipelineId } } }));
      if (loaded.pipeline.id !== shown.current) return;
      setBoard(loaded);
      setError(null);
    } catch (err) {
      if (pipelineId === shown.current) setError(err);
    }
  };
  useEffect(() => {
    setBoard(undefined);
    void load();
  }, [pipelineId]);

  // After a move the card is in another column: focus goes back to its Move button.
  useEffect(() => {
    if (!focusLead) return;
    document.querySelector<HTMLElement>(`[data-lead-id="${focusLead}"] .lead-move`)?.focus();
    setFocusLead(null);
  }, [board]);


  const move = async (lead: Lead, stageId: string, position: number, byKeyboard: boolean): Promise<void> => {
    const stage = board?.columns.find((column) => column.stage.id === stageId)?.stage;
    try {
      await ok(api.POST('/api/v1/leads/{leadId}/move', { params: { path: { leadId: lead.id } }, body: { stageId, position, version: lead.version } }));
      setAnnouncement(`${lead.title} moved to ${stage?.name ?? 'another stage'}, place ${position + 1}.`);
    } catch (err) {
      setAnnouncement(isStale(err) ? `${lead.title} was changed by someone else since this board was loaded. The board now shows the latest; move it again if you still want to.` : `${lead.title} was not moved: ${sentence(err)}`);
    }
    if (byKeyboard) setFocusLead(lead.id);
    await load();
  };

  const title = board && pipelines && pipelines.length > 1 ? `Leads: ${board.pipeline.name}` : 'Leads';
  return (
    <Page
      title={title}
      actions={
        <>
          <Link href="/leads/list" class="button">
            List
          </Link>
          {writer && can(session, 'imports:write') && (
            <Link href="/import?kind=leads" class="button">
              Import…
            </Link>
          )}
          {writer && (
            <Link href="/leads/new" class="button button-primary">
              New lead
            </Link>
          )}
        </>
      }
    >
      {pipelines && pipelines.length > 1 && pipelineId && (
        <div class="toolbar">
          <SelectField label="Pipeline" value={pipelineId} options={pipelines.map((p) => ({ value: p.id, label: p.name }))} onValue={(id) => navigate(`/leads?pipeline=${encodeURIComponent(id)}`)} />
        </div>
      )}
      <p class={announcement ? 'notice' : 'visually-hidden'} role="status">
        {announcement}
      </p>
      {Boolean(pipelinesError ?? error) && <ErrorNotice error={pipelinesError ?? error} onRetry={() => void load()} />}
      {pipelines && pipelines.length === 0 && <Empty title="No pipelines yet.">An admin can add one.</Empty>}
      {!board && !error && !pipelinesError && (pipelines === undefined || pipelines.length > 0) && <Loading />}
      {board && (
        <div class="lead-board" aria-label={`Stages of ${board.pipeline.name}`} role="region" tabIndex={0}>
          {board.columns.map((column) => (
            <BoardColumn key={column.stage.id} column={column} writer={writer} onDrop={(lead, position) => void move(lead, column.stage.id, position, false)} onMove={setMoving} leadById={(id) => findLead(board, id)} />
          ))}
        </div>
      )}
      {moving && board && (
        <MoveDialog
          lead={moving}
          board={board}
          onClose={() => setMoving(null)}
          onMove={async (stageId, position) => {
            setMoving(null);
            await move(moving, stageId, position, true);
          }}
        />
      )}
    </Page>
  );
}

const findLead = (board: Board, id: string): Lead | undefined => board.columns.flatMap((column) => column.leads).find((lead) => lead.id === id);

interface ColumnProps {
  column: Column;
  writer: boolean;
  onDrop: (lead: Lead, position: number) => void;
  onMove: (lead: Lead) => void;
  leadById: (id: string) => Lead | undefined;
}

function BoardColumn({ column, writer, onDrop, onMove, leadById }: ColumnProps): JSX.Element {
  const [over, setOver] = useState(false);
  const headingId = `stage-${column.stage.id}`;
  const totals = column.totals.map((total) => formatMoney(total.valueMinor, total.currency)).join(' · ');
  const drop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    const lead = leadById(event.dataTransfer?.getData('text/plain') ?? '');
    if (!lead) return;
    // The place is before the first card whose middle is below the pointer (the dragged card not counted).
    const cards = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.lead-card')].filter((card) => card.dataset.leadId !== lead.id);
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    onDrop(lead, index === -1 ? cards.length : index);
  };
  return (
    <section
      class={`lead-column${over ? ' lead-column-over' : ''}`}
      aria-labelledby={headingId}
      onDragOver={
        writer
          ? (event) => {
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
              setOver(true);
            }
          : undefined
      }
      onDragLeave={(event) => {
        if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={writer ? drop : undefined}
    >
      <header class="lead-column-header">
        <h2 id={headingId}>{column.stage.name}</h2>
        <p class="lead-column-sums">
          <span class="lead-count">{column.count === 1 ? '1 lead' : `${column.count} leads`}</span>
          {totals && <span class="lead-total">{totals}</span>}
        </p>
      </header>
      <ol class="lead-cards">
        {column.leads.map((lead) => (
          <li
            key={lead.id}
            class="lead-card"
            data-lead-id={lead.id}
            draggable={writer}
            onDragStart={(event) => {
              event.dataTransfer?.setData('text/plain', lead.id);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            }}
          >
            <Link href={`/leads/${lead.id}`} class="lead-card-title" draggable={false}>
              {lead.title}
            </Link>
            <span class="lead-card-line">{lead.contactName ?? 'a deleted contact'}</span>
            <span class="lead-card-line lead-card-value">{formatMoney(lead.valueMinor, lead.currency)}</span>
            {lead.ownerId && (
              <span class="lead-card-line muted">
                <PersonName id={lead.ownerId} />
              </span>
            )}
            {lead.nextAction && (
              <span class={`lead-card-line${lead.nextAction.date <= today() ? ' lead-due' : ''}`}>
                {lead.nextAction.text}, {formatDay(lead.nextAction.date)}
              </span>
            )}
            {writer && (
              <Button variant="ghost" class="lead-move" aria-label={`Move ${lead.title}`} onClick={() => onMove(lead)}>
                Move…
              </Button>
            )}
          </li>
        ))}
      </ol>
      {column.count > column.leads.length && (
        <Link href={`/leads/list?stage=${encodeURIComponent(column.stage.id)}`} class="lead-column-more">
          All {column.count} in the list
        </Link>
      )}
    </section>
  );
}

/** The keyboard's way to move a card: choose the stage and the place in it. */
function MoveDialog({ lead, board, onClose, onMove }: { lead: Lead; board: Board; onClose: () => void; onMove: (stageId: string, position: number) => Promise<void> }): JSX.Element {
  const [stageId, setStageId] = useState(lead.stageId);
  const target = board.columns.find((column) => column.stage.id === stageId);
  const others = (target?.leads ?? []).filter((l) => l.id !== lead.id);
  const [position, setPosition] = useState(String(others.length));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPosition(String(stageId === lead.stageId ? lead.position : others.length));
  }, [stageId]);
  const places = [{ value: '0', label: 'At the top' }, ...others.map((other, index) => ({ value: String(index + 1), label: `After ${other.title}` }))];
  return (
    <Dialog
      title={`Move ${lead.title}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={busy}
            onClick={async () => {
              setBusy(true);
              await onMove(stageId, Number(position));
            }}
          >
            Move
          </Button>
        </>
      }
    >
      <div class="form">
        <SelectField label="Stage" value={stageId} options={board.columns.map((column) => ({ value: column.stage.id, label: column.stage.name }))} onValue={setStageId} />
        <SelectField label="Place" value={position} options={places} onValue={setPosition} />
      </div>
    </Dialog>
  );
}
