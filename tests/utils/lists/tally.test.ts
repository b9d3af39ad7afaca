/** Per-source accounts of a checked list: counts per source, errors, and sources never asked. */
import { describe, expect, it } from 'vitest';
import { countResult, emptyTally, errorSummary, sourceLines } from '@/utils/lists/tally';
import { closedResult } from '../../fixtures/results';
import { SOURCES } from '@/utils/sources/registry';

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
    const line = (id: string) => perDoi.find((l) => l.id === id);
    const asked = ['openalex', 'europepmc', 'openaire'];
    expect([line('openalex')?.counts, line('europepmc')?.counts, line('openaire')?.counts]).toEqual([
      { answered: 1, failed: 0, of: 1 },
      { answered: 1, failed: 0, of: 1 },
      { answered: 0, failed: 1, of: 1 },
    ]);
    expect([line('unpaywall')?.notAsked, line('core')?.notAsked, line('semanticscholar')?.notAsked]).toEqual(['email', 'key', 'off']);
    // One line per index in registry order, each never-asked one with the setting it needs; none for
    // doi.org, which is asked only about DOIs no index knows.
    const indexes = SOURCES.filter((s) => s.role !== 'registration');
    expect(perDoi.map((l) => l.id)).toEqual(indexes.map((s) => s.id));
    for (const s of indexes.filter((x) => !asked.includes(x.id))) {
      expect(line(s.id), s.id).toMatchObject({ counts: null, notAsked: s.needsEmail ? 'email' : s.key?.required ? 'key' : 'off' });
    }
    // Without the tick only the batched sources are expected: no line for a per-DOI source not asked.
    expect(sourceLines(tally, false).map((l) => l.id)).toEqual(indexes.filter((s) => s.batched || asked.includes(s.id)).map((s) => s.id));
  });

  it('counts doi.org out of the DOIs it was asked about, not out of the list', () => {
    const tally = emptyTally();
    for (let i = 0; i < 5; i++) countResult(tally, closedResult({ sources: { openalex: { ok: true } } }));
    countResult(tally, closedResult({ sources: { openalex: { ok: true }, doiorg: { ok: true } } }));
    const lines = sourceLines(tally, false);
    expect(lines.find((l) => l.id === 'openalex')?.counts).toEqual({ answered: 6, failed: 0, of: 6 });
    expect(lines.find((l) => l.id === 'doiorg')?.counts).toEqual({ answered: 1, failed: 0, of: 1 });
  });
});
