import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { datacite } from '../../../utils/sources/datacite';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

function answerOf(fixture: string, doi: string) {
  const out = parseAnswer(datacite, fixtureJson(fixture), [doi], 0);
  if (!out.ok) throw new Error(out.error);
  return out.answers.get(doi);
}

const known = (over: Partial<{ agency: string | null; workType: string | null; copies: number }>) => ({ agency: null, workType: null, copies: 0, ...over });

describe('DataCite', () => {
  it('asks one DOI per request for its record with the registering client, and nothing else', () => {
    const plans = planRequests(datacite, ['10.5061/dryad.8515', '10.5555/b'], resolveConfig({ email: 'me@example.org' }));
    expect(plans.map((p) => p.dois)).toEqual([['10.5061/dryad.8515'], ['10.5555/b']]);
    expect(plans[0]!.request).toEqual({ url: 'https://api.datacite.org/dois/10.5061/dryad.8515?include=client' });
  });

  it('is asked only about copy-less DOIs that DataCite registered or that an index files as no article', () => {
    const askIf = datacite.askIf!;
    expect(askIf(known({ agency: 'DataCite' }))).toBe(true);
    expect(askIf(known({ workType: 'dataset' }))).toBe(true);
    expect(askIf(known({ workType: 'software' }))).toBe(true);
    // Articles cost nothing: a Crossref article, an article no one has a copy of, a dataset with a copy already.
    expect(askIf(known({ agency: 'Crossref' }))).toBe(false);
    expect(askIf(known({ workType: 'journal-article' }))).toBe(false);
    expect(askIf(known({}))).toBe(false);
    expect(askIf(known({ workType: 'dataset', copies: 1 }))).toBe(false);
  });

  it('a Dryad dataset under CC0: open at its landing page in the repository, with its real title and type', () => {
    const a = answerOf('datacite-found.json', '10.5061/dryad.8515')!;
    expect(a.work).toEqual({ title: 'Data from: A new malaria agent in African hominids.', journal: null, year: 2011, type: 'dataset' });
    expect(a.copies).toHaveLength(1);
    expect(a.copies[0]).toMatchObject({
      landingUrl: 'https://datadryad.org/dataset/doi:10.5061/dryad.8515',
      pdfUrl: null,
      hostType: 'repository',
      hostName: 'Dryad',
      version: null,
      licence: { id: 'cc0' },
      sources: ['datacite'],
    });
  });

  it('a dataset whose rights are only per-file notes is open because its archive is a re3data-registered repository', () => {
    const a = answerOf('datacite-bath-dataset.json', '10.15125/bath-00114')!;
    expect(a.copies).toHaveLength(1);
    expect(a.copies[0]).toMatchObject({ landingUrl: 'http://researchdata.bath.ac.uk/id/eprint/114', hostName: 'University of Bath', licence: null });
    expect(a.copies[0]!.reasons?.[0]).toContain('re3data');
  });

  it('needs the side-loaded client (include=client): without `included`, the re3data id is unknown and the Bath record gives no copy', () => {
    const record = structuredClone(fixtureJson('datacite-bath-dataset.json')) as { included?: unknown };
    delete record.included;
    const out = parseAnswer(datacite, record, ['10.15125/bath-00114'], 0);
    expect(out.ok && out.answers.get('10.15125/bath-00114')?.copies).toEqual([]);
  });

  it('software stating open access (no client side-loaded) is open; its MIT licence is not a reading licence we name', () => {
    const a = answerOf('datacite-zenodo-software.json', '10.5281/zenodo.8347772')!;
    expect(a.work?.type).toBe('software');
    expect(a.copies[0]).toMatchObject({ landingUrl: 'https://zenodo.org/record/8347772', hostName: 'Zenodo', licence: null });
  });

  it('an arXiv preprint is a preprint copy (submitted version, CC BY 4.0)', () => {
    const a = answerOf('datacite-arxiv-preprint.json', '10.48550/arxiv.2311.16162')!;
    expect(a.work?.type).toBe('preprint');
    expect(a.copies[0]).toMatchObject({ hostType: 'preprint', hostName: 'arXiv', version: 'submitted', licence: { id: 'cc-by-4.0' } });
  });

  it('an article registered with DataCite gives its type and title but no copy: a catalogue entry is not a free copy', () => {
    const a = answerOf('datacite-tib-article.json', '10.2312/geowissenschaften.1989.7.181')!;
    expect(a.copies).toEqual([]);
    expect(a.work?.type).toBe('journal-article');
  });

  it('a right saying closed, restricted or embargoed access outweighs the repository', () => {
    const record = structuredClone(fixtureJson('datacite-bath-dataset.json')) as { data: { attributes: { rightsList: unknown[] } } };
    record.data.attributes.rightsList.push({ rights: 'Embargoed Access', rightsUri: 'info:eu-repo/semantics/embargoedAccess' });
    const out = parseAnswer(datacite, record, ['10.15125/bath-00114'], 0);
    expect(out.ok && out.answers.get('10.15125/bath-00114')?.copies).toEqual([]);
  });

  it('odd answers: the 404 body is unknown here (HTTP 404 is "not found"), an answer for another DOI is ignored', () => {
    expect(datacite.notFoundStatuses).toContain(404);
    expect(parseAnswer(datacite, fixtureJson('datacite-not-found.json'), ['10.5555/x'], 0).ok).toBe(false);
    const other = parseAnswer(datacite, fixtureJson('datacite-found.json'), ['10.5555/other'], 0);
    expect(other.ok && other.answers.size).toBe(0);
  });
});
