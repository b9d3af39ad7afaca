import type { SourceFailure } from '@/utils/view/result-model';
import { t } from '@/utils/view/i18n';

interface Props {
  failures: SourceFailure[];
  /** Whether any source answered: then the result stands and the failures are a footnote. */
  answered: boolean;
  offline: boolean;
  onRetry(): void;
}

/** Which sources failed, and whether the others still answered; with a retry that skips the cache. */
export function SourceReport({ failures, answered, offline, onRetry }: Props) {
  if (failures.length === 0 && (answered || !offline)) return null;
  return (
    <section class={answered ? 'notice notice-warn' : 'notice notice-error'} role="status" data-report={answered ? 'partial' : 'none'}>
      {answered ? (
        failures.map((f) => <p key={f.source}>{t('sourceFailed', [f.name, f.error])}</p>)
      ) : offline ? (
        <p>{t('offline')}</p>
      ) : (
        <p>{t('allSourcesFailedNamed', failures.map((f) => `${f.name} (${f.error})`).join(', '))}</p>
      )}
      <button type="button" class="action" onClick={onRetry}>
        {t('retry')}
      </button>
    </section>
  );
}
