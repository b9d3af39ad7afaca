import { describe, expect, it } from 'vitest';
import { articleDoiOf } from '@/utils/detect/sub-doi';

describe('articleDoiOf', () => {
  it.each([
    ['10.1371/journal.pone.0000001.g001', '10.1371/journal.pone.0000001'],
    ['10.1371/journal.pone.0000001.t002', '10.1371/journal.pone.0000001'],
    ['10.1371/journal.pbio.1000001.s003', '10.1371/journal.pbio.1000001'],
    ['10.7717/peerj.4886/fig-1', '10.7717/peerj.4886'],
    ['10.7717/peerj.4886/table-2', '10.7717/peerj.4886'],
    ['10.7717/peerj.4886/supp-3', '10.7717/peerj.4886'],
    ['10.7554/eLife.00031.002', '10.7554/eLife.00031'],
    ['10.3389/fpsyg.2014.00781.s001', '10.3389/fpsyg.2014.00781'],
    ['10.1234/some.article/figure-3', '10.1234/some.article'],
  ])('%s → %s', (sub, article) => expect(articleDoiOf(sub)).toBe(article));

  it.each(['10.1371/journal.pone.0000001', '10.7717/peerj.4886', '10.1093/nar/gks1195', '10.18653/v1/2021.naacl-main.208', '10.1000/fig'])(
    'leaves %s alone',
    (doi) => expect(articleDoiOf(doi)).toBe(doi),
  );
});
