/**
 * SSRN: papers get 10.2139/ssrn.<abstract id>. Not guaranteed for every id (older and withdrawn
 * papers may have none), so the DOI is derived and must be confirmed as registered.
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'ssrn',
  name: 'SSRN',
  hosts: ['ssrn.com'],
  doiFromId: [
    { from: 'url', pattern: /[?&]abstract_?id=(\d{3,9})(?:&|$)/i, doi: '10.2139/ssrn.{id}', registered: 'check', label: 'SSRN abstract id' },
    { from: 'url', pattern: /\/abstract=(\d{3,9})(?:[/?#]|$)/i, doi: '10.2139/ssrn.{id}', registered: 'check', label: 'SSRN abstract id' },
  ],
};

export const examples: readonly SiteExample[] = [
  { note: 'abstract_id parameter', url: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=5555123', article: '10.2139/ssrn.5555123', derived: true },
  { note: 'abstract= path', url: 'https://ssrn.com/abstract=5555124', article: '10.2139/ssrn.5555124', derived: true },
];
