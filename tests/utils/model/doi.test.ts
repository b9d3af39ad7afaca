import { describe, expect, it } from 'vitest';
import { doiKey, doisInUrl, findDoisInText, parseDoi, sameDoi } from '@/utils/model/doi';

describe('parseDoi: accepted forms', () => {
  it.each([
    ['10.1186/s12913-023-10058-w', '10.1186/s12913-023-10058-w'],
    ['doi:10.1186/s12913-023-10058-w', '10.1186/s12913-023-10058-w'],
    ['DOI: 10.1186/s12913-023-10058-w', '10.1186/s12913-023-10058-w'],
    ['DOI 10.1186/s12913-023-10058-w', '10.1186/s12913-023-10058-w'],
    ['info:doi/10.1371/journal.pone.0000001', '10.1371/journal.pone.0000001'],
    ['urn:doi:10.1371/journal.pone.0000001', '10.1371/journal.pone.0000001'],
    ['https://doi.org/10.1007/BF02727953', '10.1007/BF02727953'],
    ['http://dx.doi.org/10.1007/BF02727953', '10.1007/BF02727953'],
    ['doi.org/10.1007/BF02727953', '10.1007/BF02727953'],
    ['https://doi.org/10.1007/BF02727953?via=x#top', '10.1007/BF02727953'],
    ['  10.1007/BF02727953\n', '10.1007/BF02727953'],
  ])('%j → %s', (input, expected) => {
    expect(parseDoi(input)).toBe(expected);
  });

  it('keeps the suffix case as written and the registrant prefix as digits', () => {
    expect(parseDoi('10.48550/arXiv.1706.03762')).toBe('10.48550/arXiv.1706.03762');
  });

  it('decodes percent-encoded forms', () => {
    expect(parseDoi('info%3Adoi%2F10.1371%2Fjournal.pone.0005240')).toBe('10.1371/journal.pone.0005240');
    expect(parseDoi('10.1061/%28ASCE%291076-0431%282009%2915%3A1%2814%29')).toBe('10.1061/(ASCE)1076-0431(2009)15:1(14)');
  });

  it('decodes HTML-escaped forms, including double escaping', () => {
    expect(parseDoi('10.1002/(SICI)1097-4636(199706)35:4&lt;477::AID-JBM8&gt;3.0.CO;2-F')).toBe('10.1002/(SICI)1097-4636(199706)35:4<477::AID-JBM8>3.0.CO;2-F');
    expect(parseDoi('10.1000&#x2F;abc')).toBe('10.1000/abc');
    expect(parseDoi('10.1000/a&amp;lt;b&amp;gt;')).toBe('10.1000/a<b>');
  });
});

describe('parseDoi: trailing punctuation and brackets', () => {
  it('trims sentence punctuation', () => {
    for (const end of ['.', ',', ';', ':', '!', '?', '."', ').']) {
      expect(parseDoi(`10.1000/xyz123${end}`)).toBe('10.1000/xyz123');
    }
  });

  it('keeps balanced brackets and drops unbalanced closers', () => {
    expect(parseDoi('10.1016/S0009-2614(97)04014-1')).toBe('10.1016/S0009-2614(97)04014-1');
    expect(parseDoi('(doi:10.1016/S0009-2614(97)04014-1)')).toBe('10.1016/S0009-2614(97)04014-1');
    expect(parseDoi('[10.1000/abc[1]]')).toBe('10.1000/abc[1]');
    expect(parseDoi('<10.1000/abc>')).toBe('10.1000/abc');
  });

  it('keeps SICI DOIs with <> and [] intact', () => {
    const sici = '10.1002/(SICI)1097-4636(199706)35:4<477::AID-JBM8>3.0.CO;2-F';
    expect(parseDoi(sici)).toBe(sici);
    expect(parseDoi('10.1002/1521-3773(20010601)40:11<2004::AID-ANIE2004>3.0.CO;2-5')).toBe('10.1002/1521-3773(20010601)40:11<2004::AID-ANIE2004>3.0.CO;2-5');
    expect(parseDoi('10.1639/0044-7447(2002)031[0105:FAIOTE]2.0.CO;2')).toBe('10.1639/0044-7447(2002)031[0105:FAIOTE]2.0.CO;2');
  });
});

describe('parseDoi: publisher suffixes', () => {
  it.each([
    ['10.1101/2020.03.22.002386v3', '10.1101/2020.03.22.002386'],
    ['10.1101/696633v1.full.pdf', '10.1101/696633'],
    ['10.1101/2020.03.22.002386v3.full.pdf+html', '10.1101/2020.03.22.002386'],
    ['10.1002/andp.19263851302/full', '10.1002/andp.19263851302'],
    ['10.1002/andp.19263851302/abstract', '10.1002/andp.19263851302'],
    ['10.1080/00268976.2013.788745/epdf', '10.1080/00268976.2013.788745'],
    ['10.3389/fpsyg.2014.00781/full', '10.3389/fpsyg.2014.00781'],
    ['10.1371/journal.pone.0000001.pdf', '10.1371/journal.pone.0000001'],
    ['10.48550/arXiv.1706.03762v7', '10.48550/arXiv.1706.03762'],
  ])('%s → %s', (input, expected) => {
    expect(parseDoi(input)).toBe(expected);
  });

  it('does not strip a "v" that is part of a DOI outside bioRxiv/arXiv', () => {
    expect(parseDoi('10.5210/fm.v25i10.10274')).toBe('10.5210/fm.v25i10.10274');
    expect(parseDoi('10.18653/v1/2021.naacl-main.208')).toBe('10.18653/v1/2021.naacl-main.208');
  });
});

