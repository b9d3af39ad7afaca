import { describe, expect, it } from 'vitest';
import { comparePaper, readPaperIds, titleSimilarity } from '@/utils/links/same-paper';

const DOI = '10.1186/s12913-023-10058-w';
const TITLE = "'Beyond places of safety' - a qualitative study exploring the implementation of mental health crisis care innovations across England";

describe('readPaperIds', () => {
  it('reads citation_doi, dc.identifier (any case, doi: and resolver forms), citation_title and entities', () => {
    const ids = readPaperIds(`<head>
      <meta content="${DOI}" name="citation_doi">
      <meta name="DC.identifier" content="https://doi.org/10.5555/ABC.1">
      <meta name="dc.identifier" content="https://discovery.ucl.ac.uk/id/eprint/10179598/">
      <meta name='citation_title' content='&#39;Beyond places of safety&#39; &amp; more'>`);
    expect(ids.dois).toEqual([DOI, '10.5555/abc.1']);
    expect(ids.titles).toEqual(["'Beyond places of safety' & more"]);
  });

  it('reads JSON-LD (identifier objects, sameAs, @graph) and survives broken JSON-LD', () => {
    const ld = {
      '@graph': [
        {
          '@type': 'ScholarlyArticle',
          headline: 'A title',
          identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/x.2' },
          sameAs: ['https://doi.org/10.5555/x.3'],
        },
      ],
    };
    const ids = readPaperIds(`<script type="application/ld+json">{broken</script><script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(ids).toEqual({ dois: ['10.5555/x.2', '10.5555/x.3'], titles: ['A title'] });
  });

  it('reads only the first 256 KB', () => {
    expect(readPaperIds(`${' '.repeat(256 * 1024)}<meta name="citation_doi" content="${DOI}">`).dois).toEqual([]);
  });
});

describe('comparePaper', () => {
  const page = (dois: string[], titles: string[] = []) => ({ dois, titles });
  it('matching DOI: yes', () => expect(comparePaper(page([DOI]), { doi: DOI.toUpperCase(), title: TITLE })).toBe('yes'));
  it('other DOI and another title: no', () =>
    expect(comparePaper(page(['10.5555/other.1'], ['Soil microbes in alpine meadows']), { doi: DOI, title: TITLE })).toBe('no'));
  it('other DOI, no title on the page: no', () => expect(comparePaper(page(['10.5555/other.1']), { doi: DOI, title: TITLE })).toBe('no'));
  it('other DOI but the same title (a preprint with its own DOI): yes', () =>
    expect(comparePaper(page(['10.48550/arxiv.2301.00001'], [TITLE.toLowerCase()]), { doi: DOI, title: TITLE })).toBe('yes'));
  it('title only, same: yes; clearly different: no; close but not the same: unknown', () => {
    expect(comparePaper(page([], [`${TITLE}.`]), { doi: DOI, title: TITLE })).toBe('yes');
    expect(comparePaper(page([], ['Soil microbes in alpine meadows']), { doi: DOI, title: TITLE })).toBe('no');
    expect(comparePaper(page([], ['Beyond places of safety: crisis care in England']), { doi: DOI, title: TITLE })).toBe('unknown');
  });
  it('none: unknown (nothing on the page, or nothing expected)', () => {
    expect(comparePaper(page([]), { doi: DOI, title: TITLE })).toBe('unknown');
    expect(comparePaper(page([DOI], [TITLE]), {})).toBe('unknown');
  });
  it('titleSimilarity ignores case, accents and punctuation', () => expect(titleSimilarity('Café — Études!', 'cafe etudes')).toBe(1));
});
