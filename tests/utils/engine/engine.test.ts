import { afterEach, describe, expect, it, vi } from 'vitest';
import { realClock } from '../../../utils/engine/deps';
import { fixture, json, settle, type Handler } from './fakes';
import { endpoints, part, registeredRoute, registration, setup } from './engine-world';
import { ownAgency } from '../../../harness/source-world';
import { SOURCES } from '../../../utils/sources/registry';

const GREEN = '10.1234/green.1';
const BMC = '10.1186/s12913-023-10058-w';

const greenRoutes: Record<string, Handler> = {
  '/openalex/': () => json(fixture('openalex-green.json')),
  '/unpaywall/': () => json(fixture('unpaywall-green.json')),
  '/europepmc/': () => json(fixture('europepmc-manuscript.json')),
  '/semanticscholar/': () => json(fixture('semanticscholar-batch.json')),
};

describe('lookup engine', () => {
  it('finds a green-only work: repository copies at two institutions, ranked, one request per source', async () => {
    const { clock, engine, count, calls } = setup(greenRoutes);
    const r = await settle(engine.lookup(GREEN), clock);
    expect(r.status).toBe('green');
    expect(r.copies.map((c) => [c.hostName, c.institution, c.version, c.licence?.label ?? null])).toEqual([
      ['Example Eprints', 'University of Example', 'accepted', 'CC BY 4.0'],
      ['Europe PMC', 'EMBL-EBI', 'accepted', 'CC BY 4.0'],
      ['arXiv', 'Cornell University', 'submitted', null],
      ['Other Repository', 'Other University', 'submitted', null],
    ]);
    expect(r.best?.hostName).toBe('Example Eprints');
    expect(r.copies[0]!.sources).toEqual(['openalex', 'unpaywall']);
    // S2's PMC PDF is the Europe PMC copy seen elsewhere.
    expect(r.copies[1]!.sources).toEqual(['europepmc', 'semanticscholar']);
    expect(Object.values(r.sources).every((o) => o.ok)).toBe(true);
    // Every index once; doi.org and DataCite not at all (the indexes know the DOI and found copies).
    for (const s of SOURCES) expect(count(part(s.id)), s.id).toBe(s.role === undefined ? 1 : 0);
    // Only DOIs, email and keys leave: no page URL, no Referer.
    for (const c of calls) expect(Object.keys(c.headers)).not.toContain('referer');
  });

  it('waits out the batch window for page lookups, but sends at once when the popup is waiting', async () => {
    const { clock, engine, count } = setup(greenRoutes);
    const fromPage = engine.lookup(GREEN);
    await clock.advance(0);
    expect(count('/openalex/')).toBe(0);
    const fromPopup = engine.lookup(BMC, { immediate: true });
    await clock.advance(0);
    // The flush takes whatever is collected: both DOIs share the one request.
    expect(count('/openalex/')).toBe(1);
    const [a, b] = await settle(Promise.all([fromPage, fromPopup]), clock);
    expect([a.doi.toLowerCase(), b.doi.toLowerCase()]).toEqual([GREEN.toLowerCase(), BMC.toLowerCase()]);
  });

  it('ranks UCL Discovery first for the BMC example, and the publisher first when repositories are not preferred', async () => {
    const routes = {
      '/openalex/': () => json(fixture('openalex-bmc-list.json')),
      '/crossref/': () => json(fixture('crossref-retracted.json')),
    };
    const { clock, engine } = setup(routes);
    const r = await settle(engine.lookup(BMC), clock);
    expect(r.best).toMatchObject({
      hostName: 'UCL Discovery',
      landingUrl: 'https://discovery.ucl.ac.uk/id/eprint/10179598/',
      pdfUrl: 'https://discovery.ucl.ac.uk/id/eprint/10179598/1/s12913-023-10058-w.pdf',
      version: 'published',
    });
    expect(r.status).toBe('gold');
    engine.updateConfig({ preferRepository: false });
    const again = await settle(engine.lookup(BMC), clock);
    expect(again.best?.hostName).toBe('BMC Health Services Research');
  });

  it('flags a retraction from Crossref', async () => {
    const { clock, engine } = setup({ '/crossref/': () => json(fixture('crossref-retracted.json')) });
    const r = await settle(engine.lookup('10.1234/closed.2'), clock);
    expect(r.retracted).toBe(true);
    expect(r.retraction?.noticeDoi).toBe('10.1234/retraction.9');
    expect(r.status).toBe('closed');
  });

  it('collects DOIs asked within the window into one request per batching source', async () => {
    const { clock, engine, count } = setup();
    const dois = ['10.1234/a', '10.1234/b', '10.1234/c'];
    await settle(Promise.all(dois.map((d) => engine.lookup(d))), clock);
    expect(count('/openalex/')).toBe(1);
    expect(count('/europepmc/')).toBe(1);
    expect(count('/semanticscholar/')).toBe(1);
    expect(count('/crossref/')).toBe(1);
    expect(count('/unpaywall/')).toBe(3); // no batch endpoint
  });

  it('shares one request between concurrent lookups of the same DOI and serves the next from cache', async () => {
    const { clock, engine, calls } = setup(greenRoutes);
    const [a, b] = await settle(Promise.all([engine.lookup(GREEN), engine.lookup(GREEN.toUpperCase())]), clock);
    expect(a).toBe(b);
    const sent = calls.length;
    const cached = await settle(engine.lookup(` https://doi.org/${GREEN} `), clock);
    expect(calls.length).toBe(sent);
    expect(cached.copies).toEqual(a.copies);
    expect(await engine.peekCached(GREEN)).toEqual(cached);
    await settle(engine.lookup(GREEN, { force: true }), clock);
    expect(calls.length).toBe(sent * 2);
  });

  it('lookupMany answers each input as given, from cache where it can, with an error value for non-DOIs', async () => {
    const { clock, engine, count } = setup();
    await settle(engine.lookup('10.1234/a'), clock);
    const results = await settle(engine.lookupMany(['10.1234/A', '10.1234/b', 'not a doi']), clock);
    expect([...results.keys()]).toEqual(['10.1234/A', '10.1234/b', 'not a doi']);
    expect(results.get('10.1234/A')!.status).toBe('closed');
    expect(results.get('not a doi')!.sources.openalex).toEqual({ ok: false, error: 'OpenAlex: not asked, "not a doi" is not a DOI' });
    expect(count('/openalex/')).toBe(2);
  });

  it('asks only enabled sources and clears its cache on demand', async () => {
    const { clock, engine, count } = setup({}, { email: null, keys: { core: null }, sources: { ...endpoints, semanticscholar: { enabled: false } } });
    const r = await settle(engine.lookup('10.1234/a'), clock);
    // Not Semantic Scholar (disabled), nor a source that needs an email or a key; doi.org too, as no index
    // knows the DOI, but not DataCite, as doi.org names Crossref as its registration agency.
    const asked = SOURCES.filter((s) => s.id !== 'semanticscholar' && !s.needsEmail && !s.key?.required && s.role !== 'followUp').map((s) => s.id);
    expect(Object.keys(r.sources).sort()).toEqual(asked.sort());
    expect(count('/unpaywall/') + count('/core/') + count('/semanticscholar/')).toBe(0);
    expect((await engine.cacheStats()).entries).toBe(1);
    await engine.clearCache();
    expect(await engine.peekCached('10.1234/a')).toBeNull();
  });
});

