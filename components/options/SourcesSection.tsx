/** Which services are asked, how copies are ranked, and (advanced) where each service lives. */
import { t } from '@/utils/view/i18n';
import { SOURCE_LABELS, SOURCE_NAMES, type SourceName } from '@/utils/model';
import { safeHttpUrl } from '@/utils/model/url';
import { Section, TextField, Toggle } from './fields';
import type { SettingsEditor } from './editor';

/** Why an enabled source may still stay silent: Unpaywall needs the email, CORE a key. */
function sourceHelp(editor: SettingsEditor, name: SourceName): string | undefined {
  const { email, keys } = editor.settings;
  if (name === 'unpaywall' && !email) return t('optSourceNeedsEmail');
  if (name === 'core' && !keys.core) return t('optSourceNeedsKey');
  return undefined;
}

/** '' = back to the public API (the optional field is removed); anything else must be http(s). */
function parseBaseUrl(text: string): { value: string | undefined } | null {
  if (text.trim() === '') return { value: undefined };
  const url = safeHttpUrl(text);
  return url ? { value: url.replace(/\/+$/, '') } : null;
}

export function SourcesSection({ editor }: { editor: SettingsEditor }) {
  const { sources, ranking } = editor.settings;
  return (
    <Section id="sources" title={t('optSourcesTitle')}>
      <p class="help">{t('optSourcesHelp')}</p>
      {SOURCE_NAMES.map((name) => (
        <Toggle
          key={name}
          editor={editor}
          path={`sources.${name}.enabled`}
          checked={sources[name].enabled}
          label={SOURCE_LABELS[name]}
          help={sourceHelp(editor, name)}
        />
      ))}
      <Toggle
        editor={editor}
        path="ranking.preferRepository"
        checked={ranking.preferRepository}
        label={t('optPreferRepository')}
        help={t('optPreferRepositoryHelp')}
      />
      <details class="advanced">
        <summary>{t('optBaseUrlsTitle')}</summary>
        <p class="help">{t('optBaseUrlsHelp')}</p>
        {SOURCE_NAMES.map((name) => (
          <TextField
            key={name}
            editor={editor}
            path={`sources.${name}.baseUrl`}
            type="url"
            value={sources[name].baseUrl ?? ''}
            label={SOURCE_LABELS[name]}
            invalidText={t('optUrlInvalid')}
            parse={parseBaseUrl}
          />
        ))}
      </details>
    </Section>
  );
}
