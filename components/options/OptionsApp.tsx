/**
 * The options page: every control edits one settings field and saves at once (no Save button to
 * forget). Locked fields (institution policy) are disabled and say so; notes explain any reset.
 */
import { useMemo } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import type { OptionsClient } from '@/utils/settings/options-client';
import { AccountSection } from './AccountSection';
import { BackupSection } from './BackupSection';
import { BadgesSection } from './BadgesSection';
import { CacheSection } from './CacheSection';
import { DiscoverySection } from './DiscoverySection';
import { HiddenSitesSection } from './HiddenSitesSection';
import { LibrarySection } from './LibrarySection';
import { PrivacySection } from './PrivacySection';
import { SettingsNotes } from './SettingsNotes';
import { SourcesSection } from './SourcesSection';
import type { SettingsEditor } from './editor';
import { useSettingsEditor } from '../../hooks/use-settings-editor';

export function OptionsApp({ client }: { client: OptionsClient }) {
  const { loaded, setLoaded, set, setWith, saved, markSaved } = useSettingsEditor(client);
  const editor = useMemo<SettingsEditor | null>(
    () => (loaded ? { settings: loaded.settings, locked: loaded.locked, set, setWith } : null),
    [loaded, set, setWith],
  );
  if (!loaded || !editor) {
    return (
      <main class="options" aria-busy="true">
        <h1 class="brand">{t('optionsTitle')}</h1>
      </main>
    );
  }
  return (
    <main class="options">
      <h1 class="brand">{t('optionsTitle')}</h1>
      <p>
        <a href="/check.html">{t('checkListLink')}</a>
      </p>
      <SettingsNotes notes={loaded.notes} lockedCount={loaded.locked.length} />
      <AccountSection editor={editor} testKey={client.testKey} />
      <PrivacySection editor={editor} />
      <SourcesSection editor={editor} />
      <LibrarySection editor={editor} openTab={client.openTab} />
      <BadgesSection editor={editor} />
      <HiddenSitesSection client={client} />
      <DiscoverySection editor={editor} />
      <CacheSection usage={client.cacheUsage} clear={client.clearCache} />
      <BackupSection
        user={loaded.user}
        download={client.download}
        apply={async (imported) => {
          setLoaded(await client.replace(imported.user));
          markSaved();
        }}
      />
      <p class="saved-status" role="status">
        {saved > 0 ? t('optSaved') : ''}
      </p>
    </main>
  );
}
