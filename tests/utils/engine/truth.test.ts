/**
 * Issue 13, "lookup truth": an outage is not "closed", an unregistered DOI is not a closed article,
 * a dataset is not a closed article, and one bad id in a batch costs only itself.
 */
import { describe, expect, it } from 'vitest';
import { fixture, json, settle, type Handler } from './fakes';
import { registeredRoute, setup } from './engine-world';

const BMC = '10.1186/s12913-023-10058-w';
const down: Handler = () => json({ error: 'Service Unavailable' }, 503);

describe('partial is not closed', () => {
  it('an outage of the only source that knows the copy gives "incomplete"; the next view asks only that source and finds the copy', async () => {
    let openalexUp = false;
    const { clock, engine, count } = setup({ '/openalex/': (call) => (openalexUp ? json(fixture('openalex-bmc-list.json')) : down(call)) });
    const during = await settle(engine.lookup(BMC), clock);
    expect(during.status).toBe('incomplete');
    expect(during.best).toBeNull();
    expect(during.sources.openalex).toEqual({ ok: false, error: expect.stringMatching(/^OpenAlex: HTTP 503/) });
    // The other sources answered: they said "unknown", which is not the same as "closed".
    expect(during.sources.europepmc).toEqual({ ok: true });

    openalexUp = true;
    const asked = {
      openalex: count('/openalex/'),
      europepmc: count('/europepmc/'),
      crossref: count('/crossref/'),
      s2: count('/semanticscholar/'),
      unpaywall: count('/unpaywall/'),
    };
    await clock.advance(60_000); // a minute later, well within the incomplete entry's lifetime
    const after = await settle(engine.lookup(BMC), clock);
    expect(after.best?.hostName).toBe('UCL Discovery');
    expect(after.status).not.toBe('incomplete');
    expect(count('/openalex/') - asked.openalex).toBe(1);
    // Sources that did answer are not asked again.
    expect([
      count('/europepmc/') - asked.europepmc,
      count('/crossref/') - asked.crossref,
      count('/semanticscholar/') - asked.s2,
      count('/unpaywall/') - asked.unpaywall,
    ]).toEqual([0, 0, 0, 0]);
    expect(Object.values(after.sources).every((o) => o.ok)).toBe(true);
  });

  it('a found copy with another source down is still the copy, not "incomplete"', async () => {
    const { clock, engine } = setup({ '/openalex/': () => json(fixture('openalex-bmc-list.json')), '/europepmc/': down });
    const r = await settle(engine.lookup(BMC), clock);
    expect(r.best?.hostName).toBe('UCL Discovery');
    expect(r.status).not.toBe('incomplete');
  });
});

describe('registered or not', () => {
  // A JSTOR stable id printed like a DOI: no index knows it, and doi.org says it does not exist.
  const JSTOR = '10.2307/24953986';
  const notRegistered: Handler = (call) =>
    json(
      decodeURIComponent(call.url.split('/ra/')[1] ?? '')
        .split(',')
        .map((doi) => ({ DOI: doi, status: 'DOI does not exist' })),
    );

  it('asks doi.org about a DOI no index knows and calls it "unregistered"', async () => {
    const { clock, engine, calls } = setup({ '/doiorg/': notRegistered });
    const r = await settle(engine.lookup(JSTOR), clock);
    expect(r.status).toBe('unregistered');
    expect(r.sources.doiorg).toEqual({ ok: true });
    const sent = calls.filter((c) => c.url.includes('/doiorg/'));
    expect(sent.map((c) => c.url)).toEqual([`http://fixtures.test/doiorg/ra/${JSTOR}`]);
  });

  it('never asks doi.org about a DOI an index knows, and a registered unknown DOI stays "closed"', async () => {
    const known = setup({ '/openalex/': () => json(fixture('openalex-bmc-list.json')), '/doiorg/': notRegistered });
    await settle(known.engine.lookup(BMC), known.clock);
    expect(known.count('/doiorg/')).toBe(0);
    const registered = setup();
    const r = await settle(registered.engine.lookup('10.5555/registered.nowhere'), registered.clock);
    expect(r.status).toBe('closed');
  });

  it('asks doi.org once for a whole badge batch of unknown DOIs', async () => {
    const { clock, engine, count } = setup({ '/doiorg/': notRegistered });
    const dois = ['10.5555/u.1', '10.5555/u.2', '10.5555/u.3'];
    const out = await settle(engine.lookupMany(dois, { scope: 'batched' }), clock);
    expect(dois.map((d) => out.get(d)?.status)).toEqual(['unregistered', 'unregistered', 'unregistered']);
    expect(count('/doiorg/')).toBe(1);
  });
});

describe('works that are not articles', () => {
  it('a dataset without a free copy is not "closed"', async () => {
    const dataset = {
      meta: {},
      results: [
        {
          id: 'https://openalex.org/W0',
          doi: 'https://doi.org/10.5555/dataset.1',
          display_name: 'Example structure entry',
          type: 'dataset',
          open_access: { oa_status: 'closed' },
          locations: [],
        },
      ],
    };
    const { clock, engine } = setup({ '/openalex/': () => json(dataset) });
    const r = await settle(engine.lookup('10.5555/dataset.1'), clock);
    expect(r.status).not.toBe('closed');
    expect(r.work?.type).toBe('dataset');
  });
});

