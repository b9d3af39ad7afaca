import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOST_TYPES, OA_STATUSES, VERSIONS, readTabStateGuarded } from '@/entrypoints/popup/tab-state-guard';
import { readTabState } from '@/entrypoints/popup/client';
import { TabState } from '@/utils/messaging/protocol';
import { HostType, OaStatus, SOURCE_NAMES, SourceName, Version } from '@/utils/model';
import { memoryStorage } from '@/utils/storage/area';

// Arbitraries for values the schema accepts.
const text = fc.string({ maxLength: 12 });
const textOrNull = fc.option(text, { nil: null });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const copy = fc.record(
  {
    pdfUrl: textOrNull,
    landingUrl: textOrNull,
    hostType: fc.constantFrom(...HOST_TYPES),
    hostName: textOrNull,
    institution: maybe(textOrNull),
    version: fc.option(fc.constantFrom(...VERSIONS), { nil: null }),
    licence: fc.option(fc.record({ id: text, label: text, url: textOrNull }), { nil: null }),
    sources: fc.array(fc.constantFrom(...SOURCE_NAMES), { maxLength: 3 }),
    reasons: maybe(fc.array(text, { maxLength: 2 })),
    seenAt: maybe(finite),
  },
  { requiredKeys: ['pdfUrl', 'landingUrl', 'hostType', 'hostName', 'version', 'licence', 'sources'] },
);
const outcome = fc.oneof(fc.constant({ ok: true as const }), fc.record({ ok: fc.constant(false as const), error: text }));
const result = fc.record(
  {
    doi: text,
    status: fc.constantFrom(...OA_STATUSES),
    retracted: fc.boolean(),
    retraction: maybe(fc.option(fc.record({ kind: text, noticeUrl: textOrNull, noticeDoi: textOrNull }), { nil: null })),
    work: maybe(
      fc.option(
        fc.record(
          { title: textOrNull, journal: textOrNull, year: fc.option(finite, { nil: null }), type: maybe(fc.option(text, { nil: null })) },
          { requiredKeys: ['title', 'journal', 'year'] },
        ),
        { nil: null },
      ),
    ),
    best: fc.option(copy, { nil: null }),
    copies: fc.array(copy, { maxLength: 3 }),
    sources: fc.dictionary(fc.constantFrom(...SOURCE_NAMES), outcome),
    agency: maybe(textOrNull),
    fetchedAt: finite,
  },
  { requiredKeys: ['doi', 'status', 'retracted', 'best', 'copies', 'sources', 'fetchedAt'] },
);
const lookup = fc.oneof(
  fc.constant({ state: 'idle' as const }),
  fc.constant({ state: 'loading' as const }),
  fc.record(
    { state: fc.constant('loading' as const), partial: result, pending: fc.array(fc.constantFrom(...SOURCE_NAMES), { maxLength: 3 }) },
    { requiredKeys: ['state'] },
  ),
  fc.record({ state: fc.constant('done' as const), result }),
  fc.record({ state: fc.constant('error' as const), error: text }),
);
const tabState = fc.record({
  tabId: fc.nat(),
  article: fc.option(
    fc.record({ doi: fc.string({ minLength: 3, maxLength: 300 }), evidence: fc.string({ maxLength: 200 }), label: fc.string({ maxLength: 200 }) }),
    { nil: null },
  ),
  pageDoiCount: finite,
  discussedDoi: maybe(fc.string({ minLength: 3, maxLength: 300 })),
  lookup,
  updatedAt: finite,
});

// Values the schema draws a line at, plus anything at all.
const junk = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -1, 1.5, 2 ** 60, '', 'x', 'x'.repeat(301), true, [], {}, 'openalex', 'green', 'done'),
  fc.anything(),
);

/** Every path to a value inside `value` (object keys and array indices), the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...paths(child, path)];
  });
}

/** A copy of `value` with the node at `path` replaced by `replacement` (or its key removed, or a key added). */
function mutate(value: unknown, path: (string | number)[], how: 'replace' | 'delete' | 'add', replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (how === 'add' && typeof parent[last] === 'object' && parent[last] !== null) (parent[last] as Record<string, unknown>).extra = replacement;
  else parent[last] = replacement;
  return copy;
}

