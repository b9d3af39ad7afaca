/** Per-source accounts of a checked list: counts per source, errors, and sources never asked. */
import { describe, expect, it } from 'vitest';
import { countResult, emptyTally, errorSummary, sourceLines } from '@/utils/lists/tally';
import { closedResult } from '../../fixtures/results';

describe('tally', () => {
  it('counts answers and failures per source, and each error over the list', () => {
    const tally = emptyTally();
    const failed = closedResult({ sources: { openalex: { ok: true }, unpaywall: { ok: false, error: 'Unpaywall: HTTP 500' } } });
    for (const r of [failed, failed, closedResult({ sources: { openalex: { ok: true }, unpaywall: { ok: true } } })]) countResult(tally, r);
    expect(tally.results).toBe(3);
    expect(tally.sources.get('openalex')).toEqual({ answered: 3, failed: 0 });
    expect(tally.sources.get('unpaywall')).toEqual({ answered: 1, failed: 2 });
    expect(errorSummary(tally)).toEqual([{ error: 'Unpaywall: HTTP 500', count: 2 }]);
  });

  it('names the sources a run meant to ask but never did, with what they need; nothing before the first result', () => {
    const tally = emptyTally();
    expect(sourceLines(tally, true)).toEqual([]);
    countResult(tally, closedResult({ sources: { openalex: { ok: true }, europepmc: { ok: true }, openaire: { ok: false, error: 'OpenAIRE: HTTP 429' } } }));
    const perDoi = sourceLines(tally, true);
    expect(perDoi.map((l) => [l.id, l.counts && [l.counts.answered, l.counts.failed, l.counts.of], l.notAsked])).toEqual([
      ['openalex', [1, 0, 1], null],
      ['unpaywall', null, 'email'],
      ['europepmc', [1, 0, 1], null],
      ['semanticscholar', null, 'off'],
      ['core', null, 'key'],
      ['crossref', null, 'off'],
      ['openaire', [0, 1, 1], null],
    ]);
    // Without the tick only the batched sources are expected: no line for a per-DOI source not asked.
    expect(sourceLines(tally, false).map((l) => l.id)).toEqual(['openalex', 'europepmc', 'semanticscholar', 'crossref', 'openaire']);
  });
});