describe('open data repositories (per DataCite) count as open', () => {
  const DRYAD = '10.5061/dryad.8515';
  const BATH = '10.15125/bath-00114';
  const records: Record<string, string> = { [DRYAD]: 'datacite-found.json', [BATH]: 'datacite-bath-dataset.json' };
  const dataciteUp: Handler = (call) => {
    const doi = decodeURIComponent(new URL(call.url).pathname.replace(/^\/datacite\/dois\//, ''));
    return records[doi] ? json(fixture(records[doi])) : json({ errors: [{ status: '404' }] }, 404);
  };
  // OpenAlex files the Dryad record as a closed dataset without a location, as it does PDB entries.
  const openalexDataset: Handler = () =>
    json({
      meta: {},
      results: [
        {
          id: 'https://openalex.org/W1',
          doi: `https://doi.org/${DRYAD}`,
          display_name: 'Data from: A new malaria agent in African hominids.',
          type: 'dataset',
          open_access: { oa_status: 'closed' },
          locations: [],
        },
      ],
    });

  it('a dataset an index files as closed is open at its landing page in its repository', async () => {
    const { clock, engine, count } = setup({ '/openalex/': openalexDataset, '/datacite/': dataciteUp });
    const r = await settle(engine.lookup(DRYAD), clock);
    expect(r.status).toBe('green');
    expect(r.best).toMatchObject({
      hostName: 'Dryad',
      hostType: 'repository',
      landingUrl: 'https://datadryad.org/dataset/doi:10.5061/dryad.8515',
      sources: ['datacite'],
    });
    expect(r.work?.type).toBe('dataset');
    expect(count('/datacite/')).toBe(1);
    // An index knew the DOI: doi.org was not asked.
    expect(count('/doiorg/')).toBe(0);
  });

  it('a DOI no index knows that doi.org says DataCite registered is asked of DataCite', async () => {
    const { clock, engine } = setup({ '/doiorg/': registeredRoute('DataCite'), '/datacite/': dataciteUp });
    const r = await settle(engine.lookup(BATH), clock);
    expect(r.agency).toBe('DataCite');
    expect(r.best).toMatchObject({ hostName: 'University of Bath', landingUrl: 'http://researchdata.bath.ac.uk/id/eprint/114' });
  });

  it('costs nothing for articles: neither an article with a copy nor a Crossref DOI no index knows is asked of DataCite', async () => {
    const article = setup({ '/openalex/': () => json(fixture('openalex-bmc-list.json')), '/datacite/': dataciteUp });
    await settle(article.engine.lookup(BMC), article.clock);
    expect(article.count('/datacite/')).toBe(0);
    const crossref = setup({ '/doiorg/': registeredRoute('Crossref'), '/datacite/': dataciteUp });
    const r = await settle(crossref.engine.lookup('10.5555/crossref.nowhere'), crossref.clock);
    expect(r.status).toBe('closed');
    expect(crossref.count('/datacite/')).toBe(0);
  });

  it("DataCite down: incomplete, and the next view asks DataCite again (doi.org's agency kept), not doi.org", async () => {
    let up = false;
    const { clock, engine, count } = setup({ '/doiorg/': registeredRoute('DataCite'), '/datacite/': (call) => (up ? dataciteUp(call) : down(call)) });
    const during = await settle(engine.lookup(BATH), clock);
    expect(during.status).toBe('incomplete');
    expect(during.sources.datacite).toMatchObject({ ok: false });
    up = true;
    const asked = count('/doiorg/');
    await clock.advance(60_000);
    const after = await settle(engine.lookup(BATH), clock);
    expect(after.best?.hostName).toBe('University of Bath');
    expect(count('/doiorg/')).toBe(asked);
  });

  it('doi.org down for a DOI no index knows: incomplete, never "closed"', async () => {
    const { clock, engine } = setup({ '/doiorg/': down });
    const r = await settle(engine.lookup('10.5555/nowhere.at.all'), clock);
    expect(r.status).toBe('incomplete');
    expect(r.sources.doiorg).toMatchObject({ ok: false });
  });
});

describe('failing batches are split', () => {
  const BAD = '10.5555/batch.bad';
  const GOOD = ['10.5555/batch.a', '10.5555/batch.c'];
  // Semantic Scholar answers 500 to any batch that contains the bad id, and copies for the others.
  const s2: Handler = (call) => {
    const ids: string[] = JSON.parse(call.body ?? '{"ids":[]}').ids;
    if (ids.includes(`DOI:${BAD}`)) return json({ message: 'Internal Server Error' }, 500);
    return json(
      ids.map((id) => ({ paperId: id, externalIds: { DOI: id.slice(4) }, openAccessPdf: { url: `https://repo.example/${id.slice(4)}.pdf`, status: 'GREEN' } })),
    );
  };

  it('gives the good DOIs of a 3-DOI batch their copies, the bad one its own error, within 2·⌈log2 n⌉+1 requests', async () => {
    const { clock, engine, count } = setup({ '/semanticscholar/': s2 });
    const out = await settle(engine.lookupMany([GOOD[0]!, BAD, GOOD[1]!], { scope: 'batched' }), clock);
    for (const doi of GOOD) expect(out.get(doi)?.copies.map((c) => c.pdfUrl)).toEqual([`https://repo.example/${doi}.pdf`]);
    expect(out.get(BAD)?.sources.semanticscholar).toEqual({ ok: false, error: 'Semantic Scholar: HTTP 500: Internal Server Error' });
    expect(count('/semanticscholar/')).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(3)) + 1);
  });

  it('an outage is not bisected: a batch whose halves both fail costs three requests', async () => {
    const { clock, engine, count } = setup({ '/semanticscholar/': () => json({ message: 'Internal Server Error' }, 500) });
    const dois = Array.from({ length: 64 }, (_, i) => `10.5555/outage.${i}`);
    const out = await settle(engine.lookupMany(dois, { scope: 'batched' }), clock);
    expect(count('/semanticscholar/')).toBe(3);
    expect(out.get(dois[0]!)?.status).toBe('incomplete');
  });
});
