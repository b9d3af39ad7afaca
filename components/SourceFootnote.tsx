import type { SourceFailure } from '@/utils/view/result-model';
import { t } from '@/utils/view/i18n';

interface Props {
  failures: SourceFailure[];
  onRetry(): void;
}

/**
 * A footnote under the answer: which sources did not answer while the others did (what is shown
 * stands), with a retry that skips the cache. Never a box above the copy.
 */
export function SourceFootnote({ failures, onRetry }: Props) {
  if (failures.length === 0) return null;
  return (
    <div class="footnote" role="status" data-report="partial">
      {failures.map((f) => (
        <p key={f.source}>{t('sourceFailed', [f.name, f.error])}</p>
      ))}
      <button type="button" class="link-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
