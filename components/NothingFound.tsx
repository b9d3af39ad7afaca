import { t } from '@/utils/view/i18n';
import { NextSteps, type NextStepsProps } from './NextSteps';

/** The honest answer when no source knows a free copy, and what the reader can do next. */
export function NothingFound(props: NextStepsProps) {
  return (
    <section class="nothing" aria-labelledby="nothing-heading">
      <h2 id="nothing-heading">{t('nothingFoundTitle')}</h2>
      <p>{t('nothingFoundHelp')}</p>
      <NextSteps {...props} />
    </section>
  );
}
