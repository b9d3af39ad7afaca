import { describe, expect, it } from 'vitest';
import { badgeFor, BADGE_COLORS } from '@/entrypoints/background/toolbar-badge';
import type { TabState } from '@/utils/messaging/protocol';
import { closedResult, foundResult, publisherCopy } from '../../fixtures/results';

const article = { doi: '10.1186/x', evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };
const state = (lookup: TabState['lookup']): TabState => ({ tabId: 1, article, pageDoiCount: 0, lookup, updatedAt: 0 });

describe('badgeFor', () => {
  it('is blank without an article DOI', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor({ ...state({ state: 'idle' }), article: null }).title).toMatch(/no article DOI/);
  });
  it('says OA in green with host and version for a repository copy', () => {
    expect(badgeFor(state({ state: 'done', result: foundResult() }))).toEqual({
      text: 'OA',
      color: BADGE_COLORS.repository,
      title: 'Greenway: free copy at UCL Discovery — Published version',
    });
  });
  it('uses the publisher colour when the best copy is at the publisher', () => {
    expect(badgeFor(state({ state: 'done', result: foundResult({ best: publisherCopy }) })).color).toBe(BADGE_COLORS.publisher);
  });
  it('marks closed, retracted, loading and failed lookups with distinct text', () => {
    expect(badgeFor(state({ state: 'done', result: closedResult() })).text).toBe('✕');
    expect(badgeFor(state({ state: 'done', result: foundResult({ retracted: true }) })).text).toBe('!');
    expect(badgeFor(state({ state: 'loading' })).text).toBe('…');
    expect(badgeFor(state({ state: 'error', error: 'offline' })).title).toMatch(/offline/);
  });
});

describe('badgeFor: answers that are not "closed"', () => {
  it('never shows ✕ for an unregistered DOI, an incomplete answer or a dataset', () => {
    const unregistered = badgeFor(state({ state: 'done', result: closedResult({ status: 'unregistered' }) }));
    expect(unregistered).toEqual({ text: '?', color: BADGE_COLORS.none, title: 'Greenway: 10.1186/x is not a registered DOI' });
    const incomplete = badgeFor(state({ state: 'done', result: closedResult({ status: 'incomplete', sources: { openalex: { ok: false, error: 'x' } } }) }));
    expect(incomplete).toEqual({ text: '–', color: BADGE_COLORS.none, title: 'Greenway: incomplete answer for 10.1186/x — OpenAlex could not be reached' });
    const dataset = badgeFor(
      state({ state: 'done', result: closedResult({ status: 'unknown', work: { title: 'T', journal: null, year: null, type: 'peer-review' } }) }),
    );
    expect(dataset.text).toBe('');
    expect(dataset.title).toBe('Greenway: 10.1186/x is not an article (peer review)');
  });
});
