import { useState } from 'preact/hooks';
import { parseDoi } from '@/utils/doi';
import { t } from '@/utils/i18n';

/** Shown when the page has no DOI: takes a DOI, a doi.org URL, or any text that contains one. */
export function ManualDoiForm({ onSubmit, initial = '' }: { onSubmit(doi: string): void; initial?: string }) {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  return (
    <section class="no-doi">
      <h2>{t('noDoiTitle')}</h2>
      <p id="doi-help">{t('noDoiHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const doi = parseDoi(value);
          setInvalid(!doi);
          if (doi) onSubmit(doi);
        }}
      >
        <label for="doi-input">{t('doiInputLabel')}</label>
        <div class="input-row">
          <input
            id="doi-input"
            type="text"
            value={value}
            autoFocus
            spellcheck={false}
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
