/**
 * The options page: every control edits one settings field and saves at once (no Save button to
 * forget). Locked fields (institution policy) are disabled and say so; notes explain any reset.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { withSetting } from '@/utils/settings/edit';
import type { OptionsClient } from '@/utils/settings/options-client';
import type { LoadedSettings } from '@/utils/settings/store';
import type { Settings } from '@/utils/settings/schema';
import { AccountSection } from './AccountSection';
import { BackupSection } from './BackupSection';
import { BadgesSection } from './BadgesSection';
import { CacheSection } from './CacheSection';
import { DiscoverySection } from './DiscoverySection';
import { LibrarySection } from './LibrarySection';
import { PrivacySection } from './PrivacySection';
import { SettingsNotes } from './SettingsNotes';
import { SourcesSection } from './SourcesSection';
import type { SettingsEditor } from './editor';

/**
 * Keeps the user's edits in order: saves run one after another, each starting from the result of the
 * previous one, so quick clicks on several controls never overwrite each other.
 */
function useSettingsEditor(client: OptionsClient) {
  const [loaded, setLoadedState] = useState<LoadedSettings | null>(null);
  const [saved, setSaved] = useState(0);
  const latest = useRef<LoadedSettings | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const setLoaded = useCallback((next: LoadedSettings) => {
    latest.current = next;
    setLoadedState(next);
  }, []);
  useEffect(() => {
    client.load().then(setLoaded);
  }, [client, setLoaded]);

  const setWith = useCallback(
    (path: string, compute: (current: Settings) => unknown): Promise<boolean> => {
      const run = queue.current.then(async () => {
        const base = latest.current;
        if (!base || base.locked.includes(path)) return false;
        const next = withSetting(base.settings, path, compute(base.settings));
        if (!next) return false;
        setLoaded(await client.save(next, base));
        setSaved((n) => n + 1);
        return true;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [client, setLoaded],
  );
  const set = useCallback((path: string, value: unknown) => setWith(path, () => value), [setWith]);
  return { loaded, setLoaded, set, setWith, saved, markSaved: () => setSaved((n) => n + 1) };
}

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
      <SettingsNotes notes={loaded.notes} lockedCount={loaded.locked.length} />
      <AccountSection editor={editor} testKey={client.testKey} />
      <PrivacySection editor={editor} />
      <SourcesSection editor={editor} />
      <LibrarySection editor={editor} />
      <BadgesSection editor={editor} />
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
