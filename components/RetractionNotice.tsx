import { t } from '@/utils/view/i18n';
import { ExternalLink } from './ExternalLink';

/** Shown above everything else: a free copy of a retracted paper is still a retracted paper. */
export function RetractionNotice({ noticeUrl }: { noticeUrl: string | null }) {
  return (
    <section class="notice notice-retracted" role="alert" aria-labelledby="retracted-heading">
      <h2 id="retracted-heading" class="notice-title">
        <span aria-hidden="true">⚠ </span>
        {t('retractedTitle')}
      </h2>
      <p>{t('retractedHelp')}</p>
      {noticeUrl && (
        <p>
          <ExternalLink href={noticeUrl}>{t('retractionNotice')}</ExternalLink>
        </p>
      )}
    </section>
  );
}
