import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@/utils/settings/schema';
import { withdrawnBy } from '@/utils/settings/withdrawn';

function edited(change: (s: Settings) => void): Settings {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

describe('what a policy takes away', () => {
  it('nothing when the new settings forbid nothing the old ones allowed', () => {
    expect(withdrawnBy(defaultSettings(), defaultSettings())).toBeNull();
    // Allowing more, or changing what is not a permission (email, ranking), withdraws nothing.
    const privacy = edited((s) => (s.privacy.autoLookup = false));
    expect(withdrawnBy(privacy, defaultSettings())).toBeNull();
    expect(
      withdrawnBy(
        defaultSettings(),
        edited((s) => ((s.email = 'a@b.org'), (s.ranking.preferRepository = false))),
      ),
    ).toBeNull();
  });

  it('privacy mode, badges off, a source switched off or sent to a mirror', () => {
    const after = edited((s) => {
      s.privacy.autoLookup = false;
      s.badges.enabled = false;
      s.sources.semanticscholar.enabled = false;
      s.sources.openalex.baseUrl = 'https://openalex.mirror.example.edu';
    });
    expect(withdrawnBy(defaultSettings(), after)).toEqual({ autoLookup: true, badges: true, sources: ['openalex', 'semanticscholar'] });
  });

  it('a source that was off already is not withdrawn again', () => {
    const before = edited((s) => (s.sources.crossref.enabled = false));
    expect(
      withdrawnBy(
        before,
        edited((s) => (s.sources.crossref = { enabled: false, baseUrl: 'https://x.example' })),
      ),
    ).toBeNull();
  });
});
