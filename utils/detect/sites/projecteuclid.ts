/**
 * Project Euclid: article addresses end in the DOI plus a view (`….full`, `….short`). The generic URL
 * grammar (utils/model/doi.ts) cuts the view; these examples hold it to that.
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'projecteuclid',
  name: 'Project Euclid',
  hosts: ['projecteuclid.org'],
};

export const examples: readonly SiteExample[] = [
  // The reported address (a real Annals of Statistics 10(4) DOI); only the address is used, no metadata is claimed.
  {
    note: '.full view',
    url: 'https://projecteuclid.org/journals/annals-of-statistics/volume-10/issue-4/t/10.1214/aos/1176345632.full',
    article: '10.1214/aos/1176345632',
  },
  { note: '.short view', url: 'https://projecteuclid.org/journals/x/volume-1/issue-1/t/10.5555/pe/123.short', article: '10.5555/pe/123' },
];
