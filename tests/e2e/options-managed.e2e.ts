/**
 * The policy examples administrators copy from README.md ("Managed deployment") and
 * docs/deployment.md, run through Greenway's own policy code: every key is in the managed schema, none
 * is ignored as invalid, exactly the intended settings end up locked, and the IDs match the manifest.
 * (A real managed policy needs machine-wide files that would affect every browser on the host, so the
 * browser side — locked controls — is covered by the options page's component tests.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPolicy, POLICY_FIELDS } from '../../utils/settings/managed';
import { defaultSettings } from '../../utils/settings/schema';
import { REPO_ROOT } from '../../harness';
import { managedSchema } from '../../utils/settings/managed-schema';

const FIREFOX_ID = 'greenway@greenway-oa.org';
const CHROME_ID_PLACEHOLDER = '<extension-id>';

type Json = Record<string, unknown>;

function jsonBlocks(file: string): Json[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Json);
}

/** The Greenway policy inside a Chrome (`3rdparty.extensions`) or Firefox (`policies.3rdparty.Extensions`) file. */
function greenwayPolicy(file: Json): { browser: 'chrome' | 'firefox'; policy: Json } {
  const firefox = (file.policies as Json | undefined)?.['3rdparty'] as Json | undefined;
  if (firefox) return { browser: 'firefox', policy: (firefox.Extensions as Json)[FIREFOX_ID] as Json };
  return { browser: 'chrome', policy: ((file['3rdparty'] as Json).extensions as Json)[CHROME_ID_PLACEHOLDER] as Json };
}

/** Dotted leaf paths of a policy object ("sources.semanticscholar.enabled"). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

const schema = managedSchema() as unknown as { properties: Json };

/** Whether a dotted path is described by the managed schema (nested `properties`). */
function inSchema(path: string): boolean {
  let node: Json | undefined = schema as unknown as Json;
  for (const key of path.split('.')) {
    node = (node?.properties as Json | undefined)?.[key] as Json | undefined;
    if (!node) return false;
  }
  return true;
}

const examples = ['README.md', 'docs/deployment.md'].flatMap((file) =>
  jsonBlocks(file)
    .filter((block) => 'policies' in block || '3rdparty' in block)
    .map((block, i) => ({ name: `${file} example ${i + 1}`, ...greenwayPolicy(block) })),
);

describe('policy examples in the documentation', () => {
  it('finds a Chrome and a Firefox example in both README.md and docs/deployment.md', () => {
    expect(examples.map((e) => `${e.name.split(' ')[0]} ${e.browser}`).sort()).toEqual([
      'README.md chrome',
      'README.md firefox',
      'docs/deployment.md chrome',
      'docs/deployment.md firefox',
    ]);
    for (const example of examples) expect(example.policy, example.name).toBeTypeOf('object');
  });

  it.each(examples)('$name ($browser): every key in the schema, none ignored, exactly its fields locked', ({ policy }) => {
    const keys = leafPaths(policy);
    for (const key of keys) expect(inSchema(key), key).toBe(true);
    const applied = applyPolicy(defaultSettings(), policy);
    expect(applied.ignored).toEqual([]);
    const expectedLocked = POLICY_FIELDS.filter((f) => keys.includes(f.policy)).map((f) => f.setting);
    expect(applied.locked.sort()).toEqual(expectedLocked.sort());
    expect(applied.locked.length).toBe(keys.length);
    // The examples turn privacy mode on: the effective settings say so.
    expect(applied.settings.privacy.autoLookup).toBe(false);
  });

  it("the Firefox examples use the manifest's add-on ID", () => {
    expect(readFileSync(join(REPO_ROOT, 'wxt.config.ts'), 'utf8')).toContain(`id: '${FIREFOX_ID}'`);
  });
});
