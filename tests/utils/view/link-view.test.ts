import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckedLink } from '@/utils/links/link-check';
import { copyOnTab, copyVerdict, plannedChecks } from '@/utils/view/link-view';
import { resultModel } from '@/utils/view/result-model';
import { acceptedCopy, BMC_DOI, foundResult, publisherCopy, uclCopy } from '../../fixtures/results';

/** Where doi.org sends the publisher copy's landing link (the article page's canonical address). */
const ARTICLE_PAGE = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w';
const work = { doi: BMC_DOI, title: null };
// Built in each test: the view's words need the i18n the test setup provides.
let views: ReturnType<typeof resultModel>['ranked'] = [];
beforeEach(() => {
  views = resultModel(foundResult()).ranked;
});
const byHost = (host: string) => views.find((v) => v.host === host)!;
const answer = (state: CheckedLink['state'], finalUrl: string | null, samePaper: CheckedLink['samePaper'] = 'unknown') =>
  ({ state, detail: 'test', finalUrl, samePaper }) as CheckedLink;

describe('plannedChecks', () => {
  it("checks a repository record's page besides its PDF; a publisher's landing link only when asked to resolve it", () => {
    const urls = (planned: ReturnType<typeof plannedChecks>) => planned.map((p) => [p.role, p.target.url]);
    expect(urls(plannedChecks(views, work))).toEqual([
      ['primary', uclCopy.pdfUrl],
      ['landing', uclCopy.landingUrl],
      ['primary', publisherCopy.pdfUrl],
      ['primary', acceptedCopy.landingUrl],
    ]);
    const resolving = plannedChecks(views, work, { resolveLandings: true });
    expect(urls(resolving)).toEqual([
      ['primary', uclCopy.pdfUrl],
      ['landing', uclCopy.landingUrl],
      ['primary', publisherCopy.pdfUrl],
      ['landing', publisherCopy.landingUrl],
      // A copy without a PDF: its landing page is its one check already.
      ['primary', acceptedCopy.landingUrl],
    ]);
    // Only the copy's own link leaves, with the work for the same-paper test, and a dead end brings no archive look-up.
    expect(resolving[3]!.target).toEqual({ url: publisherCopy.landingUrl, expect: 'landing', archive: false, doi: BMC_DOI });
  });
});

describe('copyVerdict: where the links led', () => {
  it('keeps the final addresses of the checks that gave the copy, even while the primary check runs', () => {
    expect(copyVerdict(answer('pdf', publisherCopy.pdfUrl), answer('landing', ARTICLE_PAGE, 'yes'))?.landedAt).toEqual([publisherCopy.pdfUrl, ARTICLE_PAGE]);
    expect(copyVerdict('checking', answer('landing', ARTICLE_PAGE))).toMatchObject({ state: 'checking', landedAt: [ARTICLE_PAGE] });
    // A bot check still says where the link leads.
    expect(copyVerdict(answer('unknown', null), answer('challenge', ARTICLE_PAGE))?.landedAt).toEqual([ARTICLE_PAGE]);
  });

  it('drops a sign-in page, a dead end and another paper: the link did not give the copy there', () => {
    for (const landing of [answer('login', ARTICLE_PAGE), answer('dead', ARTICLE_PAGE), answer('landing', ARTICLE_PAGE, 'no')]) {
      expect(copyVerdict(answer('unknown', null), landing)?.landedAt).toBeUndefined();
    }
    const notChecked: CheckedLink = { state: 'not-checked', detail: 'no site access', finalUrl: null, samePaper: 'unknown', origin: 'https://doi.org' };
    expect(copyVerdict(notChecked, undefined)?.landedAt).toBeUndefined();
  });
});

describe('copyOnTab', () => {
  it('finds the copy by its own address, compared without fragment, trailing slash, scheme or host case', () => {
    expect(copyOnTab(views, 'http://Discovery.UCL.ac.uk/id/eprint/10179598/#files')?.host).toBe('UCL Discovery');
    expect(copyOnTab(views, uclCopy.pdfUrl)?.host).toBe('UCL Discovery');
    expect(copyOnTab(views, null)).toBeNull();
    expect(copyOnTab(views, 'not a url')).toBeNull();
  });

  it('finds the copy whose checked link led to the tab, compared the same way', () => {
    const landed = (v: (typeof views)[number]) => (v === byHost('BMC Health Services Research') ? [ARTICLE_PAGE] : undefined);
    // Without the resolved addresses the publisher's doi.org link is not the article page.
    expect(copyOnTab(views, ARTICLE_PAGE)).toBeNull();
    expect(copyOnTab(views, `${ARTICLE_PAGE.replace('https:', 'http:')}/#Sec1`, landed)?.host).toBe('BMC Health Services Research');
    expect(copyOnTab(views, 'https://bmchealthservres.biomedcentral.com/articles/10.1186/other', landed)).toBeNull();
  });

  it("prefers a copy's own address to another copy's link that led there", () => {
    const allLedToUcl = () => [uclCopy.landingUrl!];
    expect(copyOnTab(views, uclCopy.landingUrl, allLedToUcl)?.host).toBe('UCL Discovery');
  });

  it("never matches by the DOI a page declares: a repository's record of the work is never the publisher copy", () => {
    const landed = (v: (typeof views)[number]) => (v === byHost('BMC Health Services Research') ? [ARTICLE_PAGE] : undefined);
    // UCL Discovery's record declares the work's DOI: it is UCL's copy.
    expect(copyOnTab(views, uclCopy.landingUrl, landed)?.host).toBe('UCL Discovery');
    // Another repository's record (the DOI even in its address) is no copy the sources named.
    expect(copyOnTab(views, `https://eprints.example.ac.uk/view/doi/${BMC_DOI}`, landed)).toBeNull();
  });
});
