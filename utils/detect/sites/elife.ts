/** eLife: figures, tables and decision letters have DOIs 10.7554/eLife.NNNNN.NNN. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'elife',
  name: 'eLife',
  hosts: ['elifesciences.org'],
  subDoi: [/^(10\.7554\/elife\.\d{5,6})\.\d{3}$/i],
};

export const examples: readonly SiteExample[] = [{ note: 'figure DOI', subDoi: ['10.7554/eLife.00031.002', '10.7554/eLife.00031'] }];
