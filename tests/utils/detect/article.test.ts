import { describe, expect, it } from 'vitest';
import { detectArticleDoi } from '@/utils/detect/article';
import { page, referenceList } from '../../fixtures/detect/page';

const URL_NONE = 'https://publisher.example/some/page';
const refs = referenceList(['10.1000/cited.one', '10.1000/cited.two', '10.1000/cited.three']);

describe('detectArticleDoi: metadata signals', () => {
  it.each([
    ['<meta name="citation_doi" content="10.1234/meta.cit">', 'meta[citation_doi]'],
    ['<meta name="citation_doi" content="doi:10.1234/meta.cit">', 'meta[citation_doi]'],
    ['<meta name="dc.identifier" content="10.1234/meta.cit">', 'meta[dc.identifier]'],
    ['<meta name="DC.Identifier" scheme="doi" content="10.1234/meta.cit">', 'meta[dc.identifier]'],
    ['<meta name="dc.identifier" content="doi:10.1234/meta.cit">', 'meta[dc.identifier]'],
    ['<meta name="DC.Identifier.DOI" content="10.1234/meta.cit">', 'meta[dc.identifier.doi]'],
    ['<meta name="prism.doi" content="doi:10.1234/meta.cit">', 'meta[prism.doi]'],
    ['<meta name="bepress_citation_doi" content="10.1234/meta.cit">', 'meta[bepress_citation_doi]'],
    ['<meta name="publication_doi" content="10.1234/meta.cit">', 'meta[publication_doi]'],
    ['<meta id="DOI" content="10.1234/meta.cit">', 'meta[doi]'],
    ['<meta name="citation_doi" value="10.1234/meta.cit">', 'meta[citation_doi]'],
    ['<meta name="eprints.id_number" content="doi:10.1234/meta.cit">', 'meta[eprints.id_number]'],
  ])('%s', (head, evidence) => {
    const found = detectArticleDoi(page(head, refs), URL_NONE);
    expect(found).toMatchObject({ doi: '10.1234/meta.cit', evidence });
    expect(found?.label).toBeTruthy();
  });

  it('prefers citation_doi over dc.identifier and later signals', () => {
    const doc = page('<meta name="dc.identifier" content="10.1234/dc"><meta name="citation_doi" content="10.1234/cit">');
    expect(detectArticleDoi(doc, 'https://x.example/doi/10.1234/url')?.doi).toBe('10.1234/cit');
  });

  it('ignores a dc.identifier that is a plain URL, not a DOI', () => {
    const doc = page('<meta name="DC.identifier" scheme="DCTERMS.URI" content="http://www.example.org/report/2003">');
    expect(detectArticleDoi(doc, URL_NONE)).toBeNull();
  });

  it('reads JSON-LD identifier, @id and sameAs of the main entity but not its citations', () => {
    const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
    const cases = [
      { '@type': 'ScholarlyArticle', identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1234/ld.x' } },
      { '@type': 'BlogPosting', '@id': 'https://doi.org/10.1234/ld.x', citation: [{ '@id': 'https://doi.org/10.9999/other' }] },
      { mainEntity: { '@type': 'ScholarlyArticle', sameAs: 'https://doi.org/10.1234/ld.x' } },
      {
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://doi.org/10.9999/page' },
          { '@type': 'Article', identifier: 'doi:10.1234/ld.x' },
        ],
      },
    ];
    for (const data of cases) expect(detectArticleDoi(page(ld(data)), URL_NONE)).toMatchObject({ doi: '10.1234/ld.x', evidence: 'json-ld' });
    const citesOnly = { '@type': 'ScholarlyArticle', citation: ['https://doi.org/10.9999/cited'] };
    expect(detectArticleDoi(page(ld(citesOnly)), URL_NONE)).toBeNull();
  });

  it('survives broken JSON-LD', () => {
    expect(detectArticleDoi(page('<script type="application/ld+json">{"@id": "https://doi.org/10.1</script>'), URL_NONE)).toBeNull();
  });

  it('reads canonical and cite-as links to doi.org', () => {
    expect(detectArticleDoi(page('<link rel="canonical" href="https://doi.org/10.54900/abc-123">'), URL_NONE)).toMatchObject({
      doi: '10.54900/abc-123',
      evidence: 'link[rel=canonical]',
    });
    expect(detectArticleDoi(page('<link rel="cite-as" href="https://doi.org/10.5281/zenodo.1">'), URL_NONE)).toMatchObject({
      doi: '10.5281/zenodo.1',
      evidence: 'link[rel=cite-as]',
    });
    expect(detectArticleDoi(page('<link rel="canonical" href="https://blog.example/post">'), URL_NONE)).toBeNull();
  });

  it('reads og:url when it carries the DOI', () => {
    const doc = page('<meta property="og:url" content="https://pubs.example.org/doi/abs/10.1021/og.url">');
    expect(detectArticleDoi(doc, URL_NONE)).toMatchObject({ doi: '10.1021/og.url', evidence: 'meta[og:url]' });
  });
});

