import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { europepmc } from '../../../utils/sources/europepmc';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer, parseIdAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

describe('Europe PMC', () => {
  it('batches DOIs into one OR query with core results', () => {
    const [plan] = planRequests(europepmc, ['10.1/a', '10.1/b'], resolveConfig());
    const url = new URL(plan!.request.url);
    expect(url.pathname).toBe('/europepmc/webservices/rest/search');
    expect(url.searchParams.get('query')).toBe('DOI:"10.1/a" OR DOI:"10.1/b"');
    expect(url.searchParams.get('resultType')).toBe('core');
    expect(url.searchParams.get('format')).toBe('json');
  });

  it('splits large batches', () => {
    const dois = Array.from({ length: 85 }, (_, i) => `10.1/${i}`);
    expect(planRequests(europepmc, dois, resolveConfig()).map((p) => p.dois.length)).toEqual([40, 40, 5]);
  });

  it('maps a free author manuscript to one accepted Europe PMC copy; subscription links are not copies', () => {
    const out = parseAnswer(europepmc, fixtureJson('europepmc-manuscript.json'), ['10.1234/green.1', '10.9999/other'], 0);
    if (!out.ok) throw new Error(out.error);
    const a = out.answers.get('10.1234/green.1')!;
    expect(a.copies).toHaveLength(1);
    expect(a.copies[0]).toMatchObject({
      hostName: 'Europe PMC',
      hostType: 'repository',
      version: 'accepted',
      landingUrl: 'https://europepmc.org/articles/PMC1234567',
      pdfUrl: 'https://europepmc.org/articles/PMC1234567?pdf=render',
      licence: { id: 'cc-by-4.0', label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    });
    expect(out.answers.get('10.9999/other')!.copies).toEqual([]);
  });

  it('reports an unexpected shape as an error value', () => {
    expect(parseAnswer(europepmc, { status: 'error' }, [], 0)).toEqual({ ok: false, error: 'unexpected response shape' });
  });
});

// The PMID fixtures are cut from a recorded Europe PMC answer (../shared/corpus/api/europepmc_ncbi), to the lite fields.
describe('Europe PMC: the DOI of a typed PMID or PMCID', () => {
  const ids = europepmc.ids!;
  const plan = (kind: 'pmid' | 'pmcid', id: string) => new URL(ids.plan(kind, id, { baseUrl: europepmc.baseUrl, email: 'me@example.org', key: null }).url);

  it('asks for exactly that record, sending the id and nothing of the user', () => {
    const pmid = plan('pmid', '40437959');
    expect(pmid.pathname).toBe('/europepmc/webservices/rest/search');
    expect(Object.fromEntries(pmid.searchParams)).toEqual({ query: 'EXT_ID:40437959 AND SRC:MED', resultType: 'lite', format: 'json', pageSize: '2' });
    expect(plan('pmcid', 'PMC12120539').searchParams.get('query')).toBe('PMCID:PMC12120539');
    // The audit's expression accepts what the plan sends (and the id is its capture).
    const rule = europepmc.requests.find((r) => r.name === 'Europe PMC id search')!;
    const query = rule.params!.query!.value as { idQuery: RegExp };
    expect(query.idQuery.exec('EXT_ID:40437959 AND SRC:MED')?.[1]).toBe('40437959');
    expect(query.idQuery.exec('PMCID:PMC12120539')?.[2]).toBe('PMC12120539');
    expect(query.idQuery.test('EXT_ID:1 OR DOI:x')).toBe(false);
  });

  const parse = (json: unknown, kind: 'pmid' | 'pmcid', id: string) => parseIdAnswer(europepmc, json, kind, id);

  it('names the DOI of a record that has one', () => {
    const json = fixtureJson('europepmc-pmid-lite.json');
    expect(parse(json, 'pmid', '40437959')).toEqual({ ok: true, found: 'doi', doi: '10.1002/hpja.70059' });
    expect(parse(json, 'pmcid', 'PMC12120539')).toEqual({ ok: true, found: 'doi', doi: '10.1002/hpja.70059' });
  });

  it('says when the record has no DOI, and when there is no such record', () => {
    expect(parse(fixtureJson('europepmc-pmid-no-doi-lite.json'), 'pmid', '39038316')).toEqual({ ok: true, found: 'no-doi' });
    // A search answering another record is not an answer about this id.
    expect(parse(fixtureJson('europepmc-pmid-lite.json'), 'pmid', '40437958')).toEqual({ ok: true, found: 'unknown' });
    expect(parse({ hitCount: 0, resultList: { result: [] } }, 'pmcid', 'PMC1')).toEqual({ ok: true, found: 'unknown' });
  });

  it('reads odd answers as errors or as nothing, never throws', () => {
    expect(parse({ status: 'error' }, 'pmid', '1')).toEqual({ ok: false, error: 'unexpected response shape' });
    expect(parse({ resultList: { result: [null, 7, { pmid: 1, doi: ['x'] }, { pmid: '1', doi: 'not a doi' }] } }, 'pmid', '1')).toEqual({
      ok: true,
      found: 'no-doi',
    });
  });
});
