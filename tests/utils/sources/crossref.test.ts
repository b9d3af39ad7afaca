import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../utils/engine/config';
import { crossref } from '../../../utils/sources/crossref';
import { fixtureJson } from '../engine/fakes';
import { parseAnswer } from '@/utils/sources/parse';
import { planRequests } from '@/utils/engine/source-use';

describe('Crossref', () => {
  it('batches with filter=doi:a,doi:b and a polite mailto', () => {
    const [plan] = planRequests(crossref, ['10.1/a', '10.1/b'], resolveConfig({ email: 'me@example.org' }));
    const url = new URL(plan!.request.url);
    expect(url.pathname).toBe('/works');
    expect(url.searchParams.get('filter')).toBe('doi:10.1/a,doi:10.1/b');
    expect(url.searchParams.get('rows')).toBe('2');
    expect(url.searchParams.get('mailto')).toBe('me@example.org');
  });

  it('asks a DOI containing a comma on its own', () => {
    const plans = planRequests(crossref, ['10.1/a,b', '10.1/c'], resolveConfig());
    expect(plans.map((p) => new URL(p.request.url).pathname)).toEqual(['/works/10.1/a%2Cb', '/works']);
  });

  it('reads the retraction (over a correction) and the version-of-record licence', () => {
    const out = parseAnswer(crossref, fixtureJson('crossref-retracted.json'), ['10.1234/closed.2', '10.1186/s12913-023-10058-w'], 0);
    if (!out.ok) throw new Error(out.error);
    const closed = out.answers.get('10.1234/closed.2')!;
    expect(closed.retraction).toEqual({ kind: 'retraction', noticeDoi: '10.1234/retraction.9', noticeUrl: 'https://doi.org/10.1234/retraction.9' });
    expect(closed.recordLicence).toBeNull(); // a TDM licence says nothing about reading
    expect(closed.work).toEqual({ title: 'Closed', journal: 'Journal of Closed Results', year: 2020, type: 'journal-article' });
    expect(out.answers.get('10.1186/s12913-023-10058-w')!.recordLicence?.label).toBe('CC BY 4.0');
  });

  it('accepts a single /works/{doi} answer and rejects other message types', () => {
    const single = parseAnswer(crossref, { status: 'ok', 'message-type': 'work', message: { DOI: '10.1234/A' } }, ['10.1234/a'], 0);
    expect(single.ok && single.answers.has('10.1234/a')).toBe(true);
    expect(parseAnswer(crossref, { status: 'ok', 'message-type': 'work-agency', message: {} }, [], 0).ok).toBe(false);
    expect(parseAnswer(crossref, { status: 'failed', 'message-type': 'validation-failure', message: [] }, [], 0).ok).toBe(false);
  });
});
