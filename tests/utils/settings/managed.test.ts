import { describe, expect, it } from 'vitest';
import { managedSchema } from '@/utils/settings/managed-schema';
import { POLICY_FIELDS, applyPolicy } from '@/utils/settings/managed';
import { Settings, defaultSettings } from '@/utils/settings/schema';
import { getPath } from '@/utils/settings/paths';

type SchemaNode = { type: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** Every leaf of the Chrome managed schema, as dotted policy keys. */
function schemaLeaves(node: SchemaNode, prefix = ''): string[] {
  if (node.type !== 'object' || !node.properties) return [prefix];
  return Object.entries(node.properties).flatMap(([key, child]) => schemaLeaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('managed policy', () => {
  it('the manifest’s managed schema declares exactly the policy keys Greenway reads', () => {
    expect(new Set(schemaLeaves(managedSchema() as SchemaNode))).toEqual(new Set(POLICY_FIELDS.map((f) => f.policy)));
  });

  it('every policy key maps onto a real settings field', () => {
    const defaults = defaultSettings();
    for (const { setting } of POLICY_FIELDS) {
      if (setting.endsWith('.baseUrl')) continue; // optional: absent by default
      expect(getPath(defaults, setting), setting).not.toBeUndefined();
    }
  });

  it('a policy value sets and locks its field; the rest stays the user’s', () => {
    const user = { ...defaultSettings(), email: 'me@example.org' };
    const applied = applyPolicy(user, { sources: { core: { enabled: false, baseUrl: 'https://core.mirror.example.edu' } }, discovery: ['base'] });
    expect(applied.settings.sources.core).toEqual({ enabled: false, baseUrl: 'https://core.mirror.example.edu' });
    expect(applied.settings.discovery).toEqual(['base']);
    expect(applied.settings.email).toBe('me@example.org');
    expect(applied.locked).toEqual(['sources.core.enabled', 'sources.core.baseUrl', 'discovery']);
    expect(Settings.safeParse(applied.settings).success).toBe(true);
  });

  it('treats a missing or odd policy as no policy', () => {
    for (const policy of [null, undefined, 'x', [1], {}]) {
      expect(applyPolicy(defaultSettings(), policy)).toEqual({ settings: defaultSettings(), locked: [], ignored: [] });
    }
  });

  it('trims policy strings, and rejects values of the wrong type', () => {
    const applied = applyPolicy(defaultSettings(), { email: '  lib@example.edu ', autoLookup: 'no', discovery: ['gopher'] });
    expect(applied.settings.email).toBe('lib@example.edu');
    expect(applied.settings.privacy.autoLookup).toBe(true);
    expect(applied.ignored).toEqual(['autoLookup', 'discovery']);
  });
});
