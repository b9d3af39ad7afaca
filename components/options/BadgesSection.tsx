/** Badges next to DOI links on pages: on/off, closed links, and the sites where they never appear. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { parseSiteList } from '@/utils/settings/sites';
import { LockedHint, Section, Toggle } from './fields';
import { fieldId, isLockedPath, type SettingsEditor } from './editor';

function SitesField({ editor }: { editor: SettingsEditor }) {
  const path = 'badges.disabledSites';
  const id = fieldId(path);
  const saved = editor.settings.badges.disabledSites.join('\n');
  const [draft, setDraft] = useState(saved);
  const [rejected, setRejected] = useState<string[]>([]);
  useEffect(() => setDraft(saved), [saved]);
  const locked = isLockedPath(editor, path);

  async function commit(text: string) {
    const { sites, rejected: bad } = parseSiteList(text);
    setRejected(bad);
    if (bad.length === 0) await editor.set(path, sites);
  }

  return (
    <div class="field">
      <label for={id}>{t('optSitesLabel')}</label>
      {locked && <LockedHint path={path} />}
      <textarea
        id={id}
        rows={4}
        value={draft}
        disabled={locked}
        spellcheck={false}
        aria-invalid={rejected.length > 0}
        aria-describedby={`${id}-help${rejected.length ? ` ${id}-error` : ''}`}
        onInput={(event) => setDraft((event.currentTarget as HTMLTextAreaElement).value)}
        onChange={(event) => commit((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id={`${id}-help`} class="help">
        {t('optSitesHelp')}
      </p>
      {rejected.length > 0 && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {t('optSitesInvalid', rejected.join(', '))}
        </p>
      )}
    </div>
  );
}

export function BadgesSection({ editor }: { editor: SettingsEditor }) {
  const { badges } = editor.settings;
  return (
    <Section id="badges" title={t('optBadgesTitle')}>
      <Toggle editor={editor} path="badges.enabled" checked={badges.enabled} label={t('optBadgesEnabled')} help={t('optBadgesHelp')} />
      <Toggle editor={editor} path="badges.hideClosed" checked={badges.hideClosed} label={t('optBadgesHideClosed')} />
      <SitesField editor={editor} />
    </Section>
  );
}
