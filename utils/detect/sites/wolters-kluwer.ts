/** Wolters Kluwer Health (journals.lww.com): its own DOI meta name. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'wolters-kluwer',
  name: 'Wolters Kluwer Health',
  hosts: ['journals.lww.com'],
  doiMeta: [{ name: 'wkhealth_doi', label: 'Wolters Kluwer DOI meta tag', source: 'seen on journals.lww.com pages' }],
};

export const examples: readonly SiteExample[] = [
  {
    note: 'wkhealth_doi',
    url: 'https://journals.lww.com/example/fulltext/2020/01000/x.aspx',
    head: '<meta name="wkhealth_doi" content="10.5555/wk.1">',
    article: '10.5555/wk.1',
  },
];
