import { t } from '@/utils/view/i18n';

/** Skeleton with the same footprint as a copy card, so the popup does not jump when results arrive. */
export function LookingUp({ doi }: { doi: string | null }) {
  return (
    <section class="loading" aria-live="polite">
      <p class="doi-line">{doi ? t('lookingUp', doi) : '\u00a0'}</p>
      <div class="copy skeleton" aria-hidden="true">
        <div class="skeleton-line wide" />
        <div class="skeleton-line" />
        <div class="skeleton-line short" />
      </div>
    </section>
  );
}
