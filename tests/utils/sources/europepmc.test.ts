import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { europepmc } from '../../../utils/sources/europepmc';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
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
