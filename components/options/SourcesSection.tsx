/** Which services are asked, how copies are ranked, and (advanced) where each service lives. */
import { t } from '@/utils/view/i18n';
import { SOURCES, type KeyedSourceName } from '@/utils/sources/registry';
import { safeHttpUrl } from '@/utils/model/url';
import { Section, TextField, Toggle } from './fields';
import type { SettingsEditor } from './editor';

/** Why an enabled source may still stay silent: it needs the email (Unpaywall) or a key (CORE). */
function sourceHelp(editor: SettingsEditor, source: (typeof SOURCES)[number]): string | undefined {
  const { email, keys } = editor.settings;
  if (source.needsEmail && !email) return t('optSourceNeedsEmail');
  if (source.key?.required && !keys[source.id as KeyedSourceName]) return t('optSourceNeedsKey', source.label);
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
      {SOURCES.map((source) => (
        <Toggle
          key={source.id}
          editor={editor}
          path={`sources.${source.id}.enabled`}
          checked={sources[source.id].enabled}
          label={source.label}
          help={sourceHelp(editor, source)}
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
        {SOURCES.map((source) => (
          <TextField
            key={source.id}
            editor={editor}
            path={`sources.${source.id}.baseUrl`}
            type="url"
            value={sources[source.id].baseUrl ?? ''}
            label={source.label}
            invalidText={t('optUrlInvalid')}
            parse={parseBaseUrl}
          />
        ))}
      </details>
    </Section>
  );
}
