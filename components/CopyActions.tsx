import type { CopyView } from '@/utils/view/result-model';
import type { CopyVerdict } from '@/utils/view/link-view';
import { SHORTCUT_KEYS } from '@/utils/view/shortcuts';
import { t } from '@/utils/view/i18n';
import { CopyButton } from './CopyButton';
import { ExternalLink } from './ExternalLink';

interface Props {
  view: CopyView;
  verdict?: CopyVerdict;
  /** The best copy: its main button is styled primary, and the popup's keyboard shortcuts act on it. */
  best?: boolean;
  copyText(text: string): Promise<void>;
}

/** What the reader can do with a copy: open the PDF, open the record (or page), copy the record link. */
export function CopyActions({ view, verdict, best = false, copyText }: Props) {
  const { host } = view;
  const key = (name: keyof typeof SHORTCUT_KEYS) => (best ? SHORTCUT_KEYS[name].toUpperCase() : undefined);
  const recordLabel = view.isRecord ? t('openRecord') : t('openPage');
  const other = verdict?.samePaper === 'no';
  const broken = verdict?.state === 'dead' || verdict?.state === 'login';
  // What the PDF button really opens: a record page says so; a broken link or another paper is no call to action.
  const pdfLabel = other ? t('openDifferentPaper') : verdict?.opensRecord ? t('openRecordInstead') : t('openPdf');
  const recordText = other ? `${recordLabel} (${t('samePaperNo')})` : recordLabel;
  const primary = best && !other && !broken;
  return (
    <div class="actions">
      {view.pdfUrl && (
        <ExternalLink href={view.pdfUrl} class={primary ? 'action primary' : 'action'} ariaLabel={`${pdfLabel} — ${host}`} shortcut={key('pdf')}>
          {pdfLabel}
        </ExternalLink>
      )}
      {view.landingUrl && (
        <ExternalLink
          href={view.landingUrl}
          class={primary && !view.pdfUrl ? 'action primary' : 'action'}
          ariaLabel={`${recordText} — ${host}`}
          shortcut={key('record')}
        >
          {recordText}
        </ExternalLink>
      )}
      {view.landingUrl && view.isRecord && (
        <CopyButton text={view.landingUrl} label={t('copyRepositoryLink')} context={host} copy={copyText} shortcut={key('copy')} />
      )}
    </div>
  );
}
