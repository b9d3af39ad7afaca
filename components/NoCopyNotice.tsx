import type { NoCopyNotice as Notice } from '@/utils/view/result-model';
import { t } from '@/utils/view/i18n';

/**
 * The answer when no copy was found but "no free copy" would be false: the DOI is not registered
 * (with a hint to check it for a typo), a source could not be reached (named), or the DOI names a
 * dataset, a review or another work that is not an article. No library or ILL link is offered.
 */
export function NoCopyNotice({ notice, doi }: { notice: Notice; doi: string }) {
  const [title, help] =
    notice.kind === 'unregistered'
      ? [t('statusUnregistered'), t('unregisteredHelp', doi)]
      : notice.kind === 'incomplete'
        ? [t('statusIncomplete'), t('incompleteHelp', notice.unreachable)]
        : [t('notArticleTitle', notice.type), t('notArticleHelp')];
  return (
    <section class="nothing" aria-labelledby="nothing-heading" data-notice={notice.kind}>
      <h2 id="nothing-heading">{title}</h2>
      <p>{help}</p>
    </section>
  );
}