describe('detectArticleDoi: the page URL', () => {
  it.each([
    ['https://pubs.acs.org/doi/abs/10.1021/acscombsci.5b00087', '10.1021/acscombsci.5b00087'],
    ['https://www.tandfonline.com/doi/full/10.1080/00268976.2013.788745', '10.1080/00268976.2013.788745'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full', '10.3389/fpsyg.2014.00781'],
    ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001', '10.1371/journal.pone.0000001'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3', '10.1101/2020.03.22.002386'],
    ['https://onlinelibrary.wiley.com/doi/10.1002/andp.19263851302', '10.1002/andp.19263851302'],
  ])('%s', (url, doi) => {
    // A bot-challenge page has no metadata at all: the address is the only honest answer.
    const challenge = page('<title>Just a moment...</title>', '<script>var cUPMDTk="/doi/abs/10.9999/script.only"</script>');
    expect(detectArticleDoi(challenge, url)).toMatchObject({ doi, evidence: 'url' });
  });

  it('ignores DOIs in search queries, listings and doi.org itself', () => {
    expect(detectArticleDoi(page(''), 'https://www.biorxiv.org/search/10.1101%2F2020.03.22.002386')).toBeNull();
    expect(detectArticleDoi(page(''), 'https://scholar.example/scholar?q=10.1234/abc')).toBeNull();
    expect(detectArticleDoi(page('', '<p>DOI: 10.1890/1051-0761(1997)007</p>'), 'https://doi.org/10.1890/1051-0761(1997)007')).toBeNull();
  });

  it('rejects CiteSeerX ids that look like DOIs', () => {
    expect(detectArticleDoi(page(''), 'http://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.26.2787')).toBeNull();
  });
});

