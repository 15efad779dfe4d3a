// One lead: its details, a "Move to stage…" control and edit for those who may write, and its
// timeline newest first (stage moves by whom, notes), with a note added right here.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok } from '../../api/http.js';
import { Link } from '../../router.js';
import { can, useSession } from '../../session.js';
import { Button, SelectField, TextAreaField, TextField } from '../../ui/controls.js';
import { Page } from '../../ui/page.js';
import { PersonName } from '../../ui/people.js';
import { ErrorNotice, Loading, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';
import { useRequest } from '../../ui/use-request.js';
import { TagChips } from '../contacts/TagsField.js';
import { LeadEstimates } from '../estimates/EstimateList.js';
import { TranscriptPanel } from '../transcripts/TranscriptPanel.js';
import { RecordFiles } from '../files/RecordFiles.js';
import { formatDay, formatMoney, isStale, stageLabel, usePipelines, type Lead, type Pipeline, type Stage, type TimelineEntry } from './lead.js';


/** How a timeline entry of an estimate reads: "Estimate EST-0001 sent". */
const ESTIMATE_EVENTS = { created: 'drafted', sent: 'sent', accepted: 'accepted', declined: 'declined' } as const;
/** A mail entry's files, after its line: nothing when it had none. */
function Attached({ names }: { names: string[] }): JSX.Element | null {
  return names.length > 0 ? <span class="muted"> · Attached: {names.join(', ')}</span> : null;
}

export function LeadDetail({ params }: { params: Record<string, string> }): JSX.Element {
  const id = params.leadId as string;
  const session = useSession();
  const writer = can(session, 'leads:write');
  const lead = useRequest(() => ok(api.GET('/api/v1/leads/{leadId}', { params: { path: { leadId: id } } })), [id]);
  const { pipelines, stages } = usePipelines();
  const timeline = usePages<TimelineEntry>((cursor) => ok(api.GET('/api/v1/leads/{leadId}/timeline', { params: { path: { leadId: id }, query: cursor ? { cursor } : {} } })), [id, lead.data?.version]);
  const back = <Link href="/leads">← Board</Link>;
  if (lead.loading && !lead.data) return <Loading />;
  if (!lead.data)
    return (
      <Page title="Lead" back={back}>
        <ErrorNotice error={lead.error} onRetry={lead.reload} />
      </Page>
    );
  const l = lead.data;
  const stage = stages.get(l.stageId);
  return (
    <Page
      title={l.title}
      back={back}
      actions={
        <>
          {can(session, 'mail:send') && l.contactName !== null && (
            <Link href={`/mail/new?contactId=${l.contactId}&leadId=${id}`} class="button">
              Write email
            </Link>
          )}
          {writer && (
            <Link href={`/leads/${id}/edit`} class="button">
              Edit
            </Link>
          )}
        </>
      }
    >
      <dl class="details">
        <Detail label="Contact">{l.contactName === null ? 'a deleted contact' : <Link href={`/contacts/${l.contactId}`}>{l.contactName}</Link>}</Detail>
        <Detail label="Stage">{stage ? stageLabel(stage, pipelines ?? []) : null}</Detail>
        <Detail label="Value">{formatMoney(l.valueMinor, l.currency)}</Detail>
        <Detail label="Owner">{l.ownerId ? <PersonName id={l.ownerId} /> : null}</Detail>
        <Detail label="Expected close">{l.expectedCloseDate && formatDay(l.expectedCloseDate)}</Detail>
        <Detail label="Next action">{l.nextAction && `${l.nextAction.text}, ${formatDay(l.nextAction.date)}`}</Detail>
        <Detail label="Site address" multiline>
          {l.siteAddress}
        </Detail>
        <Detail label="Tags">{l.tags.length > 0 ? <TagChips tags={l.tags} /> : null}</Detail>
        {stage?.kind === 'lost' && <Detail label="Lost reason">{l.lostReason}</Detail>}
        <Detail label="Notes" multiline>
          {l.notes}
        </Detail>
        <Detail label="Added">
          <DateTime iso={l.createdAt} /> by <PersonName id={l.createdBy} />
        </Detail>
        <Detail label="Last changed">
          <DateTime iso={l.updatedAt} /> by <PersonName id={l.updatedBy} />
        </Detail>
      </dl>
      {writer && stage && <MoveToStage lead={l} pipeline={stage.pipeline} onMoved={lead.reload} />}
      {can(session, 'estimates:read') && <LeadEstimates leadId={id} />}
      {can(session, 'transcripts:read') && <TranscriptPanel leadId={id} />}
      {can(session, 'files:read') && <RecordFiles link={{ leadId: id }} label={l.title} />}
      <section class="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {writer && <AddNote leadId={id} onAdded={timeline.reload} />}
        {Boolean(timeline.error) && <ErrorNotice error={timeline.error} onRetry={timeline.reload} />}
        {!timeline.loading && !timeline.error && timeline.items.length === 0 && <p class="muted">Nothing has happened yet.</p>}
        {timeline.items.length > 0 && (
          <ol class="lead-timeline">
            {timeline.items.map((entry) => (
              <li key={entry.id} class="lead-timeline-entry">
                {entry.kind === 'stage_change' ? (
                  <p>
                    {entry.fromStageId ? (
                      <>
                        Moved from <strong>{entry.fromStageName ?? 'a deleted stage'}</strong> to <strong>{entry.toStageName ?? 'a deleted stage'}</strong>
                      </>
                    ) : (
                      <>
                        Added in <strong>{entry.toStageName ?? 'a deleted stage'}</strong>
                      </>
                    )}{' '}
                    by <PersonName id={entry.by} />
                  </p>
                ) : entry.kind === 'mail' ? (
                  <p>
                    Mail “{entry.subject}” to {entry.to}, {entry.state}, by <PersonName id={entry.by} />
                    <Attached names={entry.attachments} />
                  </p>
                ) : entry.kind === 'mail_in' ? (
                  <p>
                    Mail “<Link href={`/contacts/${l.contactId}/mail/${entry.receivedMailId}`}>{entry.subject}</Link>” received from {entry.from}
                    <Attached names={entry.attachments} />
                  </p>
                ) : entry.kind === 'estimate' ? (
                  <p>
                    Estimate <a href={`/estimates/${entry.estimateId}`}>{entry.number ?? entry.title}</a> {ESTIMATE_EVENTS[entry.event]}
                    {entry.revision > 1 ? ` (revision ${entry.revision})` : ''}
                    {entry.by === 'customer' ? ' by the customer' : <> by <PersonName id={entry.by} /></>}
                  </p>
                ) : (
                  <>
                    <p>
                      Note by <PersonName id={entry.by} />
                    </p>
                    <p class="multiline lead-note">{entry.body}</p>
                  </>
                )}
                <p class="muted lead-timeline-at">
                  <DateTime iso={entry.at} />
                </p>
              </li>
            ))}
          </ol>
        )}
        <MorePages pages={timeline} label="Load earlier activity" />
      </section>
    </Page>
  );
}

function Detail({ label, multiline = false, children }: { label: string; multiline?: boolean; children: JSX.Element | string | null | undefined | (JSX.Element | string)[] }): JSX.Element {
  const empty = children === null || children === undefined || children === '';
  return (
    <div class="detail">
      <dt>{label}</dt>
      <dd class={multiline ? 'multiline' : undefined}>{empty ? <span class="muted">—</span> : children}</dd>
    </div>
  );
}

/** The detail page's way to change the stage: to the end of the chosen stage; a lost stage asks why. */
function MoveToStage({ lead, pipeline, onMoved }: { lead: Lead; pipeline: Pipeline; onMoved: () => void }): JSX.Element {
  const [stageId, setStageId] = useState(lead.stageId);
  const [lostReason, setLostReason] = useState(lead.lostReason ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const target: Stage | undefined = pipeline.stages.find((s) => s.id === stageId);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // The button stays enabled (a disabled one would drop the keyboard's focus); the same stage is a no-op.
    if (stageId === lead.stageId) return setMessage(`The lead is already in ${target?.name ?? 'that stage'}.`);
    setBusy(true);
    try {
      await ok(api.POST('/api/v1/leads/{leadId}/move', { params: { path: { leadId: lead.id } }, body: { stageId, position: 1_000_000, version: lead.version, ...(target?.kind === 'lost' && lostReason.trim() ? { lostReason: lostReason.trim() } : {}) } }));
      setMessage(`Moved to ${target?.name ?? 'the stage'}.`);
    } catch (error) {
      setMessage(isStale(error) ? 'Someone changed this lead since you opened it. The page now shows the latest; choose the stage again if you still want to move it.' : sentence(error));
    } finally {
      setBusy(false);
    }
    onMoved();
  };
  return (
    <section class="panel" aria-labelledby="move-title">
      <h2 id="move-title">Move to stage…</h2>
      <form class="lead-move-form" onSubmit={submit}>
        <SelectField label="Stage" value={stageId} options={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))} onValue={setStageId} />
        {target?.kind === 'lost' && <TextField label="Lost reason" value={lostReason} onValue={setLostReason} maxLength={500} />}
        <Button type="submit" busy={busy}>
          Move
        </Button>
      </form>
      <p role="status" class={message ? 'lead-move-message' : 'visually-hidden'}>
        {message}
      </p>
    </section>
  );
}

function AddNote({ leadId, onAdded }: { leadId: string; onAdded: () => void }): JSX.Element {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setEmpty(body.trim() === '');
    if (body.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await ok(api.POST('/api/v1/leads/{leadId}/notes', { params: { path: { leadId } }, body: { body } }));
      setBody('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="lead-note-form" onSubmit={submit}>
      {Boolean(error) && <ErrorNotice error={error} />}
      <TextAreaField label="Add a note" value={body} onValue={setBody} error={empty ? 'Write the note first.' : undefined} maxLength={10000} rows={3} />
      <div>
        <Button type="submit" busy={busy}>
          Add note
        </Button>
      </div>
    </form>
  );
}
