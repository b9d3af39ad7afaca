import type { ResultModel } from '@/utils/view/result-model';
import { NoCopyNotice } from './NoCopyNotice';
import { NothingFound } from './NothingFound';
import { ServicesDown } from './ServicesDown';
import { SourceFootnote } from './SourceFootnote';
import type { NextStepsProps } from './NextSteps';

interface Props extends NextStepsProps {
  model: Pick<ResultModel, 'doi' | 'answered' | 'failures' | 'notice'>;
  offline: boolean;
  onRetry(): void;
}

/**
 * A final answer without a copy: not registered, incomplete or not an article (no library push);
 * "No free copy found" with the next steps; or, when no source answered, the outage with them.
 */
export function NoCopyAnswer({ model, offline, onRetry, ...steps }: Props) {
  if (!model.answered) return <ServicesDown {...steps} failures={model.failures} offline={offline} onRetry={onRetry} />;
  return (
    <>
      {model.notice ? <NoCopyNotice notice={model.notice} doi={model.doi} /> : <NothingFound {...steps} />}
      <SourceFootnote failures={model.failures} onRetry={onRetry} />
    </>
  );
}
