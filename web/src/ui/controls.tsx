// Form controls on native elements: the browser gives them keyboard use, focus and semantics; we
// add the label, the hint and the error, tied to the control with aria-describedby.
import type { ButtonHTMLAttributes, ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'ghost'; busy?: boolean };

export function Button({ variant = 'secondary', busy = false, type = 'button', class: className, children, disabled, ...rest }: ButtonProps): JSX.Element {
  return (
    <button type={type} class={`button button-${variant}${className ? ` ${String(className)}` : ''}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}

/** A label, the control the caller renders with the given ids, and its hint and error. */
export function Field({ label, hint, error, children }: FieldProps): JSX.Element {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** What the labelled controls pass through to the element; the rest (label, value, errors) is theirs. */
interface ControlProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
}

type InputProps = ControlProps & { type?: 'text' | 'email' | 'tel' | 'url' | 'search' };

export function TextField({ label, hint, error, value, onValue, type = 'text', ...rest }: InputProps): JSX.Element {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type={type as 'text'} class="input" value={value} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...rest} />
      )}
    </Field>
  );
}

type AreaProps = ControlProps & { rows?: number };

export function TextAreaField({ label, hint, error, value, onValue, ...rest }: AreaProps): JSX.Element {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} class="input" value={value} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...rest} />
      )}
    </Field>
  );
}

type SelectProps = Omit<ControlProps, 'maxLength' | 'autoComplete' | 'placeholder'> & { options: readonly { value: string; label: string }[] };

export function SelectField({ label, hint, error, value, options, onValue, ...rest }: SelectProps): JSX.Element {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} class="input" value={value} onChange={(e) => onValue(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...rest}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
