/** doi.org and the Handle resolver: a page they serve is the "DOI not found" answer, never an article. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'doi-resolver',
  name: 'DOI resolver',
  hosts: ['doi.org', 'dx.doi.org', 'hdl.handle.net'],
  neverArticle: true,
};

export const examples: readonly SiteExample[] = [
  { note: 'resolver error page', url: 'https://doi.org/10.5555/missing', body: '<p>DOI Not Found: 10.5555/missing</p>', article: null },
];
