import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { compareVersions, handleInstalled, notesBetween, onboardingUrl } from '@/utils/settings/onboarding';

const notes = [
  { version: '0.2.0', message: 'updateNote020' as const },
  { version: '1.0.0', message: 'updateNote020' as const },
];

describe('onboarding', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.1.9', '0.2')).toBe(-1);
  });

  it('opens the welcome page on install', () => {
    expect(onboardingUrl({ reason: 'install' }, '0.1.0', notes)).toBe('/onboarding.html');
  });

  it('opens the update page only when a meaningful release was crossed', () => {
    expect(notesBetween('0.1.0', '0.2.1', notes).map((n) => n.version)).toEqual(['0.2.0']);
    expect(onboardingUrl({ reason: 'update', previousVersion: '0.1.0' }, '0.2.1', notes)).toBe('/onboarding.html?updated=0.1.0');
    expect(onboardingUrl({ reason: 'update', previousVersion: '0.2.0' }, '0.3.0', notes)).toBeNull();
    expect(onboardingUrl({ reason: 'update' }, '0.3.0', notes)).toBeNull();
    expect(onboardingUrl({ reason: 'chrome_update' }, '0.3.0', notes)).toBeNull();
  });

  it('handleInstalled opens a tab with the fake browser, and stays quiet on a routine update', async () => {
    const browser = { runtime: { getURL: fakeBrowser.runtime.getURL, getManifest: () => ({ version: '0.2.0' }) }, tabs: fakeBrowser.tabs };
    const opened = await handleInstalled({ reason: 'install' }, browser, notes);
    expect(opened).toBe('chrome-extension://test-extension-id/onboarding.html');
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(opened);
    expect(await handleInstalled({ reason: 'update', previousVersion: '0.2.0' }, browser, notes)).toBeNull();
  });

  it('never throws, even when the tab cannot be opened', async () => {
    const browser = {
      runtime: { getURL: (p: string) => p, getManifest: () => ({ version: '1.0.0' }) },
      tabs: { create: () => Promise.reject(new Error('no window')) },
    };
    expect(await handleInstalled({ reason: 'install' }, browser, notes)).toBeNull();
  });
});
