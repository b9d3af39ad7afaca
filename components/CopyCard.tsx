import type { CopyView } from '@/utils/view/result-model';
import type { CopyVerdict } from '@/utils/view/link-view';
import { SHORTCUT_KEYS } from '@/utils/view/shortcuts';
import { t } from '@/utils/view/i18n';
import { CopyButton } from './CopyButton';
import { ExternalLink } from './ExternalLink';
import { LinkCheck } from './LinkCheck';

interface Props {
  view: CopyView;
  /** The best copy: larger, and the popup's keyboard shortcuts act on it. */
  best?: boolean;
  /** What the link check found (absent: not checked, e.g. the copy on the tab). */
  verdict?: CopyVerdict;
  /** The tab shows this copy: "You are on this copy", and no shortcuts. */
  here?: boolean;
  copyText(text: string): Promise<void>;
  onFindArchive?(): void;
  onAllowSite?(origin: string): void;
}

/** One free copy: where it is, which version, under which licence, and what to do with it. */
export function CopyCard({ view, best = false, verdict, here = false, copyText, onFindArchive, onAllowSite }: Props) {
  const { host } = view;
  const key = (name: keyof typeof SHORTCUT_KEYS) => (best ? SHORTCUT_KEYS[name].toUpperCase() : undefined);
  const recordLabel = view.isRecord ? t('openRecord') : t('openPage');
  const other = verdict?.samePaper === 'no';
  const broken = verdict?.state === 'dead' || verdict?.state === 'login';
  // What the PDF button really opens: a record page says so; a broken link or another paper is no call to action.
  const pdfLabel = other ? t('openDifferentPaper') : verdict?.opensRecord ? t('openRecordInstead') : t('openPdf');
  const recordText = other ? `${recordLabel} (${t('samePaperNo')})` : recordLabel;
  const pdfClass = other || broken ? 'action' : 'action primary';
  return (
    <article class={best ? 'copy copy-best' : 'copy copy-compact'} aria-label={`${host}, ${view.version}`} data-kind={view.kind} data-here={here || undefined}>
      {here && <p class="here-note">{t('youAreHere')}</p>}
      <header class="copy-head">
        <h3 class="copy-host">{host}</h3>
        <span class="copy-kind">
          {view.kindLabel}
          {view.institution ? ` · ${view.institution}` : ''}
        </span>
      </header>
      <ul class="facts">
        <li class="fact-version">{view.version}</li>
        <li class="fact-licence">
          {view.licence ? (
            view.licence.url ? (
              <ExternalLink href={view.licence.url} ariaLabel={t('licenceLinkLabel', view.licence.label)}>
                {view.licence.label}
              </ExternalLink>
            ) : (
              view.licence.label
            )
          ) : (
            t('noLicence')
          )}
        </li>
        {verdict && <LinkCheck verdict={verdict} host={host} onFindArchive={onFindArchive} onAllowSite={onAllowSite} />}
      </ul>
      {view.via && (
        <div class="via">
          <p>{t('foundVia', view.via)}</p>
          {view.reasons.length > 0 && <p class="reason">{t('foundViaReason', view.reasons.join('; '))}</p>}
        </div>
      )}
      <div class="actions">
        {view.pdfUrl && (
          <ExternalLink href={view.pdfUrl} class={pdfClass} ariaLabel={`${pdfLabel} — ${host}`} shortcut={key('pdf')}>
            {pdfLabel}
          </ExternalLink>
        )}
        {view.landingUrl && (
          <ExternalLink href={view.landingUrl} class="action" ariaLabel={`${recordText} — ${host}`} shortcut={key('record')}>
            {recordText}
          </ExternalLink>
        )}
        {view.landingUrl && view.isRecord && (
          <CopyButton text={view.landingUrl} label={t('copyRepositoryLink')} context={host} copy={copyText} shortcut={key('copy')} />
        )}
      </div>
    </article>
  );
}
