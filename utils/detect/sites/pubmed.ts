/** PubMed: the address gives the PMID; PubMed pages themselves describe a record, not the article. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'pubmed',
  name: 'PubMed',
  hosts: ['pubmed.ncbi.nlm.nih.gov'],
  idsInUrl: [{ kind: 'pmid', pattern: /^\/(\d{1,8})\/?$/ }],
};

export const examples: readonly SiteExample[] = [{ note: 'record address', url: 'https://pubmed.ncbi.nlm.nih.gov/5555001/', ids: { pmid: '5555001' } }];
