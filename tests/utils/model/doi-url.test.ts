/**
 * DOIs in addresses and whole fields: view/file/session tails are not part of the DOI (kind 1), a
 * whole field is taken whole (kind 2), a DOI in a navigation link's query is not a link target
 * (kind 9), and Firefox's non-iterable URLSearchParams iterators do not break URL parsing.
 */
import { describe, expect, it } from 'vitest';
import { doisInUrl, linkTargetDois, parseDoi, parseDoiField } from '@/utils/model/doi';

describe('kind 1: a URL tail glued to the DOI', () => {
  it.each([
    // Project Euclid search results (the reported case); real DOIs, see https://doi.org/10.1214/aos/1176345632
    ['https://projecteuclid.org/journals/annals-of-statistics/volume-10/issue-4/t/10.1214/aos/1176345632.full', '10.1214/aos/1176345632'],
    ['https://intlpress.example/journals/jdg/10.4310/jdg/1645207506.short', '10.4310/jdg/1645207506'],
    ['https://pub.example/doi/10.5555/tail.1/abstract', '10.5555/tail.1'],
    ['https://pub.example/doi/epdf/10.5555/tail.2', '10.5555/tail.2'],
    ['https://pub.example/content/10.5555/tail.3.full.pdf+html', '10.5555/tail.3'],
    ['https://pub.example/doi/10.5555/tail.4/full/', '10.5555/tail.4'],
    ['https://pub.example/doi/10.5555/tail.5.pdf', '10.5555/tail.5'],
    ['https://pub.example/doi/10.5555/tail.6;jsessionid=A1B2C3D4', '10.5555/tail.6'],
    ['https://pub.example/doi/10.5555/tail.7/abstract;jsessionid=A1B2C3D4', '10.5555/tail.7'],
    ['https://pub.example/doi/10.5555/tail.8.abstract', '10.5555/tail.8'],
  ])('%s → %s', (href, doi) => {
    expect(doisInUrl(href)).toEqual([doi]);
    expect(linkTargetDois(href)).toEqual([doi]);
  });

  it('keeps what belongs to the DOI: SICI `;`, `.`, `/` and brackets', () => {
    const sici = '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-Y';
    expect(doisInUrl(`https://pub.example/doi/${encodeURIComponent(sici)}`)).toEqual([sici]);
    expect(doisInUrl(`https://pub.example/doi/abs/${encodeURIComponent(sici)}/abstract`)).toEqual([sici]);
    expect(doisInUrl('https://pub.example/doi/10.1061/(ASCE)1076-0431(2009)15:1(14)')).toEqual(['10.1061/(ASCE)1076-0431(2009)15:1(14)']);
    expect(doisInUrl('https://pub.example/doi/10.5555/a.b/c.d')).toEqual(['10.5555/a.b/c.d']);
    expect(doisInUrl('https://pub.example/doi/full/10.1111/j.1365-2958.2006.05172.x')).toEqual(['10.1111/j.1365-2958.2006.05172.x']);
  });
});

describe('kind 2: a whole field is taken whole', () => {
  it('keeps a trailing slash or dot that is part of a registered DOI', () => {
    // A registered DOI that ends in "/" (from the report).
    const doi = '10.36652/0042-4633-2023-102-5-404-413/';
    expect(parseDoiField(doi)).toBe(doi);
    expect(parseDoiField(` doi:${doi} `)).toBe(doi);
    expect(parseDoiField(`https://doi.org/${doi}`)).toBe(doi);
    expect(doisInUrl(`https://doi.org/${doi}`)).toEqual([doi]);
    expect(linkTargetDois(`https://doi.org/${doi}`)).toEqual([doi]);
    expect(parseDoiField('10.5555/ends.with.dot.')).toBe('10.5555/ends.with.dot.');
    expect(parseDoiField('info:doi/10.5555/whole(1)')).toBe('10.5555/whole(1)');
  });

  it('still trims DOIs found in running text', () => {
    expect(parseDoi('10.5555/xyz123.')).toBe('10.5555/xyz123');
    expect(parseDoiField('DOI: 10.5555/xyz123 (print)')).toBe('10.5555/xyz123');
    expect(parseDoiField('https://pub.example/doi/abs/10.5555/xyz123?src=a')).toBe('10.5555/xyz123');
  });

  it('rejects what is not a DOI', () => {
    for (const bad of ['', '10.1234/', '10.5555/x.jpg', 'http://www.example.org/report/2003', 'ISSN 1234-5678']) {
      expect(parseDoiField(bad)).toBeNull();
    }
  });
});

