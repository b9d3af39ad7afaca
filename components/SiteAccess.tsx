import { useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';

interface Props {
  /** The page's origin ("https://host"), when the browser tells it; without one no grant is offered. */
  origin: string | null;
  /**
   * Asks the browser for access to `origin` and reads the page once granted; resolves false when the
   * user declined. Must call `permissions.request` before its first await (a user gesture is needed).
   */
  onAllow(origin: string): Promise<boolean>;
}

/** "Greenway can't read this page": site access withheld (Firefox, Chrome "on click"), with a way to allow it. */
export function SiteAccess({ origin, onAllow }: Props) {
  const [declined, setDeclined] = useState(false);
  return (
    <section class="notice site-access" data-view-part="site-access" role="status">
      <h2>{t('cantReadPage')}</h2>
      <p>{t('cantReadPageHelp')}</p>
      {origin && (
        <button
          type="button"
          class="action primary"
          onClick={() => {
            setDeclined(false);
            onAllow(origin).then(
              (granted) => setDeclined(!granted),
              () => setDeclined(true),
            );
          }}
        >
          {t('allowOnSite')}
        </button>
      )}
      {declined && <p class="field-error">{t('siteAccessDeclined')}</p>}
    </section>
  );
}
