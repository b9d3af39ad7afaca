/** How many lookups are remembered on this device, and a button to forget them. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import type { CacheUsage } from '@/utils/settings/lookup-cache';
import { Section } from './fields';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function CacheSection({ usage, clear }: { usage(): Promise<CacheUsage>; clear(): Promise<void> }) {
  const [current, setCurrent] = useState<CacheUsage | null>(null);
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    usage().then(setCurrent, () => setCurrent({ entries: 0, bytes: 0 }));
  }, [usage]);
  return (
    <Section id="cache" title={t('optCacheTitle')}>
      <p class="help">{t('optCacheHelp')}</p>
      <p role="status">
        {current === null ? t('optCacheCounting') : cleared ? t('optCacheCleared') : t('optCacheUsage', [String(current.entries), formatBytes(current.bytes)])}
      </p>
      <button
        type="button"
        class="action"
        disabled={!current || current.entries === 0}
        onClick={async () => {
          await clear();
          setCleared(true);
          setCurrent(await usage());
        }}
      >
        {t('optCacheClear')}
      </button>
    </Section>
  );
}