describe('badge scope: only sources that answer many DOIs per request', () => {
  // A list page of 150 references, one of them the green work Unpaywall knows about.
  const list = [GREEN, ...Array.from({ length: 149 }, (_, i) => `10.5555/ref.${i}`)];
  const unpaywallGreen = { '/unpaywall/': () => json(fixture('unpaywall-green.json')) };

  it('asks no per-DOI source for badges; the popup widens one entry; the next badge pass is all cache', async () => {
    const { clock, engine, count, calls } = setup(unpaywallGreen);
    const badges = await settle(engine.lookupMany(list, { scope: 'batched' }), clock);
    expect(badges.size).toBe(150);
    expect(count('/unpaywall/')).toBe(0);
    expect(count('/core/')).toBe(0);
    expect(count('/openalex/')).toBeLessThanOrEqual(2);
    // A not-asked source is absent from the result, not an error.
    expect(Object.keys(badges.get(GREEN)!.sources).sort()).toEqual(
      SOURCES.filter((s) => s.batched)
        .map((s) => s.id)
        .sort(),
    );

    // The popup's lookup is not served by the badge-only entry: it asks every source once.
    const before = { unpaywall: count('/unpaywall/'), core: count('/core/') };
    const full = await settle(engine.lookup(GREEN), clock);
    expect(count('/unpaywall/') - before.unpaywall).toBe(1);
    expect(count('/core/') - before.core).toBe(1);
    expect(full.copies.some((c) => c.sources.includes('unpaywall'))).toBe(true);
    expect(Object.keys(full.sources)).toContain('core');

    // Full entry for GREEN, batched entries for the rest: nothing leaves.
    const sent = calls.length;
    const again = await settle(engine.lookupMany(list, { scope: 'batched' }), clock);
    expect(calls.length).toBe(sent);
    expect(again.get(GREEN)!.copies).toEqual(full.copies);
  });

  it('lets a full lookup in flight answer a batched request for the same DOI, but not the reverse', async () => {
    const { clock, engine, count } = setup(unpaywallGreen);
    const fromPopup = engine.lookup(GREEN);
    const fromBadge = engine.lookupMany([GREEN], { scope: 'batched' });
    const [popup, badge] = await settle(Promise.all([fromPopup, fromBadge]), clock);
    expect(badge.get(GREEN)).toBe(popup);
    expect(count('/openalex/')).toBe(1);
    expect(count('/unpaywall/')).toBe(1);

    const other = '10.5555/other';
    const badgeFirst = engine.lookupMany([other], { scope: 'batched' });
    const popupSecond = engine.lookup(other, { immediate: true });
    const [b, p] = await settle(Promise.all([badgeFirst, popupSecond]), clock);
    expect(Object.keys(b.get(other)!.sources)).not.toContain('unpaywall');
    expect(Object.keys(p.sources)).toContain('unpaywall');
    expect(count('/openalex/')).toBe(3);
    expect(count('/unpaywall/')).toBe(2);
  });

  it('peeks at the cache by scope: a full entry serves a badge, a badge entry does not serve the popup', async () => {
    const { clock, engine } = setup();
    await settle(engine.lookupMany(['10.1234/a'], { scope: 'batched' }), clock);
    expect(await engine.peekCached('10.1234/a', { scope: 'batched' })).not.toBeNull();
    expect(await engine.peekCached('10.1234/a')).toBeNull();
    await settle(engine.lookup('10.1234/a'), clock);
    expect(await engine.peekCached('10.1234/a')).not.toBeNull();
    expect(await engine.peekCached('10.1234/a', { scope: 'batched' })).not.toBeNull();
  });
});

