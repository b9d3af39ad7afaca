/** Progressive answers in the background: the tab state, the toolbar icon and the popup's progress key. */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createTabStore } from '@/entrypoints/background/tab-state';
import { createProgressStore, progressKey } from '@/entrypoints/background/lookup-progress';
import { badgeFor } from '@/entrypoints/background/toolbar-badge';
import type { LookupProgress, ProgressListener } from '@/utils/engine/progress';
import type { TabState } from '@/utils/messaging/protocol';
import type { LookupResult } from '@/utils/model';
import { memoryStorage } from '@/utils/storage/area';
import { BMC_DOI, foundResult, uclCopy } from '../../fixtures/results';

const article = { doi: BMC_DOI, evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };
const content = { kind: 'content' as const, tabId: 4, frameId: 0 };
const popup = { kind: 'extension-page' as const, tabId: null, frameId: 0 };

/** An engine whose lookup reports `updates` and then waits for `finish`. */
function slowEngine() {
  let finish!: (r: LookupResult) => void;
  let listener: ProgressListener | undefined;
  const engine = {
    lookup: vi.fn((_doi: string, options?: { onProgress?: ProgressListener }) => {
      listener = options?.onProgress;
      return new Promise<LookupResult>((resolve) => (finish = resolve));
    }),
    lookupMany: vi.fn(async () => new Map()),
    peekCached: vi.fn(async () => null),
    mapId: vi.fn(async () => ({ state: 'found' as const, doi: BMC_DOI, source: 'Europe PMC' })),
  };
  return { engine, report: (u: LookupProgress) => listener?.(u), finish: (r: LookupResult) => finish(r) };
}

const soFar = (): LookupProgress => ({
  doi: BMC_DOI,
  result: foundResult({ best: uclCopy, copies: [uclCopy], sources: { openalex: { ok: true } } }),
  pending: ['semanticscholar'],
});

describe('progressive answers in the background', () => {
  it('puts the first copy found into the tab state at once: the toolbar says OA while the other sources are asked', async () => {
    const { engine, report, finish } = slowEngine();
    const tabs = createTabStore(memoryStorage());
    const painted: Array<TabState | null> = [];
    const handlers = createHandlers({ engine, tabs, showTabState: async (_id, s) => void painted.push(s), autoLookup: async () => true });
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 1 }, content);
    await vi.waitFor(() => expect(engine.lookup).toHaveBeenCalled());
    expect(badgeFor(painted.at(-1)!).text).toBe('…');
    report(soFar());
    await vi.waitFor(async () => expect((await tabs.get(4))?.lookup).toMatchObject({ state: 'loading', pending: ['semanticscholar'] }));
    await vi.waitFor(() => expect(badgeFor(painted.at(-1)!)).toMatchObject({ text: 'OA', title: 'Greenway: free copy at UCL Discovery — Published version' }));
    finish(foundResult());
    await vi.waitFor(async () => expect((await tabs.get(4))?.lookup.state).toBe('done'));
    // An update that comes after the final answer never replaces it.
    await tabs.setPartial(4, BMC_DOI, soFar().result, ['crossref']);
    expect((await tabs.get(4))?.lookup.state).toBe('done');
  });

  it('writes the answer so far where the waiting popup reads it, and removes it when the lookup ends', async () => {
    const { engine, report, finish } = slowEngine();
    const session = memoryStorage();
    const handlers = createHandlers({
      engine,
      tabs: createTabStore(memoryStorage()),
      showTabState: async () => undefined,
      autoLookup: async () => true,
      progress: createProgressStore(session, () => 42),
    });
    const answer = handlers['lookup:doi']({ type: 'lookup:doi', doi: '10.1186/S12913-023-10058-W' }, popup);
    await vi.waitFor(() => expect(engine.lookup).toHaveBeenCalled());
    report(soFar());
    const key = progressKey(BMC_DOI);
    await vi.waitFor(async () => expect((await session.get(key))[key]).toMatchObject({ pending: ['semanticscholar'], at: 42 }));
    finish(foundResult());
    await answer;
    await vi.waitFor(async () => expect((await session.get(key))[key]).toBeUndefined());
  });
});
