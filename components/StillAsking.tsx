import type { SourceName } from '@/utils/model';
import { SOURCE_LABELS } from '@/utils/sources/registry';
import { t } from '@/utils/view/i18n';

/** The quiet line under an answer that is not final yet: which sources are still being asked. */
export function StillAsking({ pending }: { pending: readonly SourceName[] }) {
  if (pending.length === 0) return null;
  return (
    <p class="still-asking" data-pending={pending.join(' ')}>
      {t('stillAsking', pending.map((s) => SOURCE_LABELS[s] ?? s).join(', '))}
    </p>
  );
}
