import { t } from '@/utils/view/i18n';

/**
 * The popup's way to the check page: "Check a list…" always, and "Check all N references on this
 * page" when the tab's page cites DOIs other than its article's own (`pageDoiCount`, the references;
check.html?tabId=N fills the list with the same DOIs). Plain links
 * into the extension, opened in a new tab.
 */
export function CheckListLinks({ tabId, pageDoiCount }: { tabId: number | null; pageDoiCount: number }) {
  return (
    <nav class="check-links" aria-label={t('checkTitle')}>
      {tabId !== null && pageDoiCount > 0 && (
        <a href={`/check.html?tabId=${tabId}`} target="_blank" rel="noopener noreferrer">
          {t('checkPageDois', String(pageDoiCount))}
        </a>
      )}
      <a href="/check.html" target="_blank" rel="noopener noreferrer">
        {t('checkListLink')}
      </a>
    </nav>
  );
}
