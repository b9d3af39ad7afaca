/** Frontiers: supplementary material 10.3389/<journal>.<year>.<number>.s001. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'frontiers',
  name: 'Frontiers',
  hosts: ['frontiersin.org'],
  subDoi: [/^(10\.3389\/[a-z]+\.\d{4}\.\d{5})\.s\d{3}$/i],
};

export const examples: readonly SiteExample[] = [
  { note: 'supplement DOI', subDoi: ['10.3389/fpsyg.2014.00781.s001', '10.3389/fpsyg.2014.00781'] },
  { note: 'article address with /full', url: 'https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full', article: '10.3389/fpsyg.2014.00781' },
];
