import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repairSettings } from '@/utils/settings/repair';
import { Settings, defaultSettings } from '@/utils/settings/schema';

describe('repairSettings', () => {
  it('fills a partial value with defaults and names nothing', () => {
    const { settings, invalid } = repairSettings({ version: 2, badges: { hideClosed: true } });
    expect(invalid).toEqual([]);
    expect(settings.badges).toEqual({ enabled: true, hideClosed: true, disabledSites: [] });
    expect(settings.sources.core).toEqual({ enabled: true });
  });

  it('resets each invalid field to its default and names it, keeping the valid ones', () => {
    const { settings, invalid } = repairSettings({
      version: 2,
      email: 42,
      badges: { enabled: 'yes', hideClosed: true, disabledSites: ['ok.example.org', 'Not A Host!'] },
      sources: { core: { enabled: false, baseUrl: 'javascript:alert(1)' } },
      library: { openUrlBase: 'ftp://resolver.example.edu', preferredInstitution: 'UCL' },
      discovery: ['base', 'altavista'],
    });
    expect(new Set(invalid)).toEqual(new Set(['email', 'badges.enabled', 'badges.disabledSites', 'sources.core.baseUrl', 'library.openUrlBase', 'discovery']));
    expect(settings.email).toBe('');
    expect(settings.badges).toEqual({ enabled: true, hideClosed: true, disabledSites: [] });
    expect(settings.sources.core).toEqual({ enabled: false });
    expect(settings.library.openUrlBase).toBe('');
    expect(settings.library.preferredInstitution).toBe('UCL');
    expect(settings.discovery).toEqual(defaultSettings().discovery);
  });

  it('replaces a whole group that is not an object', () => {
    const { settings, invalid } = repairSettings({ version: 2, keys: 'abc', privacy: null });
    expect(settings.keys).toEqual(defaultSettings().keys);
    expect(settings.privacy).toEqual(defaultSettings().privacy);
    expect(invalid).toEqual(expect.arrayContaining(['keys', 'privacy']));
  });

  it('drops keys it does not know', () => {
    const { settings } = repairSettings({ version: 2, telemetry: true, badges: { colour: 'red' } });
    expect(settings).not.toHaveProperty('telemetry');
    expect(settings.badges).not.toHaveProperty('colour');
  });

  it('always yields valid settings, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        expect(Settings.safeParse(repairSettings(stored).settings).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.object({ values: [fc.anything()] }), (group) => {
        const stored = { version: 2, badges: group, sources: { openalex: group }, library: group };
        expect(Settings.safeParse(repairSettings(stored).settings).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
