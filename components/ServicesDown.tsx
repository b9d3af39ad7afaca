import type { SourceFailure } from '@/utils/view/result-model';
import { t } from '@/utils/view/i18n';
import { NextSteps, type NextStepsProps } from './NextSteps';

interface Props extends NextStepsProps {
  failures: SourceFailure[];
  /** `navigator.onLine` is false: only then is the connection named as the cause. */
  offline: boolean;
  onRetry(): void;
}

/**
 * No source answered. Says so plainly (the connection only when the browser says it is offline),
 * keeps each source's error folded away, and still offers the ways forward the DOI alone allows.
 */
export function ServicesDown({ failures, offline, onRetry, ...steps }: Props) {
  return (
    <>
      <section class="notice notice-error" aria-labelledby="down-heading" data-report="none">
        <h2 id="down-heading" class="notice-title">
          {t('servicesDown')}
        </h2>
        {offline && <p>{t('offlineCheck')}</p>}
        {failures.length > 0 && (
          <details class="details">
            <summary>{t('whatEachSaid')}</summary>
            <ul class="details-list">
              {failures.map((f) => (
                <li key={f.source}>{t('sourceSaid', [f.name, f.error])}</li>
              ))}
            </ul>
          </details>
        )}
        <button type="button" class="action" onClick={onRetry}>
          {t('retry')}
        </button>
      </section>
      <NextSteps {...steps} />
    </>
  );
}
