import { useMemo } from 'preact/hooks';
import type { LookupResult } from '@/utils/model';
import type { ArticleSignal } from '@/utils/messaging/protocol';
import type { VerifyResult } from '@/utils/links/pdf-probe';
import { resultModel, type CopyView } from '@/utils/view/result-model';
import { usePdfChecks } from '@/hooks/use-pdf-checks';
import { t } from '@/utils/view/i18n';
import { CopyCard } from './CopyCard';
import { NothingFound } from './NothingFound';
import { RetractionNotice } from './RetractionNotice';
import { SourceReport } from './SourceReport';
import { StatusLine } from './StatusLine';
import type { PopupPreferences } from './PopupApp';

/** The keys that work for the best copy (screen readers get them from aria-keyshortcuts instead). */
function ShortcutHint({ best }: { best: CopyView }) {
  const keys = [
    best.pdfUrl && t('shortcutPdf'),
    best.landingUrl && t('shortcutRecord'),
    best.landingUrl && best.isRecord && t('shortcutCopy'),
    t('shortcutDoi'),
  ].filter(Boolean);
  return (
    <p class="shortcuts" aria-hidden="true">
      {t('shortcutsLabel')} {keys.join(' · ')}
    </p>
  );
}

interface Props {
  result: LookupResult;
  article: ArticleSignal | null;
  preferences: PopupPreferences | null;
  offline: boolean;
  copyText(text: string): Promise<void>;
  verifyPdf?(url: string): Promise<VerifyResult>;
  onRetry(): void;
}

export function ResultView({ result, article, preferences, offline, copyText, verifyPdf, onRetry }: Props) {
  const model = useMemo(() => resultModel(result), [result]);
  const shown = [model.best, ...model.repositoryCopies, ...model.otherCopies].filter((c): c is CopyView => c !== null);
  const checks = usePdfChecks(
    shown.map((c) => c.pdfUrl),
    verifyPdf,
  );
  const card = (view: CopyView, best = false) => (
    <CopyCard key={view.key} view={view} best={best} check={view.pdfUrl ? checks.get(view.pdfUrl) : undefined} copyText={copyText} />
  );
  const othersCount = model.repositoryCopies.length + model.otherCopies.length;
  return (
    <div class="result" data-status={model.status}>
      <p class="doi-line">{article ? t('detectedBy', [model.doi, article.label]) : t('typedDoi', model.doi)}</p>
      {model.work && (
        <p class="work">
          {model.work.title && <span class="work-title">{model.work.title}</span>}
          {model.work.meta && (
            <span class="work-meta">
              {model.work.title ? ' — ' : ''}
              {model.work.meta}
            </span>
          )}
        </p>
      )}
      {model.retraction && <RetractionNotice noticeUrl={model.retraction.noticeUrl} />}
      {/* "Nothing found" has its own heading saying the same; an outage is not a status. */}
      {(model.best || !model.answered ? model.answered : false) && <StatusLine status={model.status} label={model.statusLabel} />}
      <SourceReport failures={model.failures} answered={model.answered} offline={offline} onRetry={onRetry} />
      {model.best ? (
        <section aria-labelledby="best-heading">
          <h2 id="best-heading" class="section-heading">
            {t('bestCopy')}
          </h2>
          {card(model.best, true)}
          <ShortcutHint best={model.best} />
        </section>
      ) : (
        model.answered && <NothingFound doi={model.doi} work={result.work ?? null} preferences={preferences} />
      )}
      {othersCount > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading" class="section-heading">
            {t('otherCopies', String(othersCount))}
          </h2>
          {model.repositoryCopies.length > 0 && (
            <div class="group" role="group" aria-label={t('repositoryCopies')}>
              {model.repositoryCopies.map((view) => card(view))}
            </div>
          )}
          {model.otherCopies.length > 0 && (
            <div class="group" role="group" aria-label={t('otherHosts')}>
              {model.otherCopies.map((view) => card(view))}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