describe('detectArticleDoi: repository, site rules and last resorts', () => {
  it('reads a DSpace full-record table', () => {
    const doc = page('', '<table><tr><td>dc.title</td><td>A thesis</td></tr><tr><td>dc.identifier.doi</td><td>10.1234/dspace.1</td></tr></table>');
    expect(detectArticleDoi(doc, URL_NONE)).toMatchObject({ doi: '10.1234/dspace.1', evidence: 'dspace-record' });
  });

  it('builds the arXiv DOI on arXiv abstract pages', () => {
    expect(detectArticleDoi(page(''), 'https://arxiv.org/abs/1706.03762v7')).toMatchObject({
      doi: '10.48550/arXiv.1706.03762',
      evidence: 'site[arxiv]',
    });
    expect(detectArticleDoi(page('<meta name="citation_arxiv_id" content="hep-th/9901001">'), URL_NONE)?.doi).toBe('10.48550/arXiv.hep-th/9901001');
  });

  it('reads a single COinS span but not a list of them', () => {
    const span = (doi: string) => `<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_id=info%3Adoi%2F${encodeURIComponent(doi)}&amp;rft.atitle=X"></span>`;
    expect(detectArticleDoi(page('', span('10.2307/3523084')), URL_NONE)).toMatchObject({ doi: '10.2307/3523084', evidence: 'coins' });
    expect(detectArticleDoi(page('', span('10.2307/1') + span('10.2307/2')), URL_NONE)).toBeNull();
  });

  it('takes one labelled DOI on a metadata line', () => {
    const doc = page('', `<div class="vol">Acta Pal. Pol. 68 (4), 2023: 709-718 doi:10.4202/app.01105.2023</div>${refs}`);
    expect(detectArticleDoi(doc, URL_NONE)).toMatchObject({ doi: '10.4202/app.01105.2023', evidence: 'text[labelled]' });
    const split = page('', '<td><b>Digital Object Identifier:</b> <span>10.1109/28.793383</span></td>');
    expect(detectArticleDoi(split, URL_NONE)?.doi).toBe('10.1109/28.793383');
    // The line may go on with further fields.
    const fields = page('', '<div>DOI: 10.5555/meta.line.1 · Published: 3 May 2023</div>');
    expect(detectArticleDoi(fields, URL_NONE)?.doi).toBe('10.5555/meta.line.1');
  });

  it('does not take a labelled DOI that a sentence goes on after (a cited work)', () => {
    const cited = page('', '<p>As shown by 10.5555/cited.1 and doi:10.5555/cited.2 in earlier work, the effect holds.</p>');
    expect(detectArticleDoi(cited, URL_NONE)).toBeNull();
    // The same once our badges sit after each DOI: the text is split there, the sentence still goes on.
    const badged = page(
      '',
      '<p>As shown by 10.5555/cited.1<greenway-badge></greenway-badge> and doi:10.5555/cited.2<greenway-badge></greenway-badge> in earlier work, the effect holds.</p>',
    );
    expect(badged.querySelector('p')!.childNodes).toHaveLength(5);
    expect(detectArticleDoi(badged, URL_NONE)).toBeNull();
    // Or when the page links the DOI: the words after the link carry the sentence on.
    const linked = page('', '<p>Compare doi:<a href="https://doi.org/10.5555/cited.3">10.5555/cited.3</a> in earlier work on the effect.</p>');
    expect(detectArticleDoi(linked, URL_NONE)).toBeNull();
  });

  it('finds nothing on pages that only cite DOIs', () => {
    // Reference list only.
    expect(detectArticleDoi(page('', refs), URL_NONE)).toBeNull();
    // Search results: several labelled DOIs, none of them the page's own.
    const results = ['10.1038/a.1', '10.1038/b.2', '10.1038/c.3'].map((d) => `<div class="hit">Title. Nature. doi:${d}</div>`).join('');
    expect(detectArticleDoi(page('', results), 'https://www.nature.com/search?q=owls')).toBeNull();
    // A news piece: the DOI sits in a long paragraph of prose.
    const prose = `<p>${'Researchers found that owls sleep less than expected. '.repeat(10)}The study (doi:10.1038/owls.1) was published today.</p>`;
    expect(detectArticleDoi(page('', prose), 'https://news.example/owls')).toBeNull();
    // A footer link to a certification DOI.
    expect(detectArticleDoi(page('', '<footer>Certified: doi:10.34894/VQ1DJA</footer>'), URL_NONE)).toBeNull();
  });

  it('reads a DOI-valued key of inline page data when nothing better exists (kind 5), never other script text', () => {
    expect(detectArticleDoi(page('', '<script>var doi = "doi:10.5555/in.data";</script>'), URL_NONE)).toMatchObject({
      doi: '10.5555/in.data',
      evidence: 'page-data',
    });
    expect(detectArticleDoi(page('', '<script>loadWidget("10.5555/not.keyed");</script>'), URL_NONE)).toBeNull();
  });
});

