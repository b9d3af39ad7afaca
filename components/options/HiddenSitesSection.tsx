/**
 * The sites where the reader chose "Hide on this site" on the article indicator, each with "Show
 * again". The list follows changes made in other tabs; after "Show again" the focus moves to the
 * next site's button (or the empty-list note), so keyboard users never lose their place.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { Section } from './fields';

export interface HiddenSitesClient {
  hiddenSites(): Promise<string[]>;
  showSiteAgain(site: string): Promise<string[]>;
  watchHiddenSites(callback: () => void): () => void;
}

export function HiddenSitesSection({ client }: { client: HiddenSitesClient }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const empty = useRef<HTMLParagraphElement>(null);
  /** The position whose button takes the focus after the next render (set by "Show again"). */
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => client.hiddenSites().then((next) => live && setSites(next));
    void load();
    const stop = client.watchHiddenSites(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [client]);

  useEffect(() => {
    if (focusAt.current === null || sites === null) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(focusAt.current, buttons.length - 1)] ?? empty.current)?.focus();
    focusAt.current = null;
  }, [sites]);

  async function showAgain(site: string, index: number) {
    try {
      const remaining = await client.showSiteAgain(site);
      focusAt.current = index;
      setSites(remaining);
      setStatus({ text: t('optShownAgain', site), ok: true });
    } catch (error) {
      setStatus({ text: t('optShowAgainFailed', [site, error instanceof Error ? error.message : String(error)]), ok: false });
    }
  }

  return (
    <Section id="hidden-sites" title={t('optHiddenTitle')}>
      <p class="help">{t('optHiddenHelp')}</p>
      {sites !== null && sites.length === 0 && (
        <p ref={empty} tabIndex={-1} class="empty-list">
          {t('optHiddenNone')}
        </p>
      )}
      {sites !== null && sites.length > 0 && (
        <ul ref={list} class="site-list" aria-labelledby="hidden-sites-title">
          {sites.map((site, index) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              {/* The name repeats the site: a list of identical "Show again" buttons says nothing out of context. */}
              <button type="button" class="action" aria-label={`${t('optShowAgain')}: ${site}`} onClick={() => void showAgain(site, index)}>
                {t('optShowAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class={status?.ok === false ? 'field-error' : 'test-ok'} role="status">
        {status?.text ?? ''}
      </p>
    </Section>
  );
}
