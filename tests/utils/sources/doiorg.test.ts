import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { doiorg, DOIORG_MAX_BATCH } from '../../../utils/sources/doiorg';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

describe('doi.org', () => {
  it('asks "Which RA?" for up to 20 DOIs per request, comma-joined in the path; a DOI with a comma goes alone', () => {
    const dois = Array.from({ length: DOIORG_MAX_BATCH + 1 }, (_, i) => `10.5555/ra.${i}`);
    const plans = planRequests(doiorg, [...dois, '10.5555/a,b'], resolveConfig());
    expect(plans.map((p) => p.dois.length)).toEqual([20, 1, 1]);
    expect(plans[0]!.request.url).toBe(`https://doi.org/ra/${dois.slice(0, 20).join(',')}`);
    expect(plans[2]!.request.url).toBe('https://doi.org/ra/10.5555/a%2Cb');
    // Only the DOI leaves: no email, no key, no query.
    expect(planRequests(doiorg, ['10.5555/x'], resolveConfig({ email: 'me@example.org' }))[0]!.request).toEqual({ url: 'https://doi.org/ra/10.5555/x' });
  });

  it('reads an agency as registered, "DOI does not exist" as not registered, and "Unknown" as no answer', () => {
    const asked = ['10.1186/s12913-023-10058-w', '10.2307/24953986', '10.5555/greenway.maybe'];
    const out = parseAnswer(doiorg, fixtureJson('doiorg-ra.json'), asked, 0);
    if (!out.ok) throw new Error(out.error);
    expect(out.answers.get('10.1186/s12913-023-10058-w')).toEqual({ copies: [], registered: true, agency: 'Crossref' });
    expect(out.answers.get('10.2307/24953986')).toEqual({ copies: [], registered: false });
    expect(out.answers.has('10.5555/greenway.maybe')).toBe(false);
  });

  it('reads a recorded prefix answer and ignores entries for DOIs it was not asked about', () => {
    const recorded = [{ DOI: '10.7554', RA: 'Crossref' }];
    const out = parseAnswer(doiorg, recorded, ['10.7554/elife.1'], 0);
    expect(out.ok && out.answers.size).toBe(0);
  });

  it('matches DOIs case-insensitively (the service echoes them as given) and rejects a body that is no list', () => {
    const out = parseAnswer(doiorg, [{ DOI: '10.5555/ABC', status: 'DOI does not exist' }], ['10.5555/abc'], 0);
    expect(out.ok && out.answers.get('10.5555/abc')?.registered).toBe(false);
    expect(parseAnswer(doiorg, 'not json', ['10.5555/abc'], 0).ok).toBe(false);
  });
});
