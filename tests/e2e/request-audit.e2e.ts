/**
 * The request audit (./request-audit.ts) catches what must not leave: each kind of leak, on a request
 * made up for it, is reported, and clean requests pass. The audit of a real session is
 * ./zz-request-audit.e2e.ts. No browser: the audit reads recorded requests.
 */
import { describe, expect, it } from 'vitest';
import { BMC_DOI, type RecordedRequest } from '../../harness';
import { auditApiRequests, linkCheckProblems, type AuditAllowance } from './request-audit';

describe('the audit catches what must not leave', () => {
  const base: AuditAllowance = {
    dois: ['10.1186/s12913-023-10058-w'],
    email: 'me@example.org',
    keys: { openalex: 'oa-key', core: 'core-key', semanticscholar: 's2-key' },
    extensionOrigin: 'chrome-extension://abc',
    secrets: ['https://journal.example/article/1', 'A private title'],
  };
  const request = (url: string, extra: Partial<RecordedRequest> = {}): RecordedRequest => {
    const u = new URL(url);
    return { method: 'GET', host: u.hostname, path: `${u.pathname}${u.search}`, url, headers: { host: u.hostname }, body: '', at: 0, ...extra };
  };
  const problems = (r: RecordedRequest) => auditApiRequests([r], base).map((v) => v.problem);
  const okUrl = `https://api.unpaywall.org/v2/${BMC_DOI}?email=me%40example.org`;

  it('link checks: a ranged GET without Cookie or Referer passes; either of them does not', () => {
    const check = request('https://r.example/a.pdf', { headers: { host: 'r.example', range: 'bytes=0-262143', 'sec-fetch-mode': 'cors' } });
    expect(linkCheckProblems(check, base)).toEqual([]);
    expect(linkCheckProblems({ ...check, headers: { ...check.headers, cookie: 'a=b' } }, base)).toEqual(['sends cookies']);
    expect(linkCheckProblems({ ...check, headers: { ...check.headers, referer: 'https://journal.example/' } }, base)).toEqual([
      'sends a Referer (the page address)',
    ]);
    expect(linkCheckProblems({ ...check, method: 'POST' }, base)).toEqual(['method POST']);
  });

  it('accepts a clean request', () => {
    expect(problems(request('https://archive.org/wayback/available?url=https%3A%2F%2Fr.example%2Fa.pdf'))).toEqual([]);
    expect(problems(request(okUrl))).toEqual([]);
    for (const query of ['EXT_ID:40437959%20AND%20SRC:MED', 'PMCID:PMC12120539']) {
      const idSearch = request(`https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=${query}&resultType=lite&format=json&pageSize=2`);
      expect(auditApiRequests([idSearch], { ...base, ids: ['40437959', 'PMC12120539'] })).toEqual([]);
    }
    expect(problems(request(`https://api.datacite.org/dois/${BMC_DOI}?include=client`))).toEqual([]);
    expect(problems(request(`https://doi.org/ra/${BMC_DOI}`))).toEqual([]);
    expect(problems(request(`https://api.openalex.org/works?filter=doi:https://doi.org/${BMC_DOI}&per_page=1&select=id,doi&api_key=oa-key`))).toEqual([]);
  });

  it.each([
    ['a Referer', request(okUrl, { headers: { referer: 'https://journal.example/' } }), /Referer/],
    ['a cookie', request(okUrl, { headers: { cookie: 'a=b' } }), /cookies/],
    ['an unknown parameter', request(`${okUrl}&url=x`), /unexpected parameter url/],
    ['a DOI the user never saw', request('https://api.unpaywall.org/v2/10.9999/other?email=me%40example.org'), /not a DOI the user saw/],
    [
      'the page URL in a parameter',
      request(`https://api.crossref.org/works?filter=doi:${BMC_DOI}&mailto=${encodeURIComponent('https://journal.example/article/1')}`),
      /not the user's email|contains/,
    ],
    [
      'the page title in a body',
      request('https://api.core.ac.uk/v3/discover', {
        method: 'POST',
        body: JSON.stringify({ doi: BMC_DOI, title: 'A private title' }),
        headers: { authorization: 'Bearer core-key', 'content-type': 'application/json' },
      }),
      /other fields|contains/,
    ],
    ['a key sent to the wrong service', request(`https://api.crossref.org/works/${BMC_DOI}?api_key=oa-key`), /unexpected parameter api_key/],
    [
      'the email sent where no one asked for it',
      request(`https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=DOI:"${BMC_DOI}"&email=me%40example.org`),
      /unexpected parameter email/,
    ],
    ['an unknown endpoint', request(`https://api.openalex.org/authors?search=${BMC_DOI}`), /path/],
    ['more than the client side-loaded from DataCite', request(`https://api.datacite.org/dois/${BMC_DOI}?include=media`), /not a fixed value/],
    ["a DOI the user never saw among doi.org's list", request(`https://doi.org/ra/${BMC_DOI},10.9999/other`), /not a DOI the user saw/],
    [
      'an id the user never typed',
      request('https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=EXT_ID:40437959%20AND%20SRC:MED&resultType=lite&format=json&pageSize=2'),
      // Judged by the nearest rule (the DOI search), it fails there too; with the id typed it passes ("accepts a clean request").
      /parameter query/,
    ],
    [
      'page text in an id query',
      request(
        `https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=${encodeURIComponent('EXT_ID:1 AND TITLE:"A private title"')}&resultType=lite&format=json`,
      ),
      /id query of unexpected shape|contains/,
    ],
    ['a foreign Origin', request(okUrl, { headers: { origin: 'https://journal.example' } }), /origin/],
    ['an unknown header', request(okUrl, { headers: { 'x-page': 'x' } }), /unexpected header x-page/],
    ['a free-text field list', request(`https://api.openalex.org/works/doi:${BMC_DOI}?select=A private title`), /unknown field names/],
    [
      'an archive look-up of a page address',
      request(`https://archive.org/wayback/available?url=${encodeURIComponent('https://journal.example/article/1')}`),
      /contains/,
    ],
    [
      'an archive look-up with more than the URL',
      request('https://archive.org/wayback/available?url=https%3A%2F%2Fr.example%2Fa.pdf&timestamp=2020'),
      /unexpected parameter timestamp/,
    ],
  ])('flags %s', (_name, bad, expected) => {
    const found = problems(bad);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(expected);
  });
});
