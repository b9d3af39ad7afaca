import { describe, expect, it, vi } from 'vitest';
import { answerBadges } from '@/entrypoints/background/badge-answers';
import type { ProgressListener } from '@/utils/engine/progress';
import type { LookupResult } from '@/utils/model';
import { closedResult, foundResult } from '../../fixtures/results';

/** An engine whose batch reports `updates` at once and answers only when `finish` is called. */
function slowBatch(updates: Array<{ doi: string; result: LookupResult }>) {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const lookupMany = vi.fn(async (dois: string[], options?: { onProgress?: ProgressListener }) => {
    for (const u of updates) options?.onProgress?.({ ...u, pending: ['semanticscholar'] });
    await gate;
    return new Map(dois.map((d) => [d, foundResult({ doi: d })]));
  });
  return { engine: { lookupMany }, finish: () => finish() };
}

describe('answerBadges', () => {
  it('answers early with the copies found so far, and lists the whole batch as unfinished', async () => {
    const { engine, finish } = slowBatch([
      { doi: '10.5555/a', result: foundResult({ doi: '10.5555/a' }) },
      { doi: '10.5555/b', result: closedResult({ doi: '10.5555/b' }) },
    ]);
    const answer = await answerBadges(engine, ['10.5555/A', '10.5555/b'], { graceMs: 5 });
    expect(Object.keys(answer.results)).toEqual(['10.5555/A']);
    expect(answer.unfinished).toEqual(['10.5555/A', '10.5555/b']);
    expect(engine.lookupMany).toHaveBeenCalledWith(['10.5555/A', '10.5555/b'], expect.objectContaining({ scope: 'batched' }));
    finish();
  });

  it('waits for the whole answer when no source has a copy yet, and when asked for the final answer', async () => {
    const none = slowBatch([{ doi: '10.5555/b', result: closedResult({ doi: '10.5555/b' }) }]);
    let settled = false;
    const answer = answerBadges(none.engine, ['10.5555/b'], { graceMs: 5 }).then((a) => ((settled = true), a));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    none.finish();
    expect(await answer).toMatchObject({ unfinished: [], results: { '10.5555/b': { doi: '10.5555/b' } } });

    const some = slowBatch([{ doi: '10.5555/a', result: foundResult({ doi: '10.5555/a' }) }]);
    const final = answerBadges(some.engine, ['10.5555/a'], { final: true });
    some.finish();
    expect(await final).toMatchObject({ unfinished: [] });
  });
});
