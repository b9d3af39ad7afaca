import type { CopyVerdict } from '@/utils/view/link-view';
import { t, type MessageKey } from '@/utils/view/i18n';
import { ExternalLink } from './ExternalLink';

const WORDS: Record<CopyVerdict['state'], { key: MessageKey; icon: string }> = {
  checking: { key: 'linkChecking', icon: '…' },
  pdf: { key: 'linkPdf', icon: '✓' },
  landing: { key: 'linkLanding', icon: 'ⓘ' },
  login: { key: 'linkLogin', icon: '⚠' },
  challenge: { key: 'linkChallenge', icon: '⚠' },
  dead: { key: 'linkDead', icon: '✕' },
  unknown: { key: 'linkUnknown', icon: '?' },
  'not-checked': { key: 'linkNotChecked', icon: '–' },
};

interface Props {
  verdict: CopyVerdict;
  host: string;
  /** Asks for the archived copy of this dead link (privacy mode: only on the user's click). */
  onFindArchive?(): void;
  /** The site-access request for `verdict.origin` ("Allow on this site"); absent = the words only. */
  onAllowSite?(origin: string): void;
}

/** What the link check found, in words (the icon only repeats them), as items of the copy's facts. */
export function LinkCheck({ verdict, host, onFindArchive, onAllowSite }: Props) {
  const { key, icon } = WORDS[verdict.state];
  const origin = verdict.origin;
  return (
    <>
      <li class="fact-check" data-check={verdict.state}>
        <span aria-hidden="true" class="check-icon">
          {icon}
        </span>{' '}
        {t(key)}
        {verdict.state === 'not-checked' && origin && (
          <>
            {' '}
            <span class="check-why">{t('linkNotCheckedWhy', host)}</span>{' '}
            {onAllowSite && (
              <button type="button" class="link-button" onClick={() => onAllowSite(origin)} aria-label={`${t('allowOnSite')} — ${host}`}>
                {t('allowOnSite')}
              </button>
            )}
          </>
        )}
      </li>
      {verdict.samePaper !== 'unknown' && (
        <li class="fact-paper" data-paper={verdict.samePaper}>
          {t(verdict.samePaper === 'yes' ? 'samePaperYes' : 'samePaperNo')}
        </li>
      )}
      {verdict.state === 'dead' && (
        <li class="fact-archive">
          {verdict.archived ? (
            <ExternalLink href={verdict.archived.url} ariaLabel={`${t('archivedCopy', verdict.archived.date)} — ${host}`}>
              {t('archivedCopy', verdict.archived.date)}
            </ExternalLink>
          ) : verdict.archived === null ? (
            t('noArchivedCopy')
          ) : (
            onFindArchive && (
              <button type="button" class="link-button" onClick={onFindArchive} aria-label={`${t('findArchivedCopy')} — ${host}`}>
                {t('findArchivedCopy')}
              </button>
            )
          )}
        </li>
      )}
    </>
  );
}
