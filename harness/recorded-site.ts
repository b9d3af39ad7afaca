/**
 * The built-in recorded world: the motivating BMC article, and the UCL Discovery copy that Greenway
 * should find for it. Tests and the demo open these at their real URLs.
 */
import { fileURLToPath } from 'node:url';
import type { FixtureServer } from './fixture-server';

const PAGES_DIR = fileURLToPath(new URL('../tests/e2e/fixtures/pages/', import.meta.url));

export const BMC_DOI = '10.1186/s12913-023-10058-w';
export const BMC_ARTICLE_URL = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w';
export const UCL_LANDING_URL = 'https://discovery.ucl.ac.uk/id/eprint/10179598';
export const UCL_PDF_URL = 'https://discovery.ucl.ac.uk/id/eprint/10179598/1/s12913-023-10058-w.pdf';
export const BMC_PDF_URL = 'https://bmchealthservres.biomedcentral.com/counter/pdf/10.1186/s12913-023-10058-w';

/**
 * doi.org's answer for the article's DOI: a redirect to the article page (the recorded page's own
 * canonical address). The publisher copy's landing link is that DOI link; its link check follows the
 * redirect, which is how the popup on the article page knows the reader is on the publisher copy.
 */
export const DOI_REDIRECTS: ReadonlyMap<string, string> = new Map([[`https://doi.org/${BMC_DOI}`, BMC_ARTICLE_URL]]);

export function registerRecordedSite(server: FixtureServer): void {
  for (const [from, to] of DOI_REDIRECTS) {
    const url = new URL(from);
    server.api(url.hostname, url.pathname, { status: 302, headers: { location: to } });
  }
  server.page(BMC_ARTICLE_URL, `${PAGES_DIR}bmc-s12913-023-10058-w.html`);
  server.page(UCL_LANDING_URL, `${PAGES_DIR}ucl-discovery-10179598.html`);
  // Both free PDFs answer with real PDF bytes, so the popup's link check can verify them.
  server.page(UCL_PDF_URL, `${PAGES_DIR}minimal.pdf`);
  server.page(BMC_PDF_URL, `${PAGES_DIR}minimal.pdf`);
}
