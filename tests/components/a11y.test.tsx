/**
 * axe-core over every popup state. happy-dom has no layout, so colour contrast is left to the
 * real-browser test (tests/e2e/popup-a11y.e2e.ts); every other rule runs here.
 */
import { describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { render, screen, waitFor } from '@testing-library/preact';
import { PopupApp, type PopupClient } from '@/components/PopupApp';
import type { TabState } from '@/utils/messaging/protocol';
import type { LookupResult } from '@/utils/model';
import { closedResult, foundResult } from '../fixtures/results';
import { fakeClient, tabState, checker } from './popup-world';

const preferences: PopupClient['preferences'] = async () => ({
  discovery: ['google-scholar', 'base', 'core', 'semanticscholar'],
  library: { openUrlBase: 'https://resolver.example.edu/openurl', illUrlTemplate: 'https://ill.example.edu/?doi={doi}', preferredInstitution: '' },
});

async function violations(container: Element): Promise<string[]> {
  // The popup page's own <html lang> and <title> come from entrypoints/popup/index.html.
  document.documentElement.lang = 'en';
  document.title = 'Greenway';
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const done = (result: LookupResult): TabState => tabState({ state: 'done', result });

const STATES: Array<[string, TabState | null, Partial<PopupClient>, string]> = [
  ['found', done(foundResult()), { checkLink: checker({}) }, 'Free to read: published version'],
  ['nothing found', done(closedResult()), {}, 'What you can try'],
  ['no DOI', null, {}, 'No article DOI on this page'],
  ['site access withheld', null, { siteAccess: async () => ({ readable: false, origin: 'https://journal.example' }) }, 'Allow on this site'],
  ['paper discussed', { ...tabState({ state: 'idle' }), article: null, discussedDoi: '10.5555/discussed.1' }, {}, 'Paper discussed on this page'],
  [
    'some sources failed',
    done(foundResult({ sources: { openalex: { ok: true }, unpaywall: { ok: false, error: 'HTTP 500' } } })),
    {},
    'Unpaywall did not answer (HTTP 500); the other sources did.',
  ],
  ['all sources failed', done(closedResult({ sources: { openalex: { ok: false, error: 'HTTP 503' } } })), {}, 'Try again'],
  [
    'a submitted version, other copies',
    done(foundResult({ best: { ...foundResult().copies[2]!, version: 'submitted' } })),
    { checkLink: checker({}) },
    'Free to read: submitted version',
  ],
  [
    'retracted',
    done(foundResult({ retracted: true, retraction: { kind: 'retraction', noticeUrl: 'https://doi.org/10.1/n', noticeDoi: null } })),
    {},
    'Read the retraction notice',
  ],
  ['lookup failed', tabState({ state: 'idle' }), { lookup: vi.fn(async () => Promise.reject(new Error('offline'))) }, 'The lookup failed: offline'],
  ['looking up', tabState({ state: 'idle' }), { lookup: () => new Promise<LookupResult>(() => undefined) }, 'Looking up'],
  [
    'answer so far, sources still asked',
    tabState({ state: 'loading', partial: foundResult(), pending: ['semanticscholar'] }),
    { lookup: () => new Promise<LookupResult>(() => undefined) },
    'Still asking Semantic Scholar',
  ],
];

describe('popup accessibility (axe)', () => {
  it.each(STATES)('has no violations: %s', async (_name, state, overrides, marker) => {
    const { container } = render(<PopupApp tabId={3} client={fakeClient(state, { preferences, ...overrides })} />);
    await screen.findAllByText(new RegExp(marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await waitFor(() => expect(container.textContent).not.toContain('Checking PDF…'));
    expect(await violations(container)).toEqual([]);
  });
});
