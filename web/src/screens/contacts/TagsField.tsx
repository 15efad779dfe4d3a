// Tags as chips: type a tag and press Enter (or a comma) to add it, or leave the box; each chip has
// its own remove button. A tag already there in any case is not added twice, as the server would refuse it.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Field } from '../../ui/controls.js';

export function TagsField({ tags, onTags, error }: { tags: string[]; onTags: (tags: string[]) => void; error?: string | undefined }): JSX.Element {
  const [typed, setTyped] = useState('');
  const add = (): void => {
    const tag = typed.trim();
    setTyped('');
    if (tag === '' || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    onTags([...tags, tag]);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
      onTags(tags.slice(0, -1));
    }
  };
  return (
    <Field label="Tags" hint="Press Enter after each tag." error={error}>
      {({ id, describedBy, invalid }) => (
        <div class="tag-editor">
          {tags.length > 0 && (
            <ul class="chips" aria-label="Tags">
              {tags.map((tag) => (
                <li key={tag} class="chip">
                  {tag}
                  <button type="button" class="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onTags(tags.filter((t) => t !== tag))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input id={id} class="input" value={typed} maxLength={40} autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} onKeyDown={onKeyDown} onBlur={add} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        </div>
      )}
    </Field>
  );
}

/** Tags shown as chips, read only. */
export function TagChips({ tags, label = 'Tags' }: { tags: string[]; label?: string }): JSX.Element | null {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} class="chip">
          {tag}
        </li>
      ))}
    </ul>
  );
}
