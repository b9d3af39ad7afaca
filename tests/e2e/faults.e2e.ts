/**
 * Service failures in a real Chromium (issue 8): each source in turn answers 500, 429 with
 * Retry-After, never answers, sends malformed JSON, a bot-challenge page, or an empty body. The
 * popup must still show the other sources' copies and name the failing source; once the service
 * recovers, "Try again" gets the full answer; and the service worker logs no error or unhandled
 * rejection. All sources fail in the same round (one DOI each), so a round costs one fault's time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startFixtureServer, type FaultSpec, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';
import { COPY_HOST, FAULT_SOURCES, INDEX_SOURCES, doisIn, faultDoi, registerFaultWorld, type FaultWorld } from './faults-world';
import { SOURCE_LABELS, SOURCE_NAMES, type SourceName } from '../../utils/model';
import { SETTINGS_KEY, defaultSettings } from '../../utils/settings/schema';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const HOSTS = Object.fromEntries(SOURCE_NAMES.map((id) => [id, apiHost(id)])) as Record<SourceName, string>;

const ROUNDS: Array<{ kind: string; spec: FaultSpec; error: RegExp }> = [
  { kind: 'http-500', spec: { kind: 'status', status: 500 }, error: /HTTP 500/ },
  { kind: 'rate-limit', spec: { kind: 'rate-limit', retryAfterSeconds: 1 }, error: /HTTP 429/ },
  { kind: 'timeout', spec: { kind: 'timeout' }, error: /timed out/ },
  { kind: 'malformed', spec: { kind: 'malformed-json' }, error: /malformed JSON/ },
  { kind: 'bot-challenge', spec: { kind: 'bot-challenge' }, error: /HTTP 403/ },
  { kind: 'empty', spec: { kind: 'empty' }, error: /empty response/ },
];

let server: FixtureServer;
let ext: LaunchedExtension;
let world: FaultWorld;
let scenarios = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  world = registerFaultWorld(server);
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
  // Unpaywall needs an email and CORE a key before they are asked at all: every source takes part.
  const settings = { ...defaultSettings(), email: 'e2e@example.org', keys: { openalex: '', core: 'e2e-core-key', semanticscholar: '' } };
  await ext.serviceWorker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [SETTINGS_KEY, settings] as const);
});

afterAll(async () => {
  console.info(`[faults] ${scenarios} fault scenarios, ${world?.served ?? 0} faulty answers served`);
  await ext?.close();
  await server?.close();
});

async function openPopupFor(doi: string): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?doi=${encodeURIComponent(doi)}`);
  return popup;
}

const text = (popup: Page) =>
  popup
    .locator('body')
    .textContent()
    .then((t) => t ?? '');
const hosts = (popup: Page) => popup.locator('.copy-host').allTextContents();
const failed = (source: SourceName) => `${SOURCE_LABELS[source]} did not answer`;

describe('each source fails in turn; the others still answer', () => {
  for (const round of ROUNDS) {
    it(`${round.kind}: the popup names the failing source, shows the others' copies, and recovers`, async () => {
      const popups = new Map<SourceName, Page>();
      for (const source of FAULT_SOURCES) world.inject(source, faultDoi(source, round.kind), round.spec);
      // One popup per failing source, opened one after the other: each lookup is its own batch.
      for (const source of FAULT_SOURCES) {
        const doi = faultDoi(source, round.kind);
        popups.set(source, await openPopupFor(doi));
        // The next popup opens only once this lookup's batch has left (else both DOIs share a request).
        await expect.poll(() => server.requests({}).some((r) => doisIn(r).includes(doi)), { timeout: 10_000 }).toBe(true);
      }
      scenarios += FAULT_SOURCES.length;

      for (const [source, popup] of popups) {
        await expect.poll(() => text(popup), { timeout: 40_000 }).toContain(failed(source));
        const shown = await text(popup);
        // The reason is named ("… did not answer (HTTP 500 …)"); the source label may or may not be repeated in it.
        expect(shown).toMatch(new RegExp(`${failed(source)} \\((?:${SOURCE_LABELS[source]}: )?[^)]*${round.error.source}`));
        for (const other of FAULT_SOURCES.filter((s) => s !== source)) expect(shown, `${source} round`).not.toContain(failed(other));
        // An index's round: the other indexes' copies. doi.org's and DataCite's rounds: no index knows the DOI.
        const others = INDEX_SOURCES.includes(source) ? INDEX_SOURCES.filter((s) => s !== source) : [];
        const expected = others.flatMap((s) => (COPY_HOST[s] ? [COPY_HOST[s]!] : []));
        if (!INDEX_SOURCES.includes(source)) expect(shown, `${source} round`).not.toContain('No free copy found');
        expect(await hosts(popup)).toEqual(expect.arrayContaining(expected));
        if (COPY_HOST[source]) expect(await hosts(popup)).not.toContain(COPY_HOST[source]);
      }

      if (round.kind === 'rate-limit') {
        // Retry-After is honoured: attempts at a rate-limited source are at least a second apart.
        for (const source of FAULT_SOURCES) {
          const doi = faultDoi(source, round.kind);
          const times = server
            .requests({ host: HOSTS[source] })
            .filter((r) => doisIn(r).includes(doi))
            .map((r) => r.at);
          expect(times.length, source).toBeGreaterThanOrEqual(2);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, source).toBeGreaterThanOrEqual(900);
        }
      }

      // The services recover: "Try again" asks afresh and gets every source's answer.
      world.clear();
      for (const [source, popup] of popups) {
        await popup.getByRole('button', { name: 'Try again' }).first().click();
        await expect.poll(() => text(popup), { timeout: 20_000 }).not.toContain('did not answer');
        if (COPY_HOST[source]) await expect.poll(() => hosts(popup), { timeout: 10_000 }).toContain(COPY_HOST[source]);
        await popup.close();
      }
      expect(ext.errors).toEqual([]);
    });
  }
});