const mutated = fc
  .tuple(tabState, fc.nat(), fc.constantFrom('replace', 'delete', 'add') as fc.Arbitrary<'replace' | 'delete' | 'add'>, junk)
  .map(([state, pick, how, replacement]) => {
    const all = paths(state);
    return mutate(state, all[pick % all.length] ?? [], how, replacement);
  });

describe('readTabStateGuarded (the popup checks stored tab state without zod)', () => {
  it('uses the same enums as the schema', () => {
    expect([...HOST_TYPES]).toEqual(HostType.options);
    expect([...OA_STATUSES]).toEqual(OaStatus.options);
    expect([...VERSIONS]).toEqual(Version._zod.def.innerType.options);
    expect([...SOURCE_NAMES]).toEqual(SourceName.options);
  });

  it('accepts every valid TabState, unchanged', () => {
    fc.assert(
      fc.property(tabState, (state) => {
        expect(TabState.safeParse(state).success).toBe(true); // the generator makes valid states
        expect(readTabStateGuarded(state)).toBe(state);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a source present with an undefined outcome, as the schema does (found by the property below)', () => {
    const value = {
      tabId: 0,
      article: { doi: '10.1234/abc', evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' },
      pageDoiCount: 0,
      lookup: {
        state: 'done',
        result: { doi: '10.1234/abc', status: 'closed', retracted: false, best: null, copies: [], sources: { openalex: undefined }, fetchedAt: 0 },
      },
      updatedAt: 0,
    };
    expect(TabState.safeParse(value).success).toBe(false);
    expect(readTabStateGuarded(value)).toBeNull();
  });

  it('never accepts what the schema rejects (one damaged field anywhere)', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated, (value) => {
        const schemaOk = TabState.safeParse(value).success;
        if (!schemaOk) rejected++;
        if (readTabStateGuarded(value) !== null) expect(schemaOk).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(rejected).toBeGreaterThan(0); // the mutations do reach the schema's limits
  });

  it('never accepts what the schema rejects (anything at all)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (readTabStateGuarded(value) !== null) expect(TabState.safeParse(value).success).toBe(true);
      }),
    );
  });

  it('rejects the damage the popup would render wrongly', () => {
    const good = { tabId: 3, article: { doi: '10.1/x', evidence: 'meta', label: 'meta tag' }, pageDoiCount: 1, lookup: { state: 'idle' }, updatedAt: 1 };
    expect(readTabStateGuarded(good)).toEqual(good);
    expect(readTabStateGuarded({ ...good, tabId: -1 })).toBeNull();
    expect(readTabStateGuarded({ ...good, article: { ...good.article, doi: 42 } })).toBeNull();
    expect(readTabStateGuarded({ ...good, lookup: { state: 'done' } })).toBeNull();
    const done = {
      state: 'done',
      result: { doi: '10.1/x', status: 'green', retracted: false, best: null, copies: [{ pdfUrl: 5 }], sources: {}, fetchedAt: 1 },
    };
    expect(readTabStateGuarded({ ...good, lookup: done })).toBeNull();
    expect(readTabStateGuarded('tab')).toBeNull();
    // The paper a news page discusses: a DOI-length string, or absent.
    const news = { ...good, article: null, discussedDoi: '10.5555/discussed.1' };
    expect(readTabStateGuarded(news)).toEqual(news);
    expect(readTabStateGuarded({ ...news, discussedDoi: 42 })).toBeNull();
    expect(readTabStateGuarded({ ...news, discussedDoi: 'x'.repeat(301) })).toBeNull();
    expect(readTabStateGuarded({ ...news, discussedDoi: null })).toBeNull();
  });
});

describe('readTabState (popup client)', () => {
  const state = { tabId: 7, article: null, pageDoiCount: 0, lookup: { state: 'loading' }, updatedAt: 5 };

  it('reads a valid entry straight from storage', async () => {
    expect(await readTabState(7, memoryStorage({ 'tab:7': state }))).toEqual(state);
  });

  it('reads a missing entry as nothing known', async () => {
    expect(await readTabState(8, memoryStorage({ 'tab:7': state }))).toBeNull();
  });
});