describe('faults: one failing source never loses the others', () => {
  const faults: Array<[string, Handler, RegExp]> = [
    ['timeout', () => new Promise<Response>(() => undefined), /timed out after 15 s/],
    ['429', () => json({ message: 'slow down' }, 429, { 'retry-after': '3600' }), /HTTP 429 \(rate limited\): slow down/],
    ['500', () => new Response('oops', { status: 500 }), /HTTP 500$/],
    ['malformed JSON', () => new Response('{"results": [', { status: 200 }), /malformed JSON/],
    ['HTML', () => new Response('<!DOCTYPE html><html><body>Just a moment…</body></html>', { status: 200 }), /HTML page instead of JSON/],
  ];
  // Vitest's fake timers drive the engine's real clock (setTimeout, Date): the 15 s timeout, the
  // retries' backoff and the batch window all pass without real waiting. (Stepping the FakeClock
  // through 15 s took 3-5 s of real time per timeout case, against Vitest's 5 s limit.)
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const source of SOURCES) {
    const { id, label, role } = source;
    // doi.org is asked only about a DOI no index knows (the empty world), DataCite about one that doi.org
    // says DataCite registered; every index about the green work.
    const [doi, world] =
      role === 'registration'
        ? ['10.5555/known.nowhere', {}]
        : role === 'followUp'
          ? ['10.5555/known.nowhere', { [part(registration.id)]: registeredRoute(ownAgency(source)) }]
          : [GREEN, greenRoutes];
    for (const [fault, handler, message] of faults) {
      it(`${label}: ${fault}`, async () => {
        vi.useFakeTimers();
        const { engine } = setup({ ...world, [part(id)]: handler }, {}, realClock);
        let settled = false;
        const lookup = engine.lookup(doi).finally(() => (settled = true));
        // Well past the default 15 s timeout and its retries; bounded, so a hang fails instead of looping.
        for (let step = 0; step < 120 && !settled; step++) await vi.advanceTimersByTimeAsync(1_000);
        expect(settled).toBe(true);
        const r = await lookup;
        const outcome = r.sources[id];
        expect(outcome?.ok).toBe(false);
        expect(outcome && !outcome.ok && outcome.error.startsWith(`${label}: `)).toBe(true);
        expect(outcome && !outcome.ok && outcome.error).toMatch(message);
        // The other sources still answered, and found the repository copies of the green work.
        if (doi === GREEN) expect(r.copies.some((c) => c.hostName === 'Europe PMC' || c.hostName === 'Example Eprints')).toBe(true);
        expect(Object.values(r.sources).filter((o) => !o.ok)).toHaveLength(1);
      });
    }
  }
});
