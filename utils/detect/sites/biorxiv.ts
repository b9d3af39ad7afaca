/** bioRxiv and medRxiv (Cold Spring Harbor): addresses add a version `v3` to the DOI. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'biorxiv',
  name: 'bioRxiv / medRxiv',
  hosts: ['biorxiv.org', 'medrxiv.org'],
  doiVersion: [/^(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,8})v\d{1,3}$/i],
};

export const examples: readonly SiteExample[] = [
  {
    note: 'version and view tail in the address',
    url: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3.full',
    article: '10.1101/2020.03.22.002386',
  },
  { note: 'version tail', version: ['10.1101/696633v1', '10.1101/696633'] },
];
