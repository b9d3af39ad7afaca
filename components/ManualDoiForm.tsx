import { useEffect, useRef, useState } from 'preact/hooks';
import { parseDoiField } from '@/utils/model/doi';
import { t } from '@/utils/view/i18n';

interface Props {
  onSubmit(doi: string): void;
  /** Text to start with (e.g. a selection sent from the context menu). */
  initial?: string;
  /** Show the "no DOI in that" message at once (the context menu sent text without a DOI). */
  initialInvalid?: boolean;
  /** The heading: "No article DOI on this page" on its own, omitted under a result. */
  heading?: boolean;
  autoFocus?: boolean;
}

/** Takes a DOI, a doi.org URL, or any URL/text that contains one, and looks it up. */
export function ManualDoiForm({ onSubmit, initial = '', initialInvalid = false, heading = true, autoFocus = true }: Props) {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(initialInvalid);
  const input = useRef<HTMLInputElement>(null);
  // The autofocus attribute only works for the document's first candidate; this form mounts later.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  return (
    <section class="no-doi" data-view-part="manual">
      {heading && <h2>{t('noDoiTitle')}</h2>}
      <p id="doi-help">{t('noDoiHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // What the user types is one DOI, taken whole (a registered DOI may end in "/" or ".").
          const doi = parseDoiField(value);
          setInvalid(!doi);
          if (doi) onSubmit(doi);
        }}
      >
        <label for="doi-input">{t('doiInputLabel')}</label>
        <div class="input-row">
          <input
            id="doi-input"
            ref={input}
            type="text"
            value={value}
            spellcheck={false}
            autocomplete="off"
            aria-keyshortcuts="/"
            aria-describedby={invalid ? 'doi-help doi-error' : 'doi-help'}
            aria-invalid={invalid}
            onInput={(event) => setValue((event.target as HTMLInputElement).value)}
          />
          <button type="submit" class="action primary">
            {t('findFreeCopy')}
          </button>
        </div>
        {invalid && (
          <p id="doi-error" class="field-error" role="alert">
            {t('invalidDoi')}
          </p>
        )}
      </form>
    </section>
  );
}
