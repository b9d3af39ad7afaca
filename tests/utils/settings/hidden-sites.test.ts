import { describe, expect, it } from 'vitest';
import { memoryStorage } from '@/utils/storage/area';
import { HIDDEN_SITES_KEY } from '@/utils/settings/basics';
import { readHiddenSites, showSiteAgain } from '@/utils/settings/hidden-sites';

describe('hidden sites (the article indicator\'s "Hide on this site")', () => {
  it('reads host names only, newest first, once each', async () => {
    const local = memoryStorage({ [HIDDEN_SITES_KEY]: ['a.org', 'B.ORG', 'javascript:x', 7, 'c.org', 'a.org'] });
    expect(await readHiddenSites(local)).toEqual(['c.org', 'a.org']);
    expect(await readHiddenSites(memoryStorage({ [HIDDEN_SITES_KEY]: { a: 1 } }))).toEqual([]);
    expect(await readHiddenSites(memoryStorage())).toEqual([]);
  });

  it('"Show again" removes every copy of one site and leaves the other entries as they were', async () => {
    const local = memoryStorage({ [HIDDEN_SITES_KEY]: ['a.org', 'odd entry', 'b.org', 'a.org'] });
    expect(await showSiteAgain(local, 'a.org')).toEqual(['b.org']);
    expect(local.dump()[HIDDEN_SITES_KEY]).toEqual(['odd entry', 'b.org']);
  });

  it('a failing storage reads as no sites, and a failing write is reported', async () => {
    const broken = { get: () => Promise.reject(new Error('storage gone')), set: () => Promise.reject(new Error('storage gone')) };
    expect(await readHiddenSites(broken)).toEqual([]);
    await expect(showSiteAgain(broken, 'a.org')).rejects.toThrow('storage gone');
  });
});
