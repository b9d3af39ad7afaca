import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { semanticscholar } from '../../../utils/sources/semanticscholar';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

describe('Semantic Scholar', () => {
  it('POSTs up to 500 DOI ids per batch, with the key header only when set', () => {
    const dois = Array.from({ length: 501 }, (_, i) => `10.1/${i}`);
    const plans = planRequests(semanticscholar, dois, resolveConfig({ keys: { semanticscholar: 'K' } }));
    expect(plans.map((p) => p.dois.length)).toEqual([500, 1]);
    expect(plans[0]!.request.method).toBe('POST');
    expect(JSON.parse(plans[1]!.request.body!)).toEqual({ ids: ['DOI:10.1/500'] });
    expect(plans[0]!.request.headers!['x-api-key']).toBe('K');
    expect(planRequests(semanticscholar, ['10.1/a'], resolveConfig())[0]!.request.headers!['x-api-key']).toBeUndefined();
  });

  it('maps openAccessPdf, names the host from the URL, skips nulls and empty URLs', () => {
    const out = parseAnswer(semanticscholar, fixtureJson('semanticscholar-batch.json'), ['10.1234/green.1', '10.1/unknown', '10.1234/closed.2'], 0);
    if (!out.ok) throw new Error(out.error);
    expect(out.answers.get('10.1234/green.1')!.copies[0]).toMatchObject({
      hostName: 'PubMed Central',
      hostType: 'repository',
      version: null,
      licence: { id: 'cc-by-4.0' },
    });
    expect(out.answers.has('10.1/unknown')).toBe(false);
    expect(out.answers.get('10.1234/closed.2')!.copies).toEqual([]);
  });

  it('rejects a non-array body', () => {
    expect(parseAnswer(semanticscholar, { error: 'x' }, [], 0).ok).toBe(false);
    expect(parseAnswer(semanticscholar, [{ DOI: '10.1', RA: 'x' }], [], 0).ok).toBe(false);
  });
});
