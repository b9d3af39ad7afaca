import { useId, useState } from 'preact/hooks';
import type { CopyView } from '@/utils/view/result-model';
import type { CopyVerdict } from '@/utils/view/link-view';
import { t, type MessageKey } from '@/utils/view/i18n';
import { CopyActions } from './CopyActions';
import { ExternalLink } from './ExternalLink';
import { LicenceFact } from './CopyDetails';
import { LinkCheck } from './LinkCheck';

const SHORT_VERSION: Record<string, MessageKey> = {
  published: 'versionShortPublished',
  accepted: 'versionShortAccepted',
  submitted: 'versionShortSubmitted',
  unknown: 'versionShortUnknown',
};

/** Checks that change the reader's choice are said on the row itself; the rest when it is opened. */
const WARNINGS: ReadonlySet<CopyVerdict['state']> = new Set(['dead', 'login', 'challenge']);

interface Props {
  view: CopyView;
  verdict?: CopyVerdict;
  /** The tab shows this copy (its section says "You are on this copy"): no link to open it. */
  here?: boolean;
  copyText(text: string): Promise<void>;
  onFindArchive?(): void;
  onAllowSite?(origin: string): void;
}

/**
 * One more copy on one line — host · version · licence, and a link to open it — that expands into
 * its version note, link check, every action and where it was found.
 */
export function CopyRow({ view, verdict, here = false, copyText, onFindArchive, onAllowSite }: Props) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const version = t(SHORT_VERSION[view.versionId ?? 'unknown']!);
  const warning = verdict && (WARNINGS.has(verdict.state) || verdict.samePaper === 'no');
  const openUrl = view.pdfUrl ?? view.landingUrl;
  const openLabel = view.pdfUrl ? t('openPdf') : view.isRecord ? t('openRecord') : t('openPage');
  return (
    <article class="copy-row" aria-label={`${view.host}, ${view.version}`} data-host={view.host} data-kind={view.kind} data-here={here || undefined}>
      <div class="row-line">
        <button type="button" class="row-toggle" aria-expanded={open} aria-controls={open ? bodyId : undefined} onClick={() => setOpen(!open)}>
          <span class="row-marker" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span class="row-host">{view.host}</span>
          <span class="row-facts">
            {' · '}
            {version}
            {' · '}
            {view.licence?.label ?? t('noLicenceShort')}
            {warning && (
              <span class="row-warning">
                {' · '}
                {verdict.samePaper === 'no'
                  ? t('samePaperNo')
                  : t(verdict.state === 'dead' ? 'linkDead' : verdict.state === 'login' ? 'linkLogin' : 'linkChallenge')}
              </span>
            )}
          </span>
        </button>
        {/* Opened, the row shows every action itself. */}
        {openUrl && !here && !open && (
          <ExternalLink href={openUrl} class="row-link" ariaLabel={`${openLabel} — ${view.host}`}>
            {t('rowOpen')}
          </ExternalLink>
        )}
      </div>
      {open && (
        <div class="row-body" id={bodyId}>
          <p class="version-note">{view.versionNote}</p>
          <ul class="facts">
            <li>
              {view.kindLabel}
              {view.institution ? ` · ${view.institution}` : ''}
            </li>
            <li class="fact-licence">
              <LicenceFact view={view} />
            </li>
            {verdict && <LinkCheck verdict={verdict} host={view.host} onFindArchive={onFindArchive} onAllowSite={onAllowSite} />}
          </ul>
          <CopyActions view={view} verdict={verdict} copyText={copyText} />
          <p class="via">{t('foundVia', view.via)}</p>
          {view.why.map((line) => (
            <p key={line} class="via">
              {line}
            </p>
          ))}
        </div>
      )}
    </article>
  );
}
