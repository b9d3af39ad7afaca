/** Which services are asked, how copies are ranked, and (advanced) where each service lives. */
import { t } from '@/utils/view/i18n';
import { SOURCES } from '@/utils/sources/registry';
import { safeHttpUrl } from '@/utils/model/url';
import { sourceNeeds, type SourceNeed } from '@/utils/settings/source-needs';
import { Section, TextField, Toggle } from './fields';
import { fieldId, type SettingsEditor } from './editor';

/**
 * A source that cannot be asked yet (no email, no required key) is shown as off, with no switch to
 * tick: the engine skips it whatever the switch says. Its words link to the field that turns it on.
 */
function NeedsRow({ id, label, need }: { id: string; label: string; need: SourceNeed }) {
  const target = need === 'email' ? fieldId('email') : fieldId(`keys.${id}`);
  const rowId = `${fieldId(`sources.${id}.enabled`)}-needs`;
  return (
    <div class="field field-toggle field-needs" id={rowId}>
      <span class="needs-mark" aria-hidden="true">
        –
      </span>
      <span class="needs-label">{label}</span>
      <p class="help">
        <a
          href={`#${target}`}
          aria-label={`${label}: ${need === 'email' ? t('optSourceOffNeedsEmail') : t('optSourceOffNeedsKey')}`}
          onClick={(event) => {
            // Following the link should put the cursor in the field, not only scroll to it.
            const field = document.getElementById(target);
            if (field) {
              event.preventDefault();
              field.focus();
            }
          }}
        >
          {need === 'email' ? t('optSourceOffNeedsEmail') : t('optSourceOffNeedsKey')}
        </a>
      </p>
    </div>
  );
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
      {/* Two groups: the services asked, then how their copies are ordered. In one list, "Prefer
          repository copies" read as one more service. */}
      <fieldset>
        <legend>{t('optSourcesAsked')}</legend>
        {SOURCES.map((source) => {
          const need = sourceNeeds(source, editor.settings);
          return need ? (
            <NeedsRow key={source.id} id={source.id} label={source.label} need={need} />
          ) : (
            <Toggle key={source.id} editor={editor} path={`sources.${source.id}.enabled`} checked={sources[source.id].enabled} label={source.label} />
          );
        })}
      </fieldset>
      <fieldset class="ranking">
        <legend>{t('optRankingTitle')}</legend>
        <Toggle
          editor={editor}
          path="ranking.preferRepository"
          checked={ranking.preferRepository}
          label={t('optPreferRepository')}
          help={t('optPreferRepositoryHelp')}
        />
      </fieldset>
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
