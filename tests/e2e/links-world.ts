/**
 * The link-check world for tests/e2e/links.e2e.ts: works under 10.5555 (Crossref's test prefix) whose
 * copies sit at repositories that send no CORS headers — a real PDF, a record of another paper, a PDF
 * link that redirects to single sign-on, a dead link with a Wayback capture — and the seed case, UCL
 * Discovery's record of 10.1186/s12913-023-10058-w, written here with that record's real metadata.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BMC_DOI, UCL_LANDING_URL, workLike, type FixtureServer } from '../../harness';

export const CHECKS_DOI = '10.5555/greenway.links.2024';
export const CHECKS_TITLE = 'Hedgerow corridors and pollinator movement (test fixture)';
export const CHECKS_URL = 'https://journals.example.org/article/links-2024';
export const DEAD_DOI = '10.5555/greenway.dead.2019';
export const DEAD_URL = 'https://journals.example.org/article/dead-2019';

export const ALPHA = {
  host: 'repo-alpha.example.org',
  pdf: 'https://repo-alpha.example.org/files/hedgerows.pdf',
  record: 'https://repo-alpha.example.org/record/1',
};
export const BETA = { host: 'repo-beta.example.org', record: 'https://repo-beta.example.org/record/9' };
export const GAMMA = {
  host: 'repo-gamma.example.org',
  pdf: 'https://repo-gamma.example.org/download/3.pdf',
  login: 'https://login.repo-gamma.example.org/idp/profile/SAML2/Redirect/SSO',
};
export const DELTA = { host: 'repo-delta.example.org', pdf: 'https://repo-delta.example.org/files/gone.pdf' };
export const CAPTURE = `https://web.archive.org/web/20210304050607/${DELTA.pdf}`;
/** The hosts of every check request (the audit puts cookies in the jar for each). */
export const CHECKED_HOSTS = [ALPHA.host, BETA.host, GAMMA.host, DELTA.host];

/** UCL Discovery's record of the seed paper, as its real page states it (title, DOI, identifier). */
export const UCL_SEED_TITLE =
  "'Beyond places of safety' - a qualitative study exploring the implementation of mental health crisis care innovations across England";

const PDF = readFileSync(fileURLToPath(new URL('./fixtures/pages/minimal.pdf', import.meta.url)));

function location(name: string, landing: string, pdf: string | null, version = 'acceptedVersion'): Record<string, unknown> {
  return {
    id: `pmh:${landing}`,
    is_oa: true,
    landing_page_url: landing,
    pdf_url: pdf,
    source: { id: `https://openalex.org/S${name.length}1`, display_name: name, type: 'repository', is_oa: true, host_organization_name: null },
    license: 'cc-by',
    license_id: 'https://openalex.org/licenses/cc-by',
    version,
    is_accepted: true,
    is_published: version === 'publishedVersion',
  };
}

const oa = { is_oa: true, oa_status: 'green', oa_url: null, any_repository_has_fulltext: true };

export function checksWork(): Record<string, unknown> {
  const locations = [
    location('Repo Beta', BETA.record, null),
    location('Repo Gamma', `https://${GAMMA.host}/record/3`, GAMMA.pdf),
    location('Repo Alpha', ALPHA.record, ALPHA.pdf),
  ];
  return workLike(CHECKS_DOI, CHECKS_TITLE, { open_access: oa, primary_location: null, locations, best_oa_location: locations[0] });
}

export function deadWork(): Record<string, unknown> {
  const locations = [location('Repo Delta', `https://${DELTA.host}/record/7`, DELTA.pdf)];
  return workLike(DEAD_DOI, 'A study whose copy went missing (test fixture)', {
    open_access: oa,
    primary_location: null,
    locations,
    best_oa_location: locations[0],
  });
}

const recordHtml = (doi: string, title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="citation_title" content="${title.replace(/'/g, '&#39;')}"><meta name="citation_doi" content="${doi}"><meta name="dc.identifier" content="https://doi.org/${doi}"></head><body><h1>${title}</h1></body></html>`;

/** Registers the repositories (no CORS headers), the Wayback Machine, the article pages and the UCL seed record. */
export function registerLinksWorld(server: FixtureServer, articlePage: (doi: string, title: string) => string): void {
  const html = (body: string) => ({ body, cors: false, headers: { 'content-type': 'text/html; charset=utf-8' } });
  server.api(ALPHA.host, '/files/hedgerows.pdf', { body: PDF, cors: false, headers: { 'content-type': 'application/pdf' } });
  server.api(ALPHA.host, '/record/1', html(recordHtml(CHECKS_DOI, CHECKS_TITLE)));
  server.api(BETA.host, '/record/9', html(recordHtml('10.5555/greenway.someone-else.2018', 'Soil fungi of upland pastures (test fixture)')));
  server.api(GAMMA.host, '/download/3.pdf', { status: 302, cors: false, headers: { location: `${GAMMA.login}?SAMLRequest=abc` } });
  server.api(`login.${GAMMA.host}`, '/idp/', html('<!doctype html><html><body><form><input name="u"><input type="password" name="p"></form></body></html>'));
  server.api(DELTA.host, '/files/gone.pdf', { status: 404, cors: false, body: 'Not found', headers: { 'content-type': 'text/html' } });
  server.api('archive.org', '/wayback/available', (req) => {
    const url = new URL(req.url).searchParams.get('url');
    return {
      json: {
        url,
        archived_snapshots:
          url === DELTA.pdf
            ? { closest: { available: true, status: '200', timestamp: '20210304050607', url: `http://web.archive.org/web/20210304050607/${url}` } }
            : {},
      },
    };
  });
  server.page(CHECKS_URL, articlePage(CHECKS_DOI, CHECKS_TITLE));
  server.page(DEAD_URL, articlePage(DEAD_DOI, 'A study whose copy went missing (test fixture)'));
  // The seed's record page, carrying the real record's title and DOI (routes win over the recorded page).
  server.api('discovery.ucl.ac.uk', new URL(UCL_LANDING_URL).pathname, html(recordHtml(BMC_DOI, UCL_SEED_TITLE)));
}
