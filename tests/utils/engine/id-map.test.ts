import { describe, expect, it } from 'vitest';
import { createLookupEngine } from '../../../utils/engine/engine';
import { memoryStorage } from '../../../utils/storage/area';
import { FakeClock, fakeFetch, fixture, json, settle, type Handler } from './fakes';

const BASE = 'http://fixtures.test/europepmc';

function setup(europepmc: Handler, config: object = {}) {
  const clock = new FakeClock();
  const fake = fakeFetch([['/europepmc/', europepmc]]);
  const engine = createLookupEngine(
    { fetch: fake.fetch, storage: memoryStorage(), now: clock.now, sleep: clock.sleep },
    { email: 'me@example.org', sources: { europepmc: { baseUrl: BASE } }, retries: 0, ...config },
  );
  return { engine, clock, calls: fake.calls };
}

describe('engine.mapId: the DOI of a typed PMID or PMCID', () => {
  it('asks Europe PMC once, with the id and nothing else of the user, and names the DOI', async () => {
    const { engine, clock, calls } = setup(() => json(fixture('europepmc-pmid-lite.json')));
    expect(await settle(engine.mapId('pmid', '40437959'), clock)).toEqual({ state: 'found', doi: '10.1002/hpja.70059', source: 'Europe PMC' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.startsWith(`${BASE}/search?`)).toBe(true);
    expect(calls[0]!.url).not.toContain('example.org');
  });

  it('says when the record has no DOI, and when no source knows the id', async () => {
    const noDoi = setup(() => json(fixture('europepmc-pmid-no-doi-lite.json')));
    expect(await settle(noDoi.engine.mapId('pmid', '39038316'), noDoi.clock)).toEqual({ state: 'no-doi', source: 'Europe PMC' });
    const none = setup(() => json({ hitCount: 0, resultList: { result: [] } }));
    expect(await settle(none.engine.mapId('pmcid', 'PMC1'), none.clock)).toEqual({ state: 'unknown', sources: ['Europe PMC'] });
  });

  it('turns a failing source into a clear error value', async () => {
    const down = setup(() => new Response('<html>maintenance</html>', { status: 503 }));
    expect(await settle(down.engine.mapId('pmid', '40437959'), down.clock)).toEqual({ state: 'failed', error: 'Europe PMC: HTTP 503' });
    const odd = setup(() => json({ surprise: true }));
    expect(await settle(odd.engine.mapId('pmid', '40437959'), odd.clock)).toEqual({ state: 'failed', error: 'Europe PMC: unexpected response shape' });
  });

  it('asks nobody when the user switched every source that maps ids off', async () => {
    const { engine, clock, calls } = setup(() => json(fixture('europepmc-pmid-lite.json')), { sources: { europepmc: { enabled: false } } });
    expect(await settle(engine.mapId('pmid', '40437959'), clock)).toEqual({ state: 'no-source', sources: ['Europe PMC'] });
    expect(calls).toHaveLength(0);
  });
});
