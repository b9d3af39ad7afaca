/** PeerJ: /fig-1, /table-2, /supp-3 under the article DOI. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'peerj',
  name: 'PeerJ',
  hosts: ['peerj.com'],
  subDoi: [/^(10\.7717\/peerj(?:-cs)?\.\d+)\/(?:fig|table|supp|supplemental)-\d+$/i],
};

export const examples: readonly SiteExample[] = [
  { note: 'figure DOI', subDoi: ['10.7717/peerj.4886/fig-1', '10.7717/peerj.4886'] },
  { note: 'table DOI', subDoi: ['10.7717/peerj.4886/table-2', '10.7717/peerj.4886'] },
];
