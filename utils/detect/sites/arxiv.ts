/** arXiv: every paper has the DataCite DOI 10.48550/arXiv.<id>; abstract pages carry no DOI tag. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'arxiv',
  name: 'arXiv',
  hosts: ['arxiv.org'],
  doiFromId: [
    {
      from: 'meta',
      meta: 'citation_arxiv_id',
      pattern: /^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i,
      doi: '10.48550/arXiv.{id}',
      registered: 'always',
      label: 'arXiv identifier',
    },
    {
      from: 'url',
      pattern: /^\/(?:abs|html)\/(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?\/?$/i,
      doi: '10.48550/arXiv.{id}',
      registered: 'always',
      label: 'arXiv identifier',
    },
  ],
  doiVersion: [/^(10\.48550\/arxiv\.(?:\d{4}\.\d{4,5}|[a-z\-.]+\/\d{7}))v\d{1,3}$/i],
  idsInUrl: [{ kind: 'arxiv', pattern: /^\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?\/?$/i }],
};

export const examples: readonly SiteExample[] = [
  // Vaswani et al., "Attention Is All You Need", arXiv:1706.03762 (DOI 10.48550/arXiv.1706.03762).
  {
    note: 'abstract page address',
    url: 'https://arxiv.org/abs/1706.03762v7',
    article: '10.48550/arXiv.1706.03762',
    derived: false,
    ids: { arxiv: '1706.03762' },
  },
  { note: 'PDF address gives the id', url: 'https://arxiv.org/pdf/1706.03762v7', ids: { arxiv: '1706.03762' } },
  { note: 'version tail', version: ['10.48550/arXiv.1706.03762v7', '10.48550/arXiv.1706.03762'] },
  { note: 'listing pages are not articles', url: 'https://arxiv.org/list/cs.CL/recent', article: null },
];
