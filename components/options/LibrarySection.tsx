/** The reader's library: its link resolver and inter-library loan form, and the institution to prefer. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { EXAMPLE_ARTICLE } from '@/utils/model/example-article';
import { illUrlFor, openUrlFor } from '@/utils/settings/library-links';
import { Section, TextField } from './fields';
import { fieldId, type SettingsEditor } from './editor';

/** Opens an http(s) URL in a new tab (no opener, no referrer); false when it is not one. */
export type OpenTab = (url: string) => boolean;

interface TestedFieldProps {
  editor: SettingsEditor;
  path: 'library.openUrlBase' | 'library.illUrlTemplate';
  value: string;
  label: string;
  help: string;
  placeholder: string;
  /** The address the popup would open for the example article, or null when the text gives none. */
  build(text: string): string | null;
  openTab: OpenTab;
}

/**
 * A library address with a "Test" button: it opens what the popup would open, filled with the example
 * article's DOI, from the text as typed (saved or not), and says what happened.
 */
function TestedField({ editor, path, build, openTab, ...field }: TestedFieldProps) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const resultId = `${fieldId(path)}-test`;
  function test(draft: string) {
    if (!draft.trim()) return setOutcome({ text: t('optTestEmpty'), ok: false });
    const url = build(draft);
    if (!url || !openTab(url)) return setOutcome({ text: t('optTestInvalid'), ok: false });
    const fills = path === 'library.openUrlBase' || /\{(?:doi|title)\}/.test(draft);
    setOutcome({ text: fills ? t('optTestOpened', EXAMPLE_ARTICLE.doi) : t('optTestOpenedNoDoi'), ok: true });
  }
  return (
    <div class="key-field">
      <TextField editor={editor} path={path} type="url" invalidText={t('optUrlInvalid')} {...field}>
        {(draft: string) => (
          <button type="button" class="action" aria-describedby={resultId} onClick={() => test(draft)}>
            {t('optKeyTest')}
          </button>
        )}
      </TextField>
      <p id={resultId} class={outcome ? (outcome.ok ? 'test-ok' : 'field-error') : 'test-idle'} role="status">
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}

export function LibrarySection({ editor, openTab }: { editor: SettingsEditor; openTab: OpenTab }) {
  const { library } = editor.settings;
  const example = { doi: EXAMPLE_ARTICLE.doi };
  return (
    <Section id="library" title={t('optLibraryTitle')}>
      <p class="help">{t('optLibraryHelp')}</p>
      <TestedField
        editor={editor}
        path="library.openUrlBase"
        value={library.openUrlBase}
        label={t('optOpenUrlLabel')}
        help={t('optOpenUrlHelp')}
        placeholder="https://resolver.example.edu/openurl"
        build={(text) => openUrlFor(text, example)}
        openTab={openTab}
      />
      <TestedField
        editor={editor}
        path="library.illUrlTemplate"
        value={library.illUrlTemplate}
        label={t('optIllLabel')}
        help={t('optIllHelp')}
        placeholder="https://library.example.edu/ill?doi={doi}"
        build={(text) => illUrlFor(text, example)}
        openTab={openTab}
      />
      <TextField
        editor={editor}
        path="library.preferredInstitution"
        value={library.preferredInstitution}
        label={t('optInstitutionLabel')}
        help={t('optInstitutionHelp')}
        invalidText={t('optTextTooLong')}
      />
    </Section>
  );
}