describe('detectArticleDoi: sub-DOIs and robustness', () => {
  it('maps figure and supplement DOIs to the article', () => {
    expect(detectArticleDoi(page(''), 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001.g001')?.doi).toBe(
      '10.1371/journal.pone.0000001',
    );
    expect(detectArticleDoi(page('<meta name="citation_doi" content="10.7717/peerj.4886/fig-1">'), URL_NONE)?.doi).toBe('10.7717/peerj.4886');
  });

  it('returns null for bad input instead of throwing', () => {
    expect(detectArticleDoi(page(''), 'not a url')).toBeNull();
    expect(detectArticleDoi(null as unknown as Document, URL_NONE)).toBeNull();
    expect(detectArticleDoi(page(''), undefined as unknown as string)).toBeNull();
  });
});

describe('detectArticleDoi: site rules', () => {
  it('reads IEEE Xplore page data', () => {
    const doc = page('', '<script>xplGlobal.document.metadata={"title":"X","doi":"10.1109/5.771073","articleNumber":"771073"};</script>');
    expect(detectArticleDoi(doc, 'https://ieeexplore.ieee.org/document/771073')).toMatchObject({ doi: '10.1109/5.771073', evidence: 'page-data' });
    // Page data is read on any host (kind 5): nothing IEEE-specific is needed.
    expect(detectArticleDoi(doc, 'https://other.example/document/771073')?.doi).toBe('10.1109/5.771073');
  });

  it('derives the SSRN DOI from the abstract id', () => {
    expect(detectArticleDoi(page(''), 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3339590')).toMatchObject({
      doi: '10.2139/ssrn.3339590',
      evidence: 'site[ssrn]',
    });
  });

  it('takes the article, not the supplement file, from an Atypon supplement URL', () => {
    expect(detectArticleDoi(page(''), 'https://pubs.acs.org/doi/suppl/10.1021/jp003647e/suppl_file/jp003647e_si.pdf')?.doi).toBe('10.1021/jp003647e');
  });

  it('counts figure DOIs of one article as that article in labelled text', () => {
    const doc = page('', '<div>doi:10.1371/journal.pone.0000001</div><div class="fig">doi:10.1371/journal.pone.0000001.g001</div>');
    expect(detectArticleDoi(doc, URL_NONE)?.doi).toBe('10.1371/journal.pone.0000001');
  });
});

describe('detectArticleDoi: metadata of other works', () => {
  it('ignores microdata of related articles in the body', () => {
    const doc = page('', '<aside class="related"><div itemscope><meta itemprop="doi" content="10.1000/related"></div></aside>');
    expect(detectArticleDoi(doc, URL_NONE)).toBeNull();
  });

  it('gives nothing when one meta key lists several works', () => {
    const doc = page('', '<div><meta name="citation_doi" content="10.1000/a"></div><div><meta name="citation_doi" content="10.1000/b"></div>');
    expect(detectArticleDoi(doc, URL_NONE)).toBeNull();
  });

  it('gives nothing when JSON-LD describes several works', () => {
    const graph = { '@graph': [1, 2, 3].map((i) => ({ '@type': 'ScholarlyArticle', identifier: `doi:10.1000/hit.${i}` })) };
    expect(detectArticleDoi(page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`), URL_NONE)).toBeNull();
  });
});

describe('detectArticleDoi: more publisher markup', () => {
  it('reads DCTERMS and Wolters Kluwer DOI tags', () => {
    expect(detectArticleDoi(page('<meta name="DCTERMS.identifier" content="doi:10.1000/dcterms">'), URL_NONE)?.doi).toBe('10.1000/dcterms');
    expect(detectArticleDoi(page('<meta name="wkhealth_doi" content="10.1097/01.xyz.0000123">'), URL_NONE)).toMatchObject({
      doi: '10.1097/01.xyz.0000123',
      evidence: 'meta[wkhealth_doi]',
    });
  });

  it('reads a doi.org og:url and Highwire article URLs', () => {
    expect(detectArticleDoi(page('<meta property="og:url" content="https://doi.org/10.1000/og">'), URL_NONE)?.doi).toBe('10.1000/og');
    const highwire = page('<meta name="citation_abstract_html_url" content="https://www.biorxiv.org/content/10.1101/696633v1.abstract">');
    expect(detectArticleDoi(highwire, URL_NONE)).toMatchObject({ doi: '10.1101/696633', evidence: 'meta[citation_abstract_html_url]' });
  });

  it('reads schema.org microdata of the article, not of works it cites', () => {
    const article = page(
      '',
      `<article itemscope itemtype="http://schema.org/ScholarlyArticle"><h1 itemprop="name">X</h1>
        <meta itemprop="sameAs" content="https://doi.org/10.7717/peerj.4375">
        <ol class="references"><li itemscope itemtype="http://schema.org/ScholarlyArticle"><a itemprop="sameAs" href="https://doi.org/10.1000/cited">c</a></li></ol>
      </article>`,
    );
    expect(detectArticleDoi(article, URL_NONE)).toMatchObject({ doi: '10.7717/peerj.4375', evidence: 'microdata' });
    const person = page('', '<div itemscope itemtype="http://schema.org/Person"><a itemprop="sameAs" href="https://doi.org/10.1000/p">x</a></div>');
    expect(detectArticleDoi(person, URL_NONE)).toBeNull();
  });
});

describe('detectArticleDoi: news pieces about a paper', () => {
  it.each([
    '<p><b>More information:</b> J. Smith et al, Owls at night, <i>Nature</i> (2024). <b>DOI:</b> 10.1038/owls.2024</p>',
    '<div class="journal">Journal Reference: J. Smith. Owls at night. Nature, 2024; DOI: 10.1038/owls.2024</div>',
  ])('has no article DOI: %s', (body) => {
    expect(detectArticleDoi(page('<meta property="og:type" content="article">', body), 'https://news.example/owls')).toBeNull();
  });
});
