/**
 * The policy examples administrators copy from README.md ("Managed deployment") and
 * docs/deployment.md, run through Greenway's own policy code: every key is in the managed schema, none
 * is ignored as invalid, exactly the intended settings end up locked, and the IDs match the manifest.
 *
 * Then the README's Firefox policy in a real Firefox: Firefox also reads `storage.managed` from a
 * per-user native manifest ($HOME/.mozilla/managed-storage/<id>.json), so the harness gives Firefox a
 * throw-away HOME holding the policy (harness/firefox-managed.ts), and the real options page and engine
 * must honour it. Chromium cannot mean the same here: it reads managed policy only from machine-wide
 * files (/etc/chromium/policies/managed), which would reach every Chromium on the host — for Chromium
 * the locked controls stay covered by the options page's component tests.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPolicy, POLICY_FIELDS } from '../../utils/settings/managed';
import { defaultSettings } from '../../utils/settings/schema';
import { API_HOSTS, BMC_ARTICLE_URL, REPO_ROOT, apiHost, startFixtureServer, type FixtureServer } from '../../harness';
import { launchDriven, type DrivenExtension } from '../../harness/driven';
import { openOptions } from './options-ui';
import { tabSummary } from './privacy-world';
import { builtExtensions } from './built';
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

describe("the README's Firefox policy in a real Firefox (storage.managed)", () => {
  const readme = examples.find((e) => e.name.startsWith('README.md') && e.browser === 'firefox')!;
  const policy = readme.policy as Record<string, unknown>;
  const { locked } = applyPolicy(defaultSettings(), policy);
  let server: FixtureServer;
  let ext: DrivenExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchDriven('firefox', { extensionDirs: builtExtensions(), port: server.port, managedStorage: policy });
  });

  // Every test fails on errors of the extension's contexts (background, options page, popup, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the options page shows each policy setting as set by the institution, its controls disabled', async () => {
    expect(locked.length).toBeGreaterThan(0);
    const options = await openOptions(ext);
    const seen = await options.evaluate(
      (paths) =>
        paths.map((path) => {
          const hint = `opt-${path.replace(/\./g, '-')}-locked`;
          const controls = Array.from(document.querySelectorAll<HTMLInputElement>(`[aria-describedby~="${hint}"]`));
          return {
            path,
            hint: document.getElementById(hint)?.textContent ?? null,
            controls: controls.length,
            enabled: controls.filter((c) => !c.disabled).length,
          };
        }),
      locked,
    );
    for (const field of seen) expect(field, field.path).toMatchObject({ hint: 'Set by your institution', enabled: 0 });
    for (const field of seen) expect(field.controls, field.path).toBeGreaterThan(0);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#opt-email')?.value, null)).toBe(policy.email);
    await options.close();
  });

  it('the engine follows it: privacy mode holds until the popup, which asks Unpaywall with the email and never Semantic Scholar', async () => {
    expect(policy).toMatchObject({ autoLookup: false, sources: { semanticscholar: { enabled: false } } });
    const article = await ext.openPage(BMC_ARTICLE_URL);
    const tabId = await ext.tabIdOf(article);
    await expect.poll(() => tabSummary(ext, tabId), { timeout: 15_000 }).toMatchObject({ lookup: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const apiRequests = () => server.requests().filter((r) => (API_HOSTS as readonly string[]).includes(r.host) && r.method !== 'OPTIONS');
    expect(apiRequests()).toEqual([]);

    const popup = await ext.openPopup(tabId);
    await popup.waitFor('article.copy-best[data-host="UCL Discovery"]', 15_000);
    const unpaywall = server.requests({ host: apiHost('unpaywall') }).filter((r) => r.method === 'GET');
    expect(unpaywall.length).toBeGreaterThan(0);
    for (const r of unpaywall) expect(new URL(r.url).searchParams.get('email')).toBe(policy.email);
    expect(server.count(apiHost('semanticscholar'))).toBe(0);
    await popup.close();
    await article.close();
  });
});