describe('kind 9: links that carry a DOI in a query are not always references', () => {
  it.each([
    ['https://pub.example/action/showLogin?uri=%2Fdoi%2Fabs%2F10.5555%2Fnav.1'],
    ['https://pub.example/action/doSearch?AllField=10.5555/nav.2'],
    ['https://journals.example/plosone/search/advanced?unformattedQuery=x&articleURI=info:doi/10.5555/nav.3'],
    ['https://pub.example/register?redirect=/doi/10.5555/nav.4'],
    ['https://pub.example/page?returnUrl=%2Fdoi%2F10.5555%2Fnav.5'],
    ['https://pub.example/share/email?doi=10.5555/nav.6'],
  ])('%s is not a link to the work', (href) => {
    expect(linkTargetDois(href)).toEqual([]);
    // The address itself still holds the DOI (for reading a page's own URL, the context menu…).
    expect(doisInUrl(href).length).toBe(1);
  });

  it.each([
    ['https://journals.example/plosone/article?id=10.5555/work.1', '10.5555/work.1'],
    ['https://resolver.example/openurl?rft_id=info:doi/10.5555/work.2', '10.5555/work.2'],
    ['/doi/abs/10.5555/work.3?src=recsys', '10.5555/work.3'],
    ['https://doi.org/10.5555/work.4', '10.5555/work.4'],
  ])('%s points at the work', (href, doi) => {
    expect(linkTargetDois(href, 'https://pub.example/')).toEqual([doi]);
  });
});

describe('Firefox: URLSearchParams iterators that are not iterable', () => {
  it('doisInUrl and linkTargetDois never iterate searchParams with for…of', () => {
    const Real = globalThis.URL;
    /** A URL whose searchParams behave like Firefox's Xray-wrapped ones: iterators without Symbol.iterator. */
    class XrayUrl extends Real {
      override get searchParams(): URLSearchParams {
        const real = super.searchParams;
        const stub = Object.create(real) as URLSearchParams;
        const noIter = () => ({ next: () => ({ done: true, value: undefined }) }) as unknown as URLSearchParamsIterator<never>;
        Object.defineProperty(stub, Symbol.iterator, { value: undefined });
        for (const name of ['values', 'keys', 'entries'] as const) Object.defineProperty(stub, name, { value: noIter });
        Object.defineProperty(stub, 'forEach', { value: real.forEach.bind(real) });
        Object.defineProperty(stub, 'get', { value: real.get.bind(real) });
        Object.defineProperty(stub, 'getAll', { value: real.getAll.bind(real) });
        return stub;
      }
    }
    // Sanity: for…of over the stub's values() throws, as in Firefox.
    expect(() => {
      for (const v of new XrayUrl('https://x.example/?a=1').searchParams.values() as Iterable<string>) void v;
    }).toThrow(TypeError);
    globalThis.URL = XrayUrl as typeof URL;
    try {
      expect(doisInUrl('https://journals.example/plosone/article?id=10.5555/ff.1&type=printable')).toEqual(['10.5555/ff.1']);
      expect(linkTargetDois('https://journals.example/article?id=10.5555/ff.2')).toEqual(['10.5555/ff.2']);
      expect(doisInUrl('https://pub.example/doi/10.5555/ff.3?x=1')).toEqual(['10.5555/ff.3']);
    } finally {
      globalThis.URL = Real;
    }
  });
});
