/** PubMed Central (new and old addresses): the address gives the PMCID. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'pmc',
  name: 'PubMed Central',
  hosts: ['pmc.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov'],
  idsInUrl: [{ kind: 'pmcid', pattern: /\/(?:pmc\/)?articles?\/(PMC\d+)/i }],
};

export const examples: readonly SiteExample[] = [
  { note: 'new address', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5555001/', ids: { pmcid: 'PMC5555001' } },
  { note: 'old address', url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5555002/', ids: { pmcid: 'PMC5555002' } },
];
