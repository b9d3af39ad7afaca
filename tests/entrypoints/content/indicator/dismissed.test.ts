import { describe, expect, it } from 'vitest';
import { dismissIndicator, isIndicatorDismissed } from '@/entrypoints/content/indicator/dismissed';
import { HIDDEN_SITES_KEY } from '@/utils/settings/basics';
import { memoryStorage } from '@/utils/storage/area';

describe('indicator dismissal', () => {
  it('is remembered per site', async () => {
    const local = memoryStorage();
    await dismissIndicator(local, 'www.nature.com');
    expect(await isIndicatorDismissed(local, 'www.nature.com')).toBe(true);
    expect(await isIndicatorDismissed(local, 'www.biorxiv.org')).toBe(false);
  });

  it('ignores damaged stored values and keeps each site once', async () => {
    const local = memoryStorage({ [HIDDEN_SITES_KEY]: 'garbage' });
    expect(await isIndicatorDismissed(local, 'a.org')).toBe(false);
    await dismissIndicator(local, 'a.org');
    await dismissIndicator(local, 'a.org');
    expect(local.dump()[HIDDEN_SITES_KEY]).toEqual(['a.org']);
  });

  it('never remembers an empty site', async () => {
    const local = memoryStorage();
    await dismissIndicator(local, '');
    expect(await isIndicatorDismissed(local, '')).toBe(false);
    expect(local.dump()).toEqual({});
  });
});
