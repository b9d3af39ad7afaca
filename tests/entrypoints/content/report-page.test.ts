import { describe, expect, it, vi } from 'vitest';
import { createPageReporter } from '@/entrypoints/content/report-page';

function page(html: string): Document {
  document.body.innerHTML = html; // test fixture of our own, not page data
  return document;
}

const article = { doi: '10.1186/s12913-023-10058-w', evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };

describe('page reporter', () => {
  it('reports the article and the number of distinct DOIs the page cites', async () => {
    const send = vi.fn(async () => null);
    const doc = page('<a href="https://doi.org/10.1234/a">x</a> doi:10.1234/A and 10.5678/b');
    await createPageReporter(send).report(doc, 'https://j.example/a', article);
    expect(send).toHaveBeenCalledWith({ type: 'page:detected', article, pageDoiCount: 2 });
  });

  it("counts and lists only the references: the article's own DOI, in any case, is not one of them", async () => {
    const send = vi.fn(async () => null);
    const reporter = createPageReporter(send);
    const doc = page(
      '<p>doi:10.1186/S12913-023-10058-W</p><a href="https://doi.org/10.1186/s12913-023-10058-w">this article</a> cites 10.5555/ref.1 and 10.5555/ref.2',
    );
    await reporter.report(doc, 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w', article);
    expect(send).toHaveBeenLastCalledWith({ type: 'page:detected', article, pageDoiCount: 2 });
    // The check page is filled with the same DOIs the count names.
    expect(reporter.dois()).toEqual(['10.5555/ref.1', '10.5555/ref.2']);
    // Without an article every DOI is a reference; a page whose only DOI is its article's has none.
    await reporter.report(doc, 'https://j.example/list', null);
    expect(send).toHaveBeenLastCalledWith({ type: 'page:detected', article: null, pageDoiCount: 3 });
    expect(reporter.dois()).toHaveLength(3);
    await reporter.report(page('<p>doi:10.1186/s12913-023-10058-w</p>'), 'https://j.example/only-itself', article);
    expect(send).toHaveBeenLastCalledWith({ type: 'page:detected', article, pageDoiCount: 0 });
    expect(reporter.dois()).toEqual([]);
  });

  it('reports the paper a page discusses (no article of its own) and a derived article DOI as such', async () => {
    const send = vi.fn(async () => null);
    const doc = page('<p>More information: DOI: 10.5555/discussed.1</p>');
    await createPageReporter(send).report(doc, 'https://news.example/a', null, '10.5555/discussed.1');
    expect(send).toHaveBeenCalledWith({ type: 'page:detected', article: null, pageDoiCount: 1, discussedDoi: '10.5555/discussed.1' });
    const derived = { doi: '10.2307/5555501', evidence: 'site[jstor]', label: 'JSTOR stable id', derived: true };
    await createPageReporter(send).report(page(''), 'https://www.jstor.org/stable/5555501', derived);
    expect(send).toHaveBeenLastCalledWith({ type: 'page:detected', article: derived, pageDoiCount: 0 });
  });

  it('sends nothing when neither the page nor its URL changed, and reports again after an SPA navigation', async () => {
    const send = vi.fn(async () => null);
    const reporter = createPageReporter(send);
    const doc = page('<p>10.1234/a</p>');
    await reporter.report(doc, 'https://j.example/a', article);
    await reporter.report(doc, 'https://j.example/a', article);
    expect(send).toHaveBeenCalledTimes(1);
    await reporter.report(doc, 'https://j.example/b', article);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('drops an older report that finishes after a newer one', async () => {
    const send = vi.fn(async () => null);
    const reporter = createPageReporter(send);
    const doc = page('<p>10.1234/a</p>');
    const first = reporter.report(doc, 'https://j.example/old', null);
    const second = reporter.report(doc, 'https://j.example/new', article);
    await Promise.all([first, second]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ article }));
  });

  it('tells the badge loader which DOIs each scan found, also when the report itself is not sent again', async () => {
    const scanned: string[][] = [];
    const reporter = createPageReporter(async () => null, { onScanned: (dois) => scanned.push([...dois]) });
    await reporter.report(page('<p>doi:10.1234/A and 10.1234/a, 10.5678/b</p>'), 'https://j.example/a', null);
    await reporter.report(document, 'https://j.example/a', null);
    await reporter.report(page('<p>No references here.</p>'), 'https://j.example/a', null);
    expect(scanned).toEqual([['10.1234/A', '10.5678/b'], ['10.1234/A', '10.5678/b'], []]);
  });
});
