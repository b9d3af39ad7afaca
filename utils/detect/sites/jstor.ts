/**
 * JSTOR stable ids map to 10.2307/<id>, but not every stable id has a registered DOI (many
 * reviews, front matter and some journals never got one): derived, to be confirmed.
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'jstor',
  name: 'JSTOR',
  hosts: ['jstor.org'],
  doiFromId: [{ from: 'url', pattern: /^\/stable\/(?:pdf\/)?(\d{3,10})(?:\.pdf)?\/?$/, doi: '10.2307/{id}', registered: 'check', label: 'JSTOR stable id' }],
};

export const examples: readonly SiteExample[] = [
  { note: 'stable page', url: 'https://www.jstor.org/stable/5555501', article: '10.2307/5555501', derived: true },
  { note: 'a DOI-style stable URL is the DOI itself', url: 'https://www.jstor.org/stable/10.5555/jstor.x', article: '10.5555/jstor.x', derived: false },
];
