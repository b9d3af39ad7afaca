import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { openaire, repairOpenAireUrl } from '../../../utils/sources/openaire';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'api', 'openaire');

function answersOf(json: unknown, requested: string[]) {
  const out = parseAnswer(openaire, json, requested, 0);
  if (!out.ok) throw new Error(out.error);
  return out.answers;
}

describe('OpenAIRE', () => {
  it('asks one DOI per request by pid on the v2 research products endpoint', () => {
    const plans = planRequests(openaire, ['10.5555/a', '10.5555/b'], resolveConfig());
    expect(plans.map((p) => p.dois)).toEqual([['10.5555/a'], ['10.5555/b']]);
    const url = new URL(plans[0]!.request.url);
    expect(`${url.host}${url.pathname}`).toBe('api.openaire.eu/graph/v2/researchProducts');
    expect(url.searchParams.get('pid')).toBe('10.5555/a');
    expect([...url.searchParams.keys()].sort()).toEqual(['pageSize', 'pid']);
  });

  it('reads one answer for a DOI returned twice: the deduplicated record’s open instances, one copy each', () => {
    const answers = answersOf(fixtureJson('openaire-dedup.json'), ['10.5555/openaire.twice']);
    const a = answers.get('10.5555/openaire.twice')!;
    expect(a.work).toEqual({ title: 'An Invented Article Returned Twice', journal: 'Journal of Invented Results', year: 2021 });
    // The raw CRIS twin (cris.example.org) is not read; the restricted and the access-less instances are not copies;
    // the repository instance that only links the DOI is its metadata record, not a copy.
    expect(a.copies).toHaveLength(2);
    expect(a.copies[0]).toMatchObject({
      hostType: 'publisher',
      hostName: 'Journal of Invented Results',
      // The doubled resolver prefix is repaired.
      landingUrl: 'https://doi.org/10.5555/openaire.twice',
      pdfUrl: 'https://journal.example.org/papers/2021/invented.pdf',
      version: 'published',
      licence: { id: 'cc-by-4.0', label: 'CC BY 4.0' }, // bare "CC BY" reads as 4.0 (utils/model/licence.ts)
      sources: ['openaire'],
    });
    expect(a.copies[0]!.reasons![0]).toContain('peer reviewed');
    expect(a.copies[1]).toMatchObject({
      hostType: 'repository',
      hostName: 'Invented eScholarship',
      landingUrl: 'https://hdl.handle.net/5555/1',
      pdfUrl: null,
      // Peer review is not a version: a repository instance's version is not stated.
      version: null,
      licence: null,
    });
    expect(a.copies[1]!.reasons![0]).not.toContain('peer reviewed');
    expect(JSON.stringify(a.copies)).not.toMatch(/cris\.example|restricted\.example|Unknown Repository/);
  });

  it('names no host for "Unknown Repository"; an unasked-for DOI is left out; an unknown DOI is known nowhere', () => {
    const answers = answersOf(fixtureJson('openaire-dedup.json'), ['10.5555/openaire.unhosted', '10.5555/openaire.absent']);
    // Its access-less instance is no copy; its open one at "Unknown Repository" is a copy without a host name.
    expect(answers.get('10.5555/openaire.unhosted')).toMatchObject({
      copies: [{ hostType: 'repository', hostName: null, pdfUrl: 'https://files.example.org/brochure.pdf', landingUrl: null }],
      work: { year: 2025 },
    });
    expect(answers.get('10.5555/openaire.absent')).toEqual({ copies: [] });
    expect(answers.has('10.5555/openaire.twice')).toBe(false);
  });

  it('repairs only a doubled doi.org prefix', () => {
    expect(repairOpenAireUrl('https://doi.org/https://doi.org/10.1/X')).toBe('https://doi.org/10.1/X');
    expect(repairOpenAireUrl('https://doi.org/https://dx.doi.org/10.1/X')).toBe('https://dx.doi.org/10.1/X');
    expect(repairOpenAireUrl('https://doi.org/10.1/X')).toBe('https://doi.org/10.1/X');
    expect(repairOpenAireUrl('https://hdl.handle.net/2123/1')).toBe('https://hdl.handle.net/2123/1');
  });

  it('reports an unexpected shape as an error value, and tolerates odd records', () => {
    expect(parseAnswer(openaire, { status: 'error' }, [], 0)).toEqual({ ok: false, error: 'unexpected response shape' });
    const odd = { header: { numFound: 2 }, results: [null, 7, { id: 5, pids: 'x', instances: [null, { urls: 'javascript:alert(1)' }] }] };
    expect(answersOf(odd, ['10.5555/x'])).toEqual(new Map([['10.5555/x', { copies: [] }]]));
  });
});

// The real recorded bodies (../shared, not in the repository): checked where they are present.
describe.runIf(existsSync(REAL))('OpenAIRE on the real recorded bodies', () => {
  const real = (file: string): unknown => JSON.parse(readFileSync(join(REAL, file), 'utf8'));

  it('the DOI returned twice gives one answer: the publisher PDF and the Sydney eScholarship handle', () => {
    const doi = '10.47654/v25y2021i1p40-142';
    const a = answersOf(real('graph_v2_researchProducts_search_covid_openAccessColor_gold_pageSize2.json'), [doi]).get(doi)!;
    expect(a.work).toMatchObject({ title: 'A Critique of Recent Medical Research in JAMA on COVID-19', year: 2021 });
    const shown = a.copies.map((c) => [c.hostType, c.hostName, c.landingUrl ?? c.pdfUrl]);
    expect(shown).toEqual([
      ['publisher', 'Advances in Decision Sciences', 'https://doi.org/10.47654/v25y2021i1p40-142'],
      [
        'publisher',
        'Advances in Decision Sciences',
        'https://iads.site/wp-content/uploads/papers/2021/A-Critique-of-Recent-Medical-Research-in-JAMA-on-COVID-19.pdf',
      ],
      ['repository', 'Sydney eScholarship', 'https://hdl.handle.net/2123/24805'],
    ]);
    expect(a.copies[1]!.licence?.id).toBe('cc-by-4.0');
    expect(JSON.stringify(a)).not.toMatch(/pure\.eur\.nl|doi\.org\/https|Unknown Repository/);
  });

  it('the gold MDPI record is a CC BY publisher copy; the brochure without an access right has none', () => {
    const answers = answersOf(real('graph_v2_researchProducts_search_climate_pageSize2.json'), []);
    expect(answers.get('10.3390/su16062269')!.copies).toMatchObject([
      { hostType: 'publisher', hostName: 'Sustainability', landingUrl: 'https://doi.org/10.3390/su16062269', licence: { id: 'cc-by-4.0' } },
    ]);
    expect(answers.get('10.18751/climate/scenarios/ch2025/brochure/1.0/en')!.copies).toEqual([]);
  });
});
