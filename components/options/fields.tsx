/** The options page's building blocks: a checkbox, a text field and the "locked" hint, all path-bound. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { fieldId, isLockedPath, type SettingsEditor } from './editor';

/** Says why a control cannot be changed; its id is what the control's aria-describedby points at. */
export function LockedHint({ path }: { path: string }) {
  return (
    <span id={`${fieldId(path)}-locked`} class="locked-hint">
      {t('optLocked')}
    </span>
  );
}

function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length ? list.join(' ') : undefined;
}

interface ToggleProps {
  editor: SettingsEditor;
  path: string;
  checked: boolean;
  label: string;
  help?: ComponentChildren;
}

export function Toggle({ editor, path, checked, label, help }: ToggleProps) {
  const id = fieldId(path);
  const locked = isLockedPath(editor, path);
  return (
    <div class="field field-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={locked}
        aria-describedby={describedBy(help ? `${id}-help` : null, locked && `${id}-locked`)}
        onChange={(event) => editor.set(path, (event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      {locked && <LockedHint path={path} />}
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  editor: SettingsEditor;
  path: string;
  value: string;
  label: string;
  help?: ComponentChildren;
  type?: 'text' | 'email' | 'url' | 'password';
  placeholder?: string;
  /** Shown when the value is refused (by `parse` or by the settings schema). */
  invalidText: string;
  /** Turns the typed text into the stored value (`value: undefined` removes it), or null to refuse it. Default: trimmed text. */
  parse?: (text: string) => { value: unknown } | null;
  /** Extra controls after the input (e.g. the key "Test" button); a function gets the text as typed, saved or not. */
  children?: ComponentChildren | ((draft: string) => ComponentChildren);
}

/** A text input that saves when the user commits (blur or Enter), and says so when the value is refused. */
export function TextField({ editor, path, value, label, help, type = 'text', placeholder, invalidText, parse, children }: TextFieldProps) {
  const id = fieldId(path);
  const locked = isLockedPath(editor, path);
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(value), [value]);

  async function commit(text: string) {
    const parsed = parse ? parse(text) : { value: text.trim() };
    const ok = parsed !== null && (await editor.set(path, parsed.value));
    setInvalid(!ok);
  }

  return (
    <div class="field">
      <label for={id}>{label}</label>
      {locked && <LockedHint path={path} />}
      <div class="input-row">
        <input
          id={id}
          type={type}
          value={draft}
          placeholder={placeholder}
          disabled={locked}
          spellcheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy(help ? `${id}-help` : null, locked && `${id}-locked`, invalid && `${id}-error`)}
          onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
          onChange={(event) => commit((event.currentTarget as HTMLInputElement).value)}
        />
        {typeof children === 'function' ? children(draft) : children}
      </div>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {invalidText}
        </p>
      )}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="options-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
