// The files of one record (a lead, a contact): a list with download, preview (images and PDFs) and
// delete, and for those who may write, an upload by drag and drop or a file picker with a progress
// bar per file. Previews are object URLs of bytes the page fetched with its own token, so no token
// ever appears in a URL and nothing is stored.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sentence } from '../../api/errors.js';
import { api, ok, uploadWithProgress } from '../../api/http.js';
import type { paths } from '../../api/schema.js';
import { formatBytes, saveResponse } from '../../download.js';
import { can, useSession } from '../../session.js';
import { Button } from '../../ui/controls.js';
import { ConfirmDialog } from '../../ui/dialog.js';
import { ErrorNotice, MorePages } from '../../ui/states.js';
import { DateTime } from '../../ui/time.js';
import { usePages } from '../../ui/use-pages.js';

export type FileRecord = paths['/api/v1/files/{fileId}']['get']['responses'][200]['content']['application/json'];
/** The record the files belong to: the upload attaches to it, the list shows its files. */
export type FileLink = { leadId: string } | { contactId: string };

const PREVIEW_IMAGE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const previewKind = (type: string): 'image' | 'pdf' | null => (PREVIEW_IMAGE.has(type) ? 'image' : type === 'application/pdf' ? 'pdf' : null);

interface Upload {
  key: number;
  name: string;
  sent: number;
  total: number;
  error: string | null;
}

let uploadKeys = 0;

export function RecordFiles({ link, label }: { link: FileLink; label: string }): JSX.Element {
  const session = useSession();
  const writer = can(session, 'files:write');
  const files = usePages<FileRecord>((cursor) => ok(api.GET('/api/v1/files', { params: { query: { ...link, ...(cursor ? { cursor } : {}) } } })), [JSON.stringify(link)]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<FileRecord | null>(null);
  const [deleting, setDeleting] = useState<FileRecord | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const change = (key: number, patch: Partial<Upload>): void => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...patch } : u)));
  const send = async (chosen: File[]): Promise<void> => {
    const query = new URLSearchParams(link as Record<string, string>).toString();
    for (const file of chosen) {
      const key = ++uploadKeys;
      setUploads((all) => [...all, { key, name: file.name, sent: 0, total: file.size, error: null }]);
      try {
        await uploadWithProgress(`/api/v1/files?${query}`, file, (sent, total) => change(key, { sent, total }));
        setUploads((all) => all.filter((u) => u.key !== key));
        files.reload();
      } catch (error) {
        change(key, { error: sentence(error) });
      }
    }
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void send([...(event.dataTransfer?.files ?? [])]);
  };
  const download = async (file: FileRecord): Promise<void> => {
    setProblem(null);
    try {
      const { response } = await api.GET('/api/v1/files/{fileId}/content', { params: { path: { fileId: file.id } }, parseAs: 'stream' });
      if (!response.ok) throw new Error('The file could not be downloaded.');
      await saveResponse(response, file.name);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <section class="panel" aria-labelledby="record-files-title">
      <div class="lead-panel-header">
        <h2 id="record-files-title">Files</h2>
      </div>
      {writer && (
        <div
          class={`file-drop${dragging ? ' file-drop-active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop files here, or</p>
          <label class="button button-secondary">
            Choose files
            <input
              type="file"
              multiple
              class="visually-hidden"
              aria-label={`Upload files to ${label}`}
              onChange={(event) => {
                const input = event.currentTarget;
                void send([...(input.files ?? [])]).then(() => (input.value = ''));
              }}
            />
          </label>
          <p class="muted">Images, PDFs, office documents and text.</p>
        </div>
      )}
      {uploads.length > 0 && (
        <ul class="file-uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key}>
              <span>{u.name}</span>
              {u.error ? (
                <span class="file-upload-error" role="alert">
                  {u.error} <Button variant="ghost" onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}>Dismiss</Button>
                </span>
              ) : (
                <progress max={u.total || 1} value={u.sent} aria-label={`Uploading ${u.name}`} />
              )}
            </li>
          ))}
        </ul>
      )}
      {Boolean(problem) && <ErrorNotice error={problem} />}
      {Boolean(files.error) && <ErrorNotice error={files.error} onRetry={files.reload} />}
      {!files.loading && !files.error && files.items.length === 0 && <p class="muted">No files yet.</p>}
      {files.items.length > 0 && (
        <ul class="file-list" aria-label={`Files of ${label}`}>
          {files.items.map((file) => (
            <li key={file.id} class="file-item">
              <div class="file-item-name">
                <strong>{file.name}</strong>
                <span class="muted">
                  {formatBytes(file.size)} · <DateTime iso={file.createdAt} />
                </span>
              </div>
              <div class="file-item-actions">
                {previewKind(file.type) && (
                  <Button variant="ghost" onClick={() => setPreview(preview?.id === file.id ? null : file)} aria-label={`Preview ${file.name}`}>
                    Preview
                  </Button>
                )}
                <Button onClick={() => void download(file)} aria-label={`Download ${file.name}`}>
                  Download
                </Button>
                {writer && (
                  <Button variant="danger" onClick={() => setDeleting(file)} aria-label={`Delete ${file.name}`}>
                    Delete
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <MorePages pages={files} label="Load more files" />
      {preview && <FilePreview key={preview.id} file={preview} onClose={() => setPreview(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete this file?"
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await ok(api.DELETE('/api/v1/files/{fileId}', { params: { path: { fileId: deleting.id } } }));
              files.reload();
            } catch (error) {
              setProblem(error);
            }
            setDeleting(null);
          }}
        >
          <p>{deleting.name} is removed for everyone in the workspace.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** An image (from the sandboxed inline path) or a PDF, shown from an object URL of its bytes. */
function FilePreview({ file, onClose }: { file: FileRecord; onClose: () => void }): JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const kind = previewKind(file.type);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void (async () => {
      try {
        const path = kind === 'image' ? '/api/v1/files/{fileId}/inline' : '/api/v1/files/{fileId}/content';
        const { response } = await api.GET(path, { params: { path: { fileId: file.id } }, parseAs: 'stream' });
        if (!response.ok) throw new Error('The file could not be opened.');
        const bytes = await response.arrayBuffer();
        if (!live) return;
        made = URL.createObjectURL(new Blob([bytes], { type: file.type }));
        setUrl(made);
      } catch (failure) {
        if (live) setError(failure);
      }
    })();
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id]);
  return (
    <figure class="file-preview" aria-label={`Preview of ${file.name}`}>
      <figcaption>
        {file.name} <Button variant="ghost" onClick={onClose}>Close preview</Button>
      </figcaption>
      {Boolean(error) && <ErrorNotice error={error} />}
      {url && kind === 'image' && <img src={url} alt={file.name} />}
      {url && kind === 'pdf' && <iframe src={url} title={file.name} />}
    </figure>
  );
}
