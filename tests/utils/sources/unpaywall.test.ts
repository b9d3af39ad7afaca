import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { unpaywall } from '../../../utils/sources/unpaywall';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests, isSourceActive } from '@/utils/engine/source-use';

describe('Unpaywall', () => {
  it('is active only once the user gives an email', () => {
    expect(isSourceActive(unpaywall, resolveConfig())).toBe(false);
    expect(isSourceActive(unpaywall, resolveConfig({ email: 'me@example.org' }))).toBe(true);
    expect(isSourceActive(unpaywall, resolveConfig({ email: 'me@example.org', sources: { unpaywall: { enabled: false } } }))).toBe(false);
  });

  it('asks /v2/<doi>?email= one DOI at a time', () => {
    const plans = planRequests(unpaywall, ['10.1/a', '10.1/b[c]'], resolveConfig({ email: 'me@example.org' }));
    expect(plans.map((p) => p.request.url)).toEqual([
      'https://api.unpaywall.org/v2/10.1/a?email=me%40example.org',
      'https://api.unpaywall.org/v2/10.1/b%5Bc%5D?email=me%40example.org',
    ]);
  });

  it('maps oa_locations with clean repository names and institutions', () => {
    const out = parseAnswer(unpaywall, fixtureJson('unpaywall-green.json'), ['10.1234/green.1'], 5);
    if (!out.ok) throw new Error(out.error);
    const a = out.answers.get('10.1234/green.1')!;
    expect(a.status).toBe('green');
    expect(a.copies.map((c) => [c.hostName, c.institution, c.version, c.licence?.id ?? null, c.pdfUrl !== null])).toEqual([
      ['Example Eprints', 'University of Example', 'accepted', 'cc-by-4.0', true],
      ['Other Repository', 'Other University', 'submitted', null, false],
    ]);
    // "deprecated" evidence says nothing and is left out of the reason.
    expect(a.copies[0]!.reasons).toEqual(['Unpaywall: repository location']);
    expect(a.copies[1]!.reasons![0]).toContain('OAI-PMH doi match');
  });

  it('treats an error body as an unexpected shape', () => {
    expect(parseAnswer(unpaywall, { HTTP_status_code: 404, error: true, message: 'x' }, ['10.1/a'], 0).ok).toBe(false);
  });
});
