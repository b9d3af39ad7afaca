/**
 * Embedded metadata that any site may carry: Highwire Press / Google Scholar `citation_*` tags,
 * Dublin Core, PRISM, and the other DOI meta names that OA finders and reference managers read.
 *
 * Sources (written from memory of those tools' public code and documentation — no network lookup was
 * possible when this list was made; names marked "unsure" deserve a check against the current code):
 * - Google Scholar inclusion guidelines: `citation_doi` (Highwire Press tags).
 * - Zotero's "Embedded Metadata" translator: Highwire `citation_doi`, Dublin Core `dc.identifier`
 *   (DOI-shaped values), PRISM `prism.doi`, bepress `bepress_citation_doi`.
 * - Unpaywall browser extension (DOI finder): `citation_doi`, `doi`, `dc.doi`, `dc.identifier`,
 *   `dc.identifier.doi`, `bepress_citation_doi`, `rft_id`, `dcsext.wt_doi` (unsure of the exact list).
 * - Dublin Core / DCMI: `dc.identifier`, `dcterms.identifier` (any identifier; only DOI values count).
 * Order is trust order: the first name with exactly one distinct DOI decides.
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'embedded-metadata',
  name: 'Embedded metadata (Highwire, Dublin Core, PRISM, …)',
  hosts: [],
  doiMeta: [
    { name: 'citation_doi', label: 'citation_doi meta tag', source: 'Highwire/Google Scholar; Zotero; Unpaywall' },
    { name: 'dc.identifier', label: 'Dublin Core identifier meta tag', source: 'DCMI; Zotero; Unpaywall' },
    { name: 'dcterms.identifier', label: 'Dublin Core identifier meta tag', source: 'DCMI terms' },
    { name: 'dc.identifier.doi', label: 'DC.Identifier.DOI meta tag', source: 'OJS, DSpace; Unpaywall' },
    { name: 'dc.doi', label: 'dc.doi meta tag', source: 'Unpaywall extension' },
    { name: 'prism.doi', label: 'PRISM DOI meta tag', source: 'PRISM; Zotero' },
    { name: 'bepress_citation_doi', label: 'bepress citation_doi meta tag', source: 'bepress Digital Commons; Zotero; Unpaywall' },
    { name: 'publication_doi', label: 'publication_doi meta tag', source: 'seen on publisher pages (no tool documents it that we know of)' },
    { name: 'rft_id', label: 'OpenURL rft_id meta tag', source: 'Unpaywall extension (value "info:doi/…")' },
    { name: 'dcsext.wt_doi', label: 'Webtrends DOI meta tag', source: 'Unpaywall extension (Webtrends analytics tag on publisher pages)' },
    { name: 'doi', label: 'DOI meta tag', source: 'Unpaywall extension; common publisher practice' },
  ],
};

export const examples: readonly SiteExample[] = [
  { note: 'Highwire citation_doi', head: '<meta name="citation_doi" content="10.5555/em.1">', article: '10.5555/em.1' },
  { note: 'dc.doi (OJS-style)', head: '<meta name="dc.doi" content="10.5555/ojs.2021.5120">', article: '10.5555/ojs.2021.5120' },
  { note: 'rft_id with info:doi/', head: '<meta name="rft_id" content="info:doi/10.5555/ojs.2021.5121">', article: '10.5555/ojs.2021.5121' },
  { note: 'Webtrends dcsext.wt_doi', head: '<meta name="dcsext.wt_doi" content="10.5555/ojs.2021.5122">', article: '10.5555/ojs.2021.5122' },
  {
    note: 'a whole meta value keeps its trailing slash',
    head: '<meta name="citation_doi" content="10.5555/ends-in-slash/">',
    article: '10.5555/ends-in-slash/',
  },
  { note: 'dc.identifier that is a URL is not a DOI', head: '<meta name="dc.identifier" content="https://repo.example/item/7">', article: null },
];
