import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings } from '@/utils/settings/transfer';
import { defaultSettings } from '@/utils/settings/schema';
import v1 from '../../fixtures/settings/v1.json';
import current from '../../fixtures/settings/v3.json';

describe('settings export and import', () => {
  it('round-trips the user’s settings', () => {
    const result = importSettings(exportSettings(current as never));
    // The v3 sample predates later sources (OpenAIRE): each takes its default silently.
    expect(result).toEqual({ ok: true, user: { ...current, sources: { ...defaultSettings().sources, ...current.sources } }, notes: [] });
  });

  it('imports an export from an older release through the migrations', () => {
    const result = importSettings(JSON.stringify(v1));
    expect(result.ok && result.user.sources.crossref.enabled).toBe(false);
  });

  it('gives a clear error for text that is not JSON, JSON that is not settings, and settings from a newer release', () => {
    const notJson = importSettings('{"version": 2,');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.error).toBe('not-json');
    expect(importSettings('[1,2,3]')).toEqual({ ok: false, error: 'not-settings', detail: 'no settings version' });
    expect(importSettings('{"email":"a@b.org"}')).toMatchObject({ ok: false, error: 'not-settings' });
    expect(importSettings('{"version":99}')).toEqual({ ok: false, error: 'newer', detail: '99' });
  });

  it('imports what is valid and names what was reset', () => {
    const result = importSettings(JSON.stringify({ ...defaultSettings(), email: 'nope', privacy: { autoLookup: false } }));
    expect(result).toMatchObject({ ok: true, notes: [{ kind: 'reset-fields', fields: ['email'] }] });
    expect(result.ok && result.user.privacy.autoLookup).toBe(false);
  });
});
