import type { CopyView } from '@/utils/view/result-model';
import type { PdfCheckState } from '@/hooks/use-pdf-checks';
import { SHORTCUT_KEYS } from '@/utils/view/shortcuts';
import { t } from '@/utils/view/i18n';
import { CopyButton } from './CopyButton';
import { ExternalLink } from './ExternalLink';
import { PdfCheck } from './PdfCheck';

interface Props {
  view: CopyView;
  /** The best copy: larger, and the popup's keyboard shortcuts act on it. */
  best?: boolean;
  check?: PdfCheckState;
  copyText(text: string): Promise<void>;
}

/** One free copy: where it is, which version, under which licence, and what to do with it. */
export function CopyCard({ view, best = false, check, copyText }: Props) {
  const { host } = view;
  const key = (name: keyof typeof SHORTCUT_KEYS) => (best ? SHORTCUT_KEYS[name].toUpperCase() : undefined);
  const recordLabel = view.isRecord ? t('openRecord') : t('openPage');
  return (
    <article class={best ? 'copy copy-best' : 'copy copy-compact'} aria-label={`${host}, ${view.version}`} data-kind={view.kind}>
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
        {view.pdfUrl && check && <PdfCheck state={check} />}
      </ul>
      {view.via && (
        <div class="via">
          <p>{t('foundVia', view.via)}</p>
          {view.reasons.length > 0 && <p class="reason">{t('foundViaReason', view.reasons.join('; '))}</p>}
        </div>
      )}
      <div class="actions">
        {view.pdfUrl && (
          <ExternalLink href={view.pdfUrl} class="action primary" ariaLabel={`${t('openPdf')} — ${host}`} shortcut={key('pdf')}>
            {t('openPdf')}
          </ExternalLink>
        )}
        {view.landingUrl && (
          <ExternalLink href={view.landingUrl} class="action" ariaLabel={`${recordLabel} — ${host}`} shortcut={key('record')}>
            {recordLabel}
          </ExternalLink>
        )}
        {view.landingUrl && view.isRecord && (
          <CopyButton text={view.landingUrl} label={t('copyRepositoryLink')} context={host} copy={copyText} shortcut={key('copy')} />
        )}
      </div>
    </article>
  );
}
