/**
 * Library proxies (EZproxy, OCLC-hosted EZproxy and alike) rewrite a publisher's host into their own:
 * `link-springer-com.ezproxy.example.edu` (dots become `-`, a real `-` becomes `--`), older setups keep
 * the dots (`www.jstor.org.ezproxy.example.edu`), and `…/login?url=https://…` starts a session. Site
 * rules and URL patterns must see the original host (proxy.ts undoes the rewriting).
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'library-proxy',
  name: 'Library proxies (EZproxy and alike)',
  hosts: [],
  proxy: {
    hostLabel: /^(?:ezproxy|libproxy|proxy|ezp|ezp-prod|eproxy|webproxy|remotexs|lib-proxy|ezproxy-[a-z]+|proxy-[a-z]+|[a-z]+proxy)\d*$/i,
    hostSuffixes: ['idm.oclc.org'],
    loginPath: /^\/(?:login|connect|menu)\/?$/i,
    loginParams: ['url', 'qurl'],
  },
};

export const examples: readonly SiteExample[] = [
  { note: 'EZproxy host rewriting', url: 'https://link-springer-com.ezproxy.example.edu/article/10.5555/proxy.1', article: '10.5555/proxy.1' },
  { note: 'site rule on a proxied host', url: 'https://arxiv-org.libproxy.example.ac.uk/abs/1706.03762', article: '10.48550/arXiv.1706.03762' },
  { note: 'OCLC-hosted proxy', url: 'https://www-jstor-org.example.idm.oclc.org/stable/5555502', article: '10.2307/5555502', derived: true },
  { note: 'dotted proxy host', url: 'https://papers.ssrn.com.ezproxy.example.edu/sol3/papers.cfm?abstract_id=5555125', article: '10.2139/ssrn.5555125' },
  { note: 'login?url=', url: 'https://ezproxy.example.edu/login?url=https://www.jstor.org/stable/5555503', article: '10.2307/5555503' },
  { note: 'ids on a proxied PubMed', url: 'https://pubmed-ncbi-nlm-nih-gov.ezproxy.example.edu/5555006/', ids: { pmid: '5555006' } },
  { note: 'proxied resolver page', url: 'https://doi-org.ezproxy.example.edu/10.5555/missing', article: null },
];
