import { useMemo } from 'preact/hooks';
import type { RunState } from '@/hooks/useListCheck';
import type { ParsedList } from '@/utils/lists/entries';
import type { SourceLine } from '@/utils/lists/tally';
import { t } from '@/utils/view/i18n';

interface Props {
  run: RunState;
  list: ParsedList;
  onCancel(): void;
}

/** "OpenAlex: 4900 of 5000 answered, 100 failed", or why a source the run meant to ask was not. */
function sourceText(line: SourceLine): string {
  if (line.counts) {
    // Plain numbers, as in the progress bar (toLocaleString's first call costs ~30 ms of Intl set-up).
    const { answered, of, failed } = line.counts;
    return failed
      ? t('checkSourceCountsFailed', [line.label, String(answered), String(of), String(failed)])
      : t('checkSourceCounts', [line.label, String(answered), String(of)]);
  }
  if (line.notAsked === 'email') return t('checkSourceNotAskedEmail', line.label);
  if (line.notAsked === 'key') return t('checkSourceNotAskedKey', line.label);
  return t('checkSourceNotAskedOff', line.label);
}

/**
 * The progress bar (done/total), "Cancel", what could not be read, what each source did and which
 * sources failed.
 */
export function ProgressPanel({ run, list, onCancel }: Props) {
  const withDoi = useMemo(() => list.entries.filter((e) => e.key).length, [list]);
  return (
    <section class="check-progress" aria-label={t('checkProgressLabel')}>
      <p class="check-summary">{t('checkSummary', [String(list.entries.length), String(withDoi), String(list.duplicates)])}</p>
      {withDoi === 0 && (
        <p class="notice" role="alert">
          {t('checkZeroDois')}
        </p>
      )}
      {run.total > 0 && (
        <div class="check-row">
          <div
            class="check-bar"
            role="progressbar"
            aria-label={t('checkProgressLabel')}
            aria-valuemin={0}
            aria-valuemax={run.total}
            aria-valuenow={run.done}
            aria-valuetext={t('checkProgress', [String(run.done), String(run.total)])}
          >
            <div class="check-bar-fill" style={{ width: `${run.total ? (100 * run.done) / run.total : 0}%` }} />
          </div>
          <span class="check-count" aria-live="polite">
            {t('checkProgress', [String(run.done), String(run.total)])}
          </span>
          {run.running && (
            <button type="button" class="action secondary" onClick={onCancel}>
              {t('checkCancel')}
            </button>
          )}
        </div>
      )}
      {run.cancelled && <p class="notice">{t('checkCancelled', [String(run.done), String(run.total)])}</p>}
      {list.problems.length > 0 && (
        <div class="notice notice-error" role="alert">
          <p>{t('checkProblems')}</p>
          <ul class="check-problems">
            {list.problems.slice(0, 50).map((p) => (
              <li key={`${p.where}:${p.what}`}>
                {p.where}: {p.what}
              </li>
            ))}
          </ul>
          {list.problems.length > 50 && <p>{t('checkMoreProblems', String(list.problems.length - 50))}</p>}
        </div>
      )}
      {run.sources.length > 0 && (
        <ul class="check-sources" aria-label={t('checkSourcesLabel')}>
          {run.sources.map((line) => (
            <li key={line.id} class={line.counts ? undefined : 'muted'}>
              {sourceText(line)}
            </li>
          ))}
        </ul>
      )}
      {run.errors.length > 0 && (
        <div class="notice">
          <p>{t('checkSourceErrors')}</p>
          <ul class="check-problems">
            {run.errors.slice(0, 10).map((e) => (
              <li key={e.error}>{e.count ? t('checkErrorCount', [e.error, String(e.count)]) : e.error}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