describe('parseDoi: look-alikes and junk', () => {
  it.each([
    '19.10.2019/x.jpg',
    '10.2019/x.jpg',
    '10.1.1.26.2787',
    '10.12/abc',
    '10.1234',
    '10.1234/',
    '10.1234/...',
    '11.1234/abc',
    'hello',
    '',
    'https://example.org/',
  ])('%j is not a DOI', (input) => {
    expect(parseDoi(input)).toBeNull();
  });

  it('rejects non-strings and overlong input without throwing', () => {
    expect(parseDoi(undefined as unknown as string)).toBeNull();
    expect(parseDoi(42 as unknown as string)).toBeNull();
    expect(parseDoi(`10.1000/${'a'.repeat(400)}`)).toBeNull();
  });

  it('accepts a URL or short text holding exactly one DOI, and nothing ambiguous', () => {
    expect(parseDoi('https://pubs.acs.org/doi/abs/10.1021/acscombsci.5b00087?src=recsys')).toBe('10.1021/acscombsci.5b00087');
    expect(parseDoi('DOI: 10.1234/abc (print)')).toBe('10.1234/abc');
    expect(parseDoi('see 10.1234/abc and 10.1234/def')).toBeNull();
  });
});

describe('doiKey and sameDoi', () => {
  it('case-folds and normalises', () => {
    expect(doiKey('10.1007/BF02727953')).toBe('10.1007/bf02727953');
    expect(doiKey('https://doi.org/10.1007/bf02727953')).toBe('10.1007/bf02727953');
    expect(sameDoi('doi:10.1007/BF02727953', '10.1007/bf02727953')).toBe(true);
    // A whole value is taken whole: a trailing '/' or '.' may belong to a registered DOI.
    expect(doiKey('10.36652/0042-4633-2023-102-5-404-413/')).toBe('10.36652/0042-4633-2023-102-5-404-413/');
    expect(sameDoi('10.1007/BF02727953', '10.1007/BF02727954')).toBe(false);
  });

  it('stops at an end tag when markup is shown as text (a MODS record on an ACL Anthology page)', () => {
    expect(findDoisInText('<identifier type="doi">10.5555/mods.208</identifier>').map((h) => h.doi)).toEqual(['10.5555/mods.208']);
    // SICI DOIs keep their angle brackets.
    expect(parseDoi('10.1002/(SICI)1097-4636(199907)46:1<1::AID-JBM1>3.0.CO;2-2')).toBe('10.1002/(SICI)1097-4636(199907)46:1<1::AID-JBM1>3.0.CO;2-2');
  });

  it('gives no key for anything that is not a DOI, so callers decide what that means', () => {
    expect(doiKey('Not A DOI')).toBeNull();
    expect(doiKey('')).toBeNull();
    expect(doiKey(undefined)).toBeNull();
    expect(doiKey(42)).toBeNull();
    expect(sameDoi('not a doi', 'not a doi')).toBe(false);
  });
});

describe('findDoisInText', () => {
  it('finds DOIs with their offsets and raw lengths', () => {
    const text = 'Published as doi:10.4202/app.01105.2023, see also (10.1016/S0009-2614(97)04014-1).';
    expect(findDoisInText(text)).toEqual([
      { doi: '10.4202/app.01105.2023', index: 17, length: 22 },
      { doi: '10.1016/S0009-2614(97)04014-1', index: 51, length: 29 },
    ]);
  });

  it('skips look-alikes inside numbers and dates', () => {
    expect(findDoisInText('photo 19.10.2019/x.jpg, ids 10.1.1.26.2787 and v2.10.1234/x')).toEqual([]);
  });

  it('stops at whitespace and quotes', () => {
    expect(findDoisInText('"10.1000/abc" and \u201c10.1000/def\u201d').map((d) => d.doi)).toEqual(['10.1000/abc', '10.1000/def']);
  });

  it('finds percent-encoded DOIs', () => {
    expect(findDoisInText('id=10.1371%2Fjournal.pone.0005240').map((d) => d.doi)).toEqual(['10.1371/journal.pone.0005240']);
  });

  it('returns an empty list for text without DOIs and for non-strings', () => {
    expect(findDoisInText('version 10.2 released on 10.10.2020')).toEqual([]);
    expect(findDoisInText(null as unknown as string)).toEqual([]);
  });
});

describe('doisInUrl', () => {
  it.each([
    ['https://pubs.acs.org/doi/abs/10.1021/acscombsci.5b00087?src=recsys', ['10.1021/acscombsci.5b00087']],
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001&type=printable', ['10.1371/journal.pone.0000001']],
    ['/article/info%3Adoi%2F10.1371%2Fjournal.pone.0005240', ['10.1371/journal.pone.0005240']],
    ['https://doi.org/10.1061/(ASCE)1076-0431(2009)15:1(14)', ['10.1061/(ASCE)1076-0431(2009)15:1(14)']],
    ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full', ['10.1101/2020.03.22.002386']],
    ['https://example.org/page?doi=10.1.1.26.2787', []],
    ['not a url at all', []],
  ])('%s', (href, expected) => {
    expect(doisInUrl(href, 'https://example.org/')).toEqual(expected);
  });
});

describe('invisible characters', () => {
  it('drops soft hyphens and zero-width spaces that typesetting puts inside DOIs', () => {
    expect(parseDoi('10.1002/anie.\u200b201912345')).toBe('10.1002/anie.201912345');
    expect(parseDoi('10.1002/anie.&#8203;2019\u00ad12345')).toBe('10.1002/anie.201912345');
    expect(findDoisInText('doi:10.1002/anie.\u200b201912345.').map((d) => d.doi)).toEqual(['10.1002/anie.201912345']);
  });
});
