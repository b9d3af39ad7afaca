/**
 * IEEE Xplore renders its metadata from an inline `xplGlobal.document.metadata = {…}` object; a saved
 * or not yet rendered page has the DOI nowhere else. The generic page-data reader (page-data.ts) finds
 * its `"doi"` key; nothing IEEE-specific is needed beyond these examples.
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'ieee',
  name: 'IEEE Xplore',
  hosts: ['ieeexplore.ieee.org'],
};

export const examples: readonly SiteExample[] = [
  {
    note: 'DOI only in the inline metadata object, next to an issue-level id',
    url: 'https://ieeexplore.ieee.org/document/5555001',
    body: '<script>xplGlobal.document.metadata={"title":"X","issueDoi":"10.5555/ieee.issue","doi":"10.5555/ieee.5555001","articleNumber":"5555001"};</script>',
    article: '10.5555/ieee.5555001',
  },
];
