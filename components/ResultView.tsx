import type { LookupResult } from '@/utils/model';
import { SOURCE_LABELS, type SourceName } from '@/utils/model';
import type { ArticleSignal } from '@/utils/messages';
import { statusLabel } from '@/utils/labels';
import { t } from '@/utils/i18n';
import { safeHttpUrl } from '@/utils/url';
import { CopyCard } from './CopyCard';
import { ExternalLink } from './ExternalLink';

interface Props {
  result: LookupResult;
  article: ArticleSignal | null;
  copyText(text: string): Promise<void>;
  onRetry(): void;
}

const STATUS_ICONS: Record<LookupResult['status'], string> = {
  diamond: '◆',
  gold: '●',
  hybrid: '●',
  bronze: '●',
  green: '✔',
  closed: '✕',
  unknown: '?',
};

export function ResultView({ result, article, copyText, onRetry }: Props) {
  const failed = Object.entries(result.sources).filter(([, o]) => o && !o.ok) as Array<[SourceName, { ok: false; error: string }]>;
  const answered = Object.values(result.sources).some((o) => o?.ok);
  const others = result.copies.filter((c) => c !== result.best && !sameCopy(c, result.best));
  const repositories = others.filter((c) => c.hostType === 'repository');
  const rest = others.filter((c) => c.hostType !== 'repository');
  const noticeUrl = safeHttpUrl(result.retraction?.noticeUrl);
  return (
    <div class="result" data-status={result.status}>
      <p class="doi-line">{article ? t('detectedBy', [result.doi, article.label]) : `DOI ${result.doi}`}</p>
      {result.work?.title && (
        <p class="work">
          <span class="work-title">{result.work.title}</span>
          {(result.work.journal || result.work.year) && (
            <span class="work-meta"> — {[result.work.journal, result.work.year].filter(Boolean).join(', ')}</span>
          )}
        </p>
      )}
      {result.retracted && (
        <section class="notice notice-retracted" role="alert">
          <strong>⚠ {t('retractedTitle')}</strong>
          {noticeUrl && (
            <p>
              <ExternalLink href={noticeUrl}>{t('retractionNotice')}</ExternalLink>
            </p>
          )}
        </section>
      )}
      <p class={`status status-${result.status}`}>
        <span class="status-icon" aria-hidden="true">
          {STATUS_ICONS[result.status]}
        </span>{' '}
        {statusLabel(result.status)}
      </p>
      {failed.length > 0 && (
        <section class="notice notice-warn" role="status">
          {answered ? (
            failed.map(([name, outcome]) => <p key={name}>{t('sourceFailed', [SOURCE_LABELS[name], outcome.error])}</p>)
          ) : (
            <p>{t('allSourcesFailed')}</p>
          )}
          <button type="button" class="action" onClick={onRetry}>
            {t('retry')}
          </button>
        </section>
      )}
      {result.best ? (
        <section aria-labelledby="best-heading">
          <h2 id="best-heading" class="section-heading">
            {t('bestCopy')}
          </h2>
          <CopyCard copy={result.best} best copyText={copyText} />
        </section>
      ) : (
        answered && (
          <section class="nothing">
            <h2>{t('nothingFoundTitle')}</h2>
            <p>{t('nothingFoundHelp')}</p>
          </section>
        )
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading" class="section-heading">
            {t('otherCopies', String(others.length))}
          </h2>
          {repositories.length > 0 && (
            <div class="group" role="group" aria-label={t('repositoryCopies')}>
              {repositories.map((copy, i) => (
                <CopyCard key={`r${i}`} copy={copy} copyText={copyText} />
              ))}
            </div>
          )}
          {rest.length > 0 && (
            <div class="group" role="group" aria-label={t('otherHosts')}>
              {rest.map((copy, i) => (
                <CopyCard key={`o${i}`} copy={copy} copyText={copyText} />
              ))}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function sameCopy(a: LookupResult['best'], b: LookupResult['best']): boolean {
  return !!a && !!b && a.pdfUrl === b.pdfUrl && a.landingUrl === b.landingUrl;
}
