/** Europe PMC: PMCIDs and PubMed ids (MED source) in its addresses. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'europepmc',
  name: 'Europe PMC',
  hosts: ['europepmc.org'],
  idsInUrl: [
    { kind: 'pmcid', pattern: /\/(?:pmc\/)?articles?\/(?:PMC\/)?(PMC\d+)/i },
    { kind: 'pmid', pattern: /\/(?:abstract|article)\/MED\/(\d{1,8})/i },
  ],
};

export const examples: readonly SiteExample[] = [
  { note: 'MED record', url: 'https://europepmc.org/article/MED/5555003', ids: { pmid: '5555003' } },
  { note: 'PMC record', url: 'https://europepmc.org/article/PMC/PMC5555004', ids: { pmcid: 'PMC5555004' } },
];
