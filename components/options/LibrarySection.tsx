/** The reader's library: its link resolver and inter-library loan form, and the institution to prefer. */
import { t } from '@/utils/view/i18n';
import { Section, TextField } from './fields';
import type { SettingsEditor } from './editor';

export function LibrarySection({ editor }: { editor: SettingsEditor }) {
  const { library } = editor.settings;
  return (
    <Section id="library" title={t('optLibraryTitle')}>
      <p class="help">{t('optLibraryHelp')}</p>
      <TextField
        editor={editor}
        path="library.openUrlBase"
        type="url"
        value={library.openUrlBase}
        label={t('optOpenUrlLabel')}
        help={t('optOpenUrlHelp')}
        placeholder="https://resolver.example.edu/openurl"
        invalidText={t('optUrlInvalid')}
      />
      <TextField
        editor={editor}
        path="library.illUrlTemplate"
        type="url"
        value={library.illUrlTemplate}
        label={t('optIllLabel')}
        help={t('optIllHelp')}
        placeholder="https://library.example.edu/ill?doi={doi}"
        invalidText={t('optUrlInvalid')}
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
