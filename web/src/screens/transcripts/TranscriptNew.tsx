// Adding a transcript (/transcripts/new?leadId=… or ?contactId=…, and/or ?eventId=… from an event): a .vtt, .srt or .txt file read
// in the browser into the text box, or pasted; the server reads it and says which line it cannot.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type ApiError } from '../../api/http.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Button, Field, TextAreaField, TextField } from '../../ui/controls.js';
import { notify } from '../../ui/notices.js';
import { Page } from '../../ui/page.js';
import { ErrorNotice } from '../../ui/states.js';

export function TranscriptNew(): JSX.Element {
  const { query } = useLocation();
  const leadId = query.get('leadId') ?? '';
  const contactId = query.get('contactId') ?? '';
  const eventId = query.get('eventId') ?? '';
  const back = eventId ? `/calendar/${eventId}` : leadId ? `/leads/${leadId}` : contactId ? `/contacts/${contactId}` : '/contacts';
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ title?: string; text?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (!title) setTitle(file.name.replace(/\.(vtt|srt|txt)$/i, '').slice(0, 200));
  };
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const missing = { ...(title.trim() ? {} : { title: 'Give the transcript a title.' }), ...(text.trim() ? {} : { text: 'Choose a file or paste the transcript.' }) };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const created = await ok(api.POST('/api/v1/transcripts', { body: { title: title.trim(), text, ...(leadId ? { leadId } : {}), ...(contactId ? { contactId } : {}), ...(eventId ? { eventId } : {}) } }));
      notify({ text: `“${created.title}” was added: ${created.segmentCount} segments.` });
      navigate(`/transcripts/${created.id}`);
    } catch (err) {
      const field = (err as ApiError).field;
      if (field === 'text' || field === 'title') setErrors({ [field]: (err as ApiError).message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Add a transcript" back={<Link href={back}>← Back</Link>}>
      <form class="form" onSubmit={save} noValidate>
        {Boolean(error) && <ErrorNotice error={error} />}
        <TextField label="Title" value={title} onValue={setTitle} error={errors.title} maxLength={200} required autoComplete="off" />
        <Field label="Transcript file" hint="WebVTT (.vtt), SubRip (.srt) or text (.txt), as your meeting or recording app exports it.">
          {({ id, describedBy }) => <input id={id} type="file" class="input" accept=".vtt,.srt,.txt,text/vtt,text/plain,application/x-subrip" aria-describedby={describedBy} onChange={(e) => void readFile(e.currentTarget.files?.[0])} />}
        </Field>
        <TextAreaField label="Text" hint="Or paste it: one line per turn, such as “Dana: The skylight leaks.”, with an optional [00:01:05] before it." value={text} onValue={setText} error={errors.text} rows={14} />
        <div class="button-row">
          <Button type="submit" variant="primary" busy={busy}>
            Add transcript
          </Button>
          <Link href={back} class="button">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
