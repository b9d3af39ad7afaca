/**
 * Repository software: EPrints (`eprints.*` tags) and DSpace (`dc.relation.isversionof`, and its
 * full-record table whose rows read "dc.identifier.doi | 10.…" — read by signals.ts).
 */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'repository',
  name: 'EPrints and DSpace repositories',
  hosts: [],
  doiMeta: [
    { name: 'eprints.id_number', label: 'repository record metadata', source: 'EPrints (often the DOI); unsure whether other finders read it' },
    { name: 'eprints.doi', label: 'repository record metadata', source: 'EPrints' },
    { name: 'eprints.official_url', label: 'repository record metadata', source: 'EPrints (a doi.org URL when given)' },
    { name: 'dc.relation.isversionof', label: 'repository record metadata', source: 'DSpace' },
  ],
};

export const examples: readonly SiteExample[] = [
  { note: 'EPrints id_number', head: '<meta name="eprints.id_number" content="doi:10.5555/ep.1">', article: '10.5555/ep.1' },
  { note: 'DSpace full record', body: '<table><tr><td>dc.identifier.doi</td><td>10.5555/ds.1</td></tr></table>', article: '10.5555/ds.1' },
];
