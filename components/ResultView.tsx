import { useMemo } from 'preact/hooks';
import type { LookupResult } from '@/utils/model';
import type { ArticleSignal } from '@/utils/messaging/protocol';
import { resultModel, type CopyView } from '@/utils/view/result-model';
import { copyOnTab, plannedChecks, rerank } from '@/utils/view/link-view';
import { useLinkChecks, type CheckLink, type FindArchive } from '@/hooks/use-link-checks';
import { t } from '@/utils/view/i18n';
import { CopyCard } from './CopyCard';
import { NoCopyNotice } from './NoCopyNotice';
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
  checkLink?: CheckLink;
  findArchive?: FindArchive;
  /** The "Allow on this site" request for a host Greenway may not access (the site-access work). */
  requestSiteAccess?(origin: string): void;
  /** The tab's URL: the copy it shows says "You are on this copy". */
  tabUrl?: string | null;
  onRetry(): void;
}

export function ResultView({ result, article, preferences, offline, copyText, checkLink, findArchive, requestSiteAccess, tabUrl, onRetry }: Props) {
  const model = useMemo(() => resultModel(result), [result]);
  const shown = model.ranked;
  // The copy the reader is on is not offered (nor checked): the popup leads with the best other one.
  const here = copyOnTab(shown, tabUrl);
  const offered = shown.filter((c) => c !== here);
  const planned = useMemo(() => plannedChecks(offered, { doi: model.doi, title: result.work?.title ?? null }), [model, here]);
  const checks = useLinkChecks(planned, checkLink, findArchive);
  const [best, ...rest] = rerank(offered, checks.verdicts);
  const repositoryCopies = rest.filter((c) => c.kind !== 'publisher' && c.kind !== 'preprint');
  const otherCopies = rest.filter((c) => c.kind === 'publisher' || c.kind === 'preprint');
  const card = (view: CopyView, isBest = false) => (
    <CopyCard
      key={view.key}
      view={view}
      best={isBest}
      verdict={checks.verdicts.get(view.key)}
      copyText={copyText}
      onFindArchive={checks.findArchive ? () => checks.findArchive?.(view.key) : undefined}
      onAllowSite={requestSiteAccess}
    />
  );
  const othersCount = repositoryCopies.length + otherCopies.length;
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
      {here && (
        <section aria-labelledby="here-heading">
          <h2 id="here-heading" class="section-heading">
            {t('thisCopy')}
          </h2>
          <p class="here-version">{t('youAreReading', [here.version.toLowerCase(), here.host])}</p>
          <CopyCard view={here} here copyText={copyText} />
        </section>
      )}
      {best ? (
        <section aria-labelledby="best-heading">
          <h2 id="best-heading" class="section-heading">
            {t('bestCopy')}
          </h2>
          {card(best, true)}
          <ShortcutHint best={best} />
        </section>
      ) : (
        model.answered &&
        !here &&
        (model.notice ? (
          <NoCopyNotice notice={model.notice} doi={model.doi} />
        ) : (
          <NothingFound doi={model.doi} work={result.work ?? null} preferences={preferences} />
        ))
      )}
      {othersCount > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading" class="section-heading">
            {t('otherCopies', String(othersCount))}
          </h2>
          {repositoryCopies.length > 0 && (
            <div class="group" role="group" aria-label={t('repositoryCopies')}>
              {repositoryCopies.map((view) => card(view))}
            </div>
          )}
          {otherCopies.length > 0 && (
            <div class="group" role="group" aria-label={t('otherHosts')}>
              {otherCopies.map((view) => card(view))}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
