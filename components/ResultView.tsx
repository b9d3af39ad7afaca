import { useMemo } from 'preact/hooks';
import type { LookupResult, SourceName } from '@/utils/model';
import type { ArticleSignal } from '@/utils/messaging/protocol';
import { resultModel, type CopyView } from '@/utils/view/result-model';
import { copyOnTab, plannedChecks, rerank } from '@/utils/view/link-view';
import { evidenceWords } from '@/utils/view/why-words';
import { useLinkChecks, type CheckLink, type FindArchive } from '@/hooks/use-link-checks';
import { t } from '@/utils/view/i18n';
import { BestCopy } from './BestCopy';
import { CopyRow } from './CopyRow';
import { RetractionNotice } from './RetractionNotice';
import { lazyComponent } from './lazy';
import { SourceFootnote } from './SourceFootnote';
import { StillAsking } from './StillAsking';
import { LookingUp } from './LookingUp';
import type { PopupPreferences } from './PopupApp';

/** Most popups show a copy: the answers without one load when needed, off the first paint. */
const NoCopyAnswer = lazyComponent(() => import('./NoCopyAnswer').then((m) => m.NoCopyAnswer));

interface Props {
  result: LookupResult;
  /** Not final yet: the sources still asked (the result is what the others said so far). */
  pending?: SourceName[];
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

/**
 * One lookup's answer, the main action first: a compact header (title on one line, the DOI), the
 * best copy with its button, footnotes under it, then the other copies as one-line rows. Without a
 * copy: "No free copy found" or, when no source answered, the outage, each with the next steps.
 */
export function ResultView({ result, pending, article, preferences, offline, copyText, checkLink, findArchive, requestSiteAccess, tabUrl, onRetry }: Props) {
  const model = useMemo(() => resultModel(result), [result]);
  // The copy the reader is on is not offered: the popup leads with the best other one. A copy whose
  // own address is the tab's is known at once (and not checked); otherwise the landing links are
  // checked too, and a copy whose link leads to the tab (a publisher's doi.org link) is found then.
  // The checks are planned from the first test only, so that finding it does not re-plan them.
  const onTab = copyOnTab(model.ranked, tabUrl);
  const planned = useMemo(
    () =>
      plannedChecks(
        model.ranked.filter((c) => c !== onTab),
        { doi: model.doi, title: result.work?.title ?? null },
        { resolveLandings: !onTab && !!tabUrl },
      ),
    [model, onTab, tabUrl],
  );
  const checks = useLinkChecks(planned, checkLink, findArchive);
  const here = onTab ?? copyOnTab(model.ranked, tabUrl, (c) => checks.verdicts.get(c.key)?.landedAt);
  const offered = model.ranked.filter((c) => c !== here);
  const [best, ...rest] = rerank(offered, checks.verdicts);
  const repositoryCopies = rest.filter((c) => c.kind !== 'publisher' && c.kind !== 'preprint');
  const otherCopies = rest.filter((c) => c.kind === 'publisher' || c.kind === 'preprint');
  const rowProps = (view: CopyView) => ({
    view,
    verdict: checks.verdicts.get(view.key),
    copyText,
    onFindArchive: checks.findArchive ? () => checks.findArchive?.(view.key) : undefined,
    onAllowSite: requestSiteAccess,
  });
  const row = (view: CopyView) => (
    <li key={view.key}>
      <CopyRow {...rowProps(view)} />
    </li>
  );
  const steps = { doi: model.doi, work: result.work ?? null, preferences };
  const othersCount = rest.length;
  return (
    <div class="result" data-status={model.status}>
      <header class="work-head">
        {model.work?.title && (
          <p class="work-title" title={model.work.title}>
            {model.work.title}
          </p>
        )}
        <p class="doi-line">
          {t('typedDoi', model.doi)}
          {model.work?.meta ? ` · ${model.work.meta}` : ''}
        </p>
      </header>
      {model.retraction && <RetractionNotice noticeUrl={model.retraction.noticeUrl} />}
      {here && (
        <section aria-labelledby="here-heading">
          <h2 id="here-heading" class="section-heading">
            {t('thisCopy')}
          </h2>
          {/* Said once, here: the row below carries the copy's actions, not a second "you are here". */}
          <p class="here-version">
            <strong>{t('youAreHere')}</strong>: {t('hereVersion', [here.version.toLowerCase(), here.host])}
          </p>
          <CopyRow view={here} here copyText={copyText} />
        </section>
      )}
      {best && here && (
        // Under the tab's own copy, the best other copy gets a heading of its own: without it, its card
        // read as the copy the reader is on.
        <h2 id="elsewhere-heading" class="section-heading">
          {t('alsoFreeElsewhere')}
        </h2>
      )}
      {best && (
        <BestCopy {...rowProps(best)} evidence={article ? evidenceWords(article) : null}>
          {pending && <StillAsking pending={pending} />}
          <SourceFootnote failures={model.failures} onRetry={onRetry} />
        </BestCopy>
      )}
      {/* No copy yet, but not every source has answered: no verdict until they have. */}
      {!best && !here && pending && (
        <>
          <LookingUp doi={null} />
          <StillAsking pending={pending} />
        </>
      )}
      {!best && !here && !pending && <NoCopyAnswer {...steps} model={model} offline={offline} onRetry={onRetry} />}
      {othersCount > 0 && (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading" class="section-heading">
            {t('otherCopies', String(othersCount))}
          </h2>
          {repositoryCopies.length > 0 && (
            <ul class="rows" aria-label={t('repositoryCopies')}>
              {repositoryCopies.map(row)}
            </ul>
          )}
          {otherCopies.length > 0 && (
            <ul class="rows" aria-label={t('otherHosts')}>
              {otherCopies.map(row)}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
