/**
 * Fixtures for the popup's real-browser tests: article pages and API answers made in code from the
 * recorded BMC work, for the states the recorded world lacks (nothing found, retracted). DOIs under
 * 10.5555 (Crossref's test prefix) so that no screenshot claims anything about a real article.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, workLike, type Handler } from '../../harness';
import type { DrivenPage } from '../../harness/driven';
import { drivenPage } from '../../harness/driven-chromium';

export const CLOSED_DOI = '10.5555/greenway.closed.2024';
export const RETRACTED_DOI = '10.5555/greenway.retracted.2021';
export const RETRACTION_NOTICE_DOI = '10.5555/greenway.retraction-notice.2022';
/** Fresh DOIs for the error tests: an answer cached by an earlier test would hide the fault. */
export const PARTIAL_DOI = '10.5555/greenway.partial.2023';
export const DOWN_DOI = '10.5555/greenway.down.2023';
export const PARTIAL_URL = 'https://journals.example.org/article/partial-2023';
export const DOWN_URL = 'https://journals.example.org/article/down-2023';
export const CLOSED_URL = 'https://journals.example.org/article/closed-2024';
export const RETRACTED_URL = 'https://journals.example.org/article/retracted-2021';
export const NO_DOI_URL = 'https://news.example.org/science/today';

export function articlePage(doi: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="citation_title" content="${title}"><meta name="citation_doi" content="${doi}"></head>
<body><h1>${title}</h1><p>Abstract.</p></body></html>`;
}

export const NO_DOI_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Science news</title></head><body><h1>Science today</h1><p>No article here.</p></body></html>';

export { workLike } from '../../harness';

/** ORCID's documented example iD (Josiah Carberry, a fictitious researcher): the closed fixture's corresponding author. */
export const EXAMPLE_ORCID = '0000-0002-1825-0097';

export function closedWork(): Record<string, unknown> {
  return workLike(CLOSED_DOI, 'Outcomes of a closed-access trial (test fixture)', {
    open_access: { is_oa: false, oa_status: 'closed', oa_url: null, any_repository_has_fulltext: false },
    locations: [],
    best_oa_location: null,
    primary_location: null,
    authorships: [
      { author_position: 'first', is_corresponding: true, author: { display_name: 'Josiah Carberry', orcid: `https://orcid.org/${EXAMPLE_ORCID}` } },
    ],
  });
}

/** The recorded BMC work (UCL Discovery copy included) under the partial-failure DOI. */
export function partialWork(): Record<string, unknown> {
  return workLike(PARTIAL_DOI, 'Integrated care pathways, a second look (test fixture)', {});
}

export function retractedWork(): Record<string, unknown> {
  const work = workLike(RETRACTED_DOI, 'A retracted study of integrated care (test fixture)', { is_retracted: true });
  return work;
}

/** Crossref `/works` answering for the retracted DOI with a retraction notice in `updated-by`. */
export function crossrefRetraction(): Handler {
  const work = {
    DOI: RETRACTED_DOI,
    type: 'journal-article',
    title: ['A retracted study of integrated care (test fixture)'],
    'container-title': ['Journal of Examples'],
    issued: { 'date-parts': [[2021, 5, 1]] },
    license: [],
    'updated-by': [{ DOI: RETRACTION_NOTICE_DOI, type: 'retraction', label: 'Retraction', source: 'publisher' }],
  };
  return (req) => {
    if (!decodeURIComponent(req.path).toLowerCase().includes(RETRACTED_DOI)) {
      return { status: 404, body: 'Resource not found.', headers: { 'content-type': 'text/plain' } };
    }
    const list = req.path.includes('filter=');
    return {
      json: list
        ? { status: 'ok', 'message-type': 'work-list', message: { items: [work], 'total-results': 1 } }
        : { status: 'ok', 'message-type': 'work', message: work },
    };
  };
}

/** Saves the popup (its body, not the empty viewport below) to docs/screenshots/popup-<name>.png. */
export async function screenshot(popup: DrivenPage, name: string): Promise<void> {
  await popup.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', `popup-${name}.png`), selector: 'body' });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the real page (either browser, or a Chromium-only test's Playwright page), colour contrast included; returns "rule: nodes" lines. */
export async function axeViolations(page: DrivenPage | Page): Promise<string[]> {
  const driven = 'addScript' in page ? page : drivenPage(page);
  // Outside the extension page's CSP (DevTools / BiDi evaluation).
  await driven.addScript(axeSource);
  return driven.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  }, null);
}
