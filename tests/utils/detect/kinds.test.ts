/**
 * The nine fault kinds of issue 12, each held by its right values at the level of page detection
 * (article DOI, discussed DOI, page DOIs for badges). Invented DOIs use the 10.5555 test prefix.
 */
import { describe, expect, it } from 'vitest';
import { detectArticleDoi, detectPage, pageKind } from '@/utils/detect/article';
import { detectArticleIds } from '@/utils/detect/article-ids';
import { findPageDois } from '@/utils/detect/page-dois';
import { pageDataDoi } from '@/utils/detect/page-data';
import { unproxiedUrl } from '@/utils/detect/proxy';
import { page } from '../../fixtures/detect/page';

const dois = (doc: Document, opts?: Parameters<typeof findPageDois>[1]) => findPageDois(doc.body, opts).map((d) => d.doi);

describe('kind 1: URL tails', () => {
  it('badges and the article DOI drop .full/.short/view tails', () => {
    const doc = page('', '<a href="https://projecteuclid.org/journals/x/volume-10/issue-4/t/10.5555/aos/1.full">A</a> <a href="/t/10.5555/jdg/2.short">B</a>');
    expect(dois(doc)).toEqual(['10.5555/aos/1', '10.5555/jdg/2']);
    expect(detectArticleDoi(page(''), 'https://projecteuclid.org/journals/x/volume-1/issue-1/t/10.5555/pe/3.full')?.doi).toBe('10.5555/pe/3');
  });
});

