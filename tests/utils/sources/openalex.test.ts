import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { openalex } from '../../../utils/sources/openalex';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

const T = 1_700_000_000_000;

describe('OpenAlex requests', () => {
  it('asks the singleton endpoint for one DOI with select, mailto and key', () => {
    const config = resolveConfig({ email: 'me@example.org', keys: { openalex: 'KEY' }, sources: { openalex: { baseUrl: 'http://127.0.0.1:9/oa' } } });
    const [plan] = planRequests(openalex, ['10.1/a(b)'], config);
    const url = new URL(plan!.request.url);
    expect(url.pathname).toBe('/oa/works/doi:10.1/a(b)');
    expect(url.searchParams.get('select')).toContain('locations');
    // One work also brings its authors (for "Ask the author"); a batch does not (author lists can be long).
    expect(url.searchParams.get('select')!.split(',')).toContain('authorships');
    expect(url.searchParams.get('mailto')).toBe('me@example.org');
    expect(url.searchParams.get('api_key')).toBe('KEY');
  });

  it('batches up to 100 DOIs per filter request with matching per_page, and asks filter-unsafe DOIs alone', () => {
    const dois = Array.from({ length: 150 }, (_, i) => `10.1/${i}`).concat('10.1/a|b');
    const plans = planRequests(openalex, dois, resolveConfig());
    expect(plans.map((p) => p.dois.length).sort((a, b) => a - b)).toEqual([1, 50, 100]);
    const batch = new URL(plans.find((p) => p.dois.length === 100)!.request.url);
    expect(batch.searchParams.get('filter')!.split('|')).toHaveLength(100);
    expect(batch.searchParams.get('per_page')).toBe('100');
    expect(batch.searchParams.get('select')!.split(',')).not.toContain('authorships');
    expect(batch.searchParams.has('mailto')).toBe(false);
  });
});

describe('OpenAlex answers', () => {
  it('names the corresponding author with an ORCID iD (recorded answer for 10.1155/2012/291294), and no one else', () => {
    const out = parseAnswer(openalex, fixtureJson('openalex-corresponding.json'), ['10.1155/2012/291294'], T);
    if (!out.ok) throw new Error(out.error);
    expect(out.answers.get('10.1155/2012/291294')?.work?.contact).toEqual({ name: 'Wendy Thanassi', orcid: '0000-0003-4187-0777' });
    // Without an author marked corresponding, or without a well-formed ORCID iD, there is no contact.
    const json = fixtureJson('openalex-corresponding.json') as { authorships: Array<{ is_corresponding: boolean; author: { orcid: string | null } }> };
    const none = structuredClone(json);
    none.authorships[0]!.is_corresponding = false;
    const odd = structuredClone(json);
    odd.authorships[0]!.author.orcid = 'https://evil.example/0000-0003-4187-0777';
    for (const variant of [none, odd]) {
      const parsed = parseAnswer(openalex, variant, ['10.1155/2012/291294'], T);
      expect(parsed.ok && parsed.answers.get('10.1155/2012/291294')?.work?.contact).toBeNull();
    }
  });

  it('maps open locations to clean copies and drops closed, index-only and unsafe ones', () => {
    const out = parseAnswer(openalex, fixtureJson('openalex-green.json'), ['10.1234/green.1'], T);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const answer = out.answers.get('10.1234/green.1')!;
    expect(answer.status).toBe('green');
    expect(answer.work).toEqual({ title: 'A green-only article', journal: 'Journal of Closed Results', year: 2022, type: null, contact: null });
    expect(answer.copies.map((c) => [c.hostName, c.hostType, c.institution, c.version, c.licence?.label ?? null])).toEqual([
      ['Example Eprints', 'repository', 'University of Example', 'accepted', 'CC BY 4.0'],
      ['arXiv', 'preprint', 'Cornell University', 'submitted', null],
    ]);
    expect(answer.copies[0]!.sources).toEqual(['openalex']);
    expect(answer.copies[0]!.seenAt).toBe(T);
  });

  it('reads a filter list, keyed by DOI, with retraction flags', () => {
    const out = parseAnswer(openalex, fixtureJson('openalex-bmc-list.json'), ['10.1186/s12913-023-10058-w', '10.1234/closed.2'], T);
    if (!out.ok) throw new Error(out.error);
    const bmc = out.answers.get('10.1186/s12913-023-10058-w')!;
    expect(bmc.copies.map((c) => c.hostName)).toEqual(['BMC Health Services Research', 'UCL Discovery']);
    expect(bmc.copies[1]!.pdfUrl).toBe('https://discovery.ucl.ac.uk/id/eprint/10179598/1/s12913-023-10058-w.pdf');
    expect(out.answers.get('10.1234/closed.2')!.retraction?.kind).toBe('retraction');
  });

  it('reports an unexpected shape as an error value', () => {
    expect(parseAnswer(openalex, { hello: 1 }, ['10.1/x'], T)).toEqual({ ok: false, error: 'unexpected response shape' });
    expect(parseAnswer(openalex, null, ['10.1/x'], T).ok).toBe(false);
  });
});
