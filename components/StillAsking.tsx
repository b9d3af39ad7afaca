import type { SourceName } from '@/utils/model';
import { SOURCE_NAME_LABELS } from '@/utils/sources/names';
import { t } from '@/utils/view/i18n';

/** The quiet line under an answer that is not final yet: which sources are still being asked. */
export function StillAsking({ pending }: { pending: readonly SourceName[] }) {
  if (pending.length === 0) return null;
  return (
    <p class="still-asking" data-pending={pending.join(' ')}>
      {t('stillAsking', pending.map((s) => SOURCE_NAME_LABELS[s] ?? s).join(', '))}
    </p>
  );
}
