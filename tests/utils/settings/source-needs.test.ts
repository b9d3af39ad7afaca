import { describe, expect, it } from 'vitest';
import { sourceNeeds } from '@/utils/settings/source-needs';
import { defaultSettings } from '@/utils/settings/schema';
import { EMAIL_COURTESY_SOURCES, EMAIL_ENABLED_SOURCES, SOURCES } from '@/utils/sources/registry';

const settings = (email = '', core = '') => ({ email, keys: { ...defaultSettings().keys, core } });

describe('sourceNeeds', () => {
  it('follows the registry: an email for needsEmail sources, a key where it is required, else nothing', () => {
    for (const source of SOURCES) {
      const expected = source.needsEmail ? 'email' : source.key?.required ? 'key' : null;
      expect(sourceNeeds(source, settings()), source.id).toBe(expected);
      expect(sourceNeeds(source, settings('me@example.org', 'K')), source.id).toBeNull();
    }
  });

  it('names Unpaywall as turned on by the email, OpenAlex and Crossref as its polite recipients', () => {
    expect(EMAIL_ENABLED_SOURCES.map((s) => s.id)).toEqual(['unpaywall']);
    expect(EMAIL_COURTESY_SOURCES.map((s) => s.id)).toEqual(['openalex', 'crossref']);
  });
});