describe('kind 2: whole fields', () => {
  it('keeps a trailing slash from meta, JSON-LD, canonical links and doi.org hrefs', () => {
    const doi = '10.5555/slash.end/';
    expect(detectArticleDoi(page(`<meta name="citation_doi" content="${doi}">`), 'about:blank')?.doi).toBe(doi);
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'ScholarlyArticle', identifier: `https://doi.org/${doi}` })}</script>`;
    expect(detectArticleDoi(page(ld), 'about:blank')?.doi).toBe(doi);
    expect(detectArticleDoi(page(`<link rel="canonical" href="https://doi.org/${doi}">`), 'about:blank')?.doi).toBe(doi);
    expect(dois(page('', `<a href="https://doi.org/${doi}">link</a>`))).toEqual([doi]);
  });
});

describe('kind 3: meta names other OA tools read', () => {
  it.each([
    ['dc.doi', '10.5555/ojs.2021.5120'],
    ['rft_id', 'info:doi/10.5555/ojs.2021.5121'],
    ['dcsext.wt_doi', '10.5555/ojs.2021.5122'],
    ['DC.Identifier.DOI', '10.5555/ojs.2021.5123'],
    ['prism.doi', 'doi:10.5555/ojs.2021.5124'],
  ])('<meta name="%s">', (name, content) => {
    expect(detectArticleDoi(page(`<meta name="${name}" content="${content}">`), 'about:blank')).toMatchObject({
      doi: content.replace(/^(?:info:doi\/|doi:)/, ''),
      evidence: `meta[${name.toLowerCase()}]`,
    });
  });
});

describe('kind 4: library proxies', () => {
  it.each([
    ['https://link-springer-com.ezproxy.example.edu/article/10.5555/x', 'https://link.springer.com/article/10.5555/x'],
    ['https://www-sciencedirect-com.libproxy.example.ac.uk/science/article/pii/S0000', 'https://www.sciencedirect.com/science/article/pii/S0000'],
    ['https://www-jstor-org.example.idm.oclc.org/stable/1', 'https://www.jstor.org/stable/1'],
    ['https://onlinelibrary--wiley-com.ezp.example.edu/doi/x', 'https://onlinelibrary-wiley.com/doi/x'],
    ['https://www.jstor.org.ezproxy.example.edu/stable/2', 'https://www.jstor.org/stable/2'],
    ['https://ezproxy.example.edu/login?url=https://arxiv.org/abs/1706.03762', 'https://arxiv.org/abs/1706.03762'],
    ['https://login.ezproxy.example.edu/login?qurl=https%3A%2F%2Fwww.jstor.org%2Fstable%2F3', 'https://www.jstor.org/stable/3'],
  ])('%s → %s', (proxied, original) => {
    expect(unproxiedUrl(new URL(proxied)).href).toBe(original);
  });

  it('leaves ordinary hosts alone', () => {
    for (const href of ['https://proxy.example.org/a', 'https://www.example-site.com/x', 'https://link.springer.com/article/1', 'https://a.b.proxy.c/']) {
      expect(unproxiedUrl(new URL(href)).href).toBe(href);
    }
  });

  it('site rules and ids apply on the proxied page', () => {
    expect(detectArticleDoi(page(''), 'https://arxiv-org.ezproxy.example.edu/abs/1706.03762')?.doi).toBe('10.48550/arXiv.1706.03762');
    expect(detectArticleIds(page(''), 'https://pmc-ncbi-nlm-nih-gov.ezproxy.example.edu/articles/PMC5555001/')).toEqual({ pmcid: 'PMC5555001' });
  });
});

describe('kind 5: the DOI only in page data', () => {
  const script = (js: string) => page('', `<script>${js}</script>`);
  it('reads DOI-valued keys, not issue or journal ones', () => {
    const doc = script('window.dataLayer=[{"journalDoi":"10.5555/journal","issue_doi":"10.5555/issue.3","articleDoi":"10.5555/article.7","page":"x"}];');
    expect(detectArticleDoi(doc, 'about:blank')).toMatchObject({ doi: '10.5555/article.7', evidence: 'page-data' });
    expect(pageDataDoi(script('var state = { "doi": "10.5555\\/escaped.1" };'))).toBe('10.5555/escaped.1');
    expect(pageDataDoi(script("utag_data['dcsext.wt_doi'] = '10.5555/wt.1'; ga('set', 'doi', '10.5555/wt.1');"))).toBe('10.5555/wt.1');
  });
  it('gives nothing for issue/journal keys alone, unkeyed DOIs or several works', () => {
    expect(pageDataDoi(script('var d = {"issueDoi":"10.5555/issue.1","journal_doi":"10.5555/j"};'))).toBeNull();
    expect(pageDataDoi(script('render("10.5555/loose.1")'))).toBeNull();
    expect(pageDataDoi(script('var list=[{"doi":"10.5555/a.1"},{"doi":"10.5555/a.2"}]'))).toBeNull();
    expect(pageDataDoi(page('<script type="application/ld+json">{"doi":"10.5555/ld"}</script>'))).toBeNull();
  });
  it('metadata wins over page data', () => {
    const doc = page('<meta name="citation_doi" content="10.5555/meta.1">', '<script>var doi="10.5555/data.1"</script>');
    expect(detectArticleDoi(doc, 'about:blank')?.doi).toBe('10.5555/meta.1');
  });
});

describe('kind 6: identifiers that map to a DOI by rule', () => {
  it('flags a DOI from an unguaranteed mapping as derived, a guaranteed one not', () => {
    expect(detectArticleDoi(page(''), 'https://www.jstor.org/stable/5555501')).toMatchObject({
      doi: '10.2307/5555501',
      evidence: 'site[jstor]',
      derived: true,
    });
    expect(detectArticleDoi(page(''), 'https://arxiv.org/abs/1706.03762')?.derived).toBeUndefined();
    // Metadata that names the DOI outright is not derived.
    expect(detectArticleDoi(page('<meta name="citation_doi" content="10.2307/5555501">'), 'https://www.jstor.org/stable/5555501')?.derived).toBeUndefined();
  });
});

describe('kind 7: a DOI split across inline elements', () => {
  it.each([
    ['auto-linked tail', 'DOI: 10.5555/split.<a href="https://auto.example/?q=2024">2024.77</a>'],
    ['auto-linked head', 'DOI: <a href="https://doi.org/10.5555/split">10.5555/split</a>.2024.77'],
    ['custom element', 'DOI: 10.5555/<x-hl>split</x-hl>.2024.77'],
    ['wbr and mark', 'DOI: 10.5555/split.<wbr>20<mark>24</mark>.77'],
  ])('%s', (_name, body) => {
    const doc = page('', `<p>${body}</p>`);
    expect(dois(doc)).toEqual(['10.5555/split.2024.77']);
  });

  it('never reports a head cut off by an element it cannot join', () => {
    expect(dois(page('', '<p>DOI: 10.5555/cut.<button>2024.1</button></p>'))).toEqual([]);
    expect(dois(page('', '<p>DOI: 10.5555/cut.<img alt="">2024.1</p>'))).toEqual([]);
    // A block element ends the line and the DOI with it.
    expect(dois(page('', '<div><span>doi: 10.5555/whole.1.</span><div>PMCID: PMC1</div></div>'))).toEqual(['10.5555/whole.1']);
    expect(detectArticleDoi(page('', '<p>DOI: 10.5555/cut.<button>2024.1</button></p>'), 'about:blank')).toBeNull();
  });
});

describe('kind 8: a page about a paper is not the paper', () => {
  const story = (head: string, url = 'https://news.example/2024/owls') =>
    detectPage(
      page(head, `<article><h1>Owls sleep less</h1><p>${'Researchers found that owls sleep less. '.repeat(5)}</p><p>DOI: 10.5555/owls.2024</p></article>`),
      url,
    );

  it.each([
    ['news (og:type article)', '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-01-01">'],
    ['news (JSON-LD NewsArticle)', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Owls"}</script>'],
    ['blog post (JSON-LD BlogPosting)', '<script type="application/ld+json">{"@type":"BlogPosting","headline":"Owls"}</script>'],
    ['press release (news_keywords)', '<meta name="news_keywords" content="owls">'],
  ])('%s: no article DOI, the paper is the one discussed', (_name, head) => {
    expect(story(head)).toEqual({ article: null, discussedDoi: '10.5555/owls.2024' });
  });

  it('a press release by its address', () => {
    expect(story('', 'https://uni.example/press-releases/2024/owls')).toEqual({ article: null, discussedDoi: '10.5555/owls.2024' });
  });

  it('a lead-in naming someone else\'s paper ("More information:", "Journal reference:")', () => {
    const doc = page('', '<p>Story.</p><p>More information: A. Author et al, Owls, <i>J. Birds</i> (2024). DOI: 10.5555/owls.2025</p>');
    expect(detectPage(doc, 'https://site.example/a')).toEqual({ article: null, discussedDoi: '10.5555/owls.2025' });
  });

  it('a story that links one paper discusses it; two papers: neither', () => {
    const one = page('<meta property="og:type" content="article">', '<p>See <a href="https://doi.org/10.5555/linked.1">the paper</a>.</p>');
    expect(detectPage(one, 'https://blog.example/p')).toEqual({ article: null, discussedDoi: '10.5555/linked.1' });
    const two = page(
      '<meta property="og:type" content="article">',
      '<p><a href="https://doi.org/10.5555/linked.1">a</a> <a href="https://doi.org/10.5555/linked.2">b</a></p>',
    );
    expect(detectPage(two, 'https://blog.example/p')).toEqual({ article: null, discussedDoi: null });
  });

  it('author guidelines with an example DOI and error pages name nothing', () => {
    const guide = page('', '<h1>Author guidelines</h1><p>Cite as: DOI: 10.5555/xxxx.yyyy</p>');
    expect(detectPage(guide, 'https://journal.example/page/7')).toEqual({ article: null, discussedDoi: null });
    const guideByUrl = page('', '<p>Cite as: DOI: 10.5555/xxxx.yyyy</p>');
    expect(detectPage(guideByUrl, 'https://journal.example/for-authors')).toEqual({ article: null, discussedDoi: null });
    const notFound = page('', '<h1>404 Page not found</h1><p>DOI: 10.5555/missing.1</p>');
    expect(detectPage(notFound, 'https://pub.example/doi/10.5555/missing.1')).toEqual({ article: null, discussedDoi: null });
    expect(pageKind(notFound, null)).toBe('error');
  });

  it('a scholarly page with a labelled DOI line and no DOI meta is the article', () => {
    const doc = page('<meta name="citation_title" content="Owls">', `<p>${'Long abstract. '.repeat(400)}</p><p>DOI: 10.5555/own.1</p>`);
    expect(detectPage(doc, 'about:blank').article).toMatchObject({ doi: '10.5555/own.1', evidence: 'text[labelled]' });
  });

  it('a bare abstract page (no metadata) with its DOI line near the top is the article', () => {
    const doc = page('', '<h1>Owls</h1><p>DOI: 10.5555/own.2</p><p>Abstract. Owls are birds.</p>');
    expect(detectPage(doc, 'https://journal.example/article/view/2').article?.doi).toBe('10.5555/own.2');
  });

  it('the discussed DOI is still badged inline', () => {
    expect(dois(page('<meta property="og:type" content="article">', '<p>DOI: 10.5555/owls.2024</p>'))).toEqual(['10.5555/owls.2024']);
  });
});

describe('kind 9: links that carry a DOI are not always references', () => {
  it('no badge for login, search and next-article links; the page own DOI excluded; references kept', () => {
    const body = `
      <header><a href="/action/showLogin?uri=%2Fdoi%2Fabs%2F10.5555%2Fown.9">Log in / Register</a>
      <a href="/search/advanced?articleURI=info:doi/10.5555/own.9">Advanced search</a></header>
      <a href="/doi/10.5555/next.9" rel="next">Next article</a>
      <a class="article-nav__prev" href="/doi/10.5555/prev.9">‹ Previous</a>
      <p>Our DOI: 10.5555/own.9</p>
      <ol class="references"><li>Ref. <a href="https://doi.org/10.5555/cited.1">doi</a></li><li><a href="/doi/abs/10.5555/cited.2">Cited two</a></li></ol>`;
    const doc = page('', body);
    expect(dois(doc, { exclude: '10.5555/OWN.9' })).toEqual(['10.5555/cited.1', '10.5555/cited.2']);
    expect(dois(doc)).toEqual(['10.5555/own.9', '10.5555/cited.1', '10.5555/cited.2']);
  });
});
