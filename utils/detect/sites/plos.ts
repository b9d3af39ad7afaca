/** PLOS: figures .g001, tables .t001, supporting information .s001, equations .e001 under the article DOI. */
import type { SiteExample, SiteRule } from './types';

export const site: SiteRule = {
  id: 'plos',
  name: 'PLOS',
  hosts: ['plos.org'],
  subDoi: [/^(10\.1371\/journal\.[a-z]+\.\d{7})\.[gtse]\d{3,4}$/i],
};

export const examples: readonly SiteExample[] = [
  { note: 'figure DOI', subDoi: ['10.1371/journal.pone.0000001.g001', '10.1371/journal.pone.0000001'] },
  { note: 'supporting information DOI', subDoi: ['10.1371/journal.pbio.1000001.s003', '10.1371/journal.pbio.1000001'] },
  {
    note: 'article address with ?id=',
    url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001',
    article: '10.1371/journal.pone.0000001',
  },
];
