/**
 * Damaged state in a real Chromium (issue 8): corrupt and outdated cache entries, corrupt settings,
 * a full storage (quota exceeded), and the service worker stopped in the middle of a lookup while
 * the popup waits. In each case the reader still gets an answer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';
import { doisIn, registerFaultWorld, shownHosts } from './faults-world';
import { SETTINGS_KEY } from '../../utils/settings/schema';

declare const chrome: {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string | null): Promise<Record<string, unknown>>;
      getBytesInUse(keys: null): Promise<number>;
      QUOTA_BYTES: number;
    };
  };
};

let server: FixtureServer;
let ext: LaunchedExtension;

const stateDoi = (name: string) => `10.5555/fault.state.${name}.r0`;

beforeAll(async () => {
  server = await startFixtureServer();
  registerFaultWorld(server);
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function popupFor(doi: string): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?doi=${encodeURIComponent(doi)}`);
  return popup;
}

/** Where the fault world's OpenAlex answer has its copy (the same host for every DOI). */
const OPENALEX_HOST = shownHosts(['openalex'], stateDoi('any'))[0]!;

/** The popup ends up showing the OpenAlex copy of the fault world (the reader got an answer). */
async function expectAnswer(popup: Page): Promise<void> {
  const hosts = () => popup.locator('article[data-host]').evaluateAll((copies) => copies.map((c) => c.getAttribute('data-host') ?? ''));
  await expect.poll(hosts, { timeout: 30_000 }).toContain(OPENALEX_HOST);
  expect(await popup.locator('body').textContent()).not.toContain('The lookup failed');
}

const local = {
  set: (items: Record<string, unknown>) => ext.serviceWorker.evaluate((i) => chrome.storage.local.set(i), items),
};

describe('damaged state', () => {
  it('corrupt and outdated cache entries are dropped and looked up again', async () => {
    const doi = stateDoi('cache');
    await local.set({
      [`greenway:lookup:v1:${doi}`]: { v: 1, savedAt: 0, expiresAt: 9e15, signature: 'openalex', result: { doi, copies: 'javascript:alert(1)' } },
      'greenway:lookup-index:v1': 'not an index',
      [`greenway:lookup:v0:${doi}`]: '<old format>',
    });
    const popup = await popupFor(doi);
    await expectAnswer(popup);
    await popup.close();
    expect(ext.errors).toEqual([]);
  });

  it('corrupt settings (wrong types, unknown version) still give an answer', async () => {
    await local.set({ [SETTINGS_KEY]: { version: 99, email: 42, sources: 'all', keys: null, badges: [] } });
    const popup = await popupFor(stateDoi('settings'));
    await expectAnswer(popup);
    await popup.close();
    await local.set({ [SETTINGS_KEY]: '{"truncated": ' });
    const again = await popupFor(stateDoi('settings2'));
    await expectAnswer(again);
    await again.close();
    expect(ext.errors).toEqual([]);
  });

  it('a full storage.local (quota exceeded) still gives an answer, just not cached', async () => {
    const filled = await ext.serviceWorker.evaluate(async () => {
      const chunk = 'x'.repeat(512 * 1024);
      let i = 0;
      for (; i < 100; i++) {
        try {
          await chrome.storage.local.set({ [`filler:${i}`]: chunk });
        } catch {
          break;
        }
      }
      return { chunks: i, bytes: await chrome.storage.local.getBytesInUse(null), quota: chrome.storage.local.QUOTA_BYTES };
    });
    expect(filled.chunks).toBeLessThan(100);
    const doi = stateDoi('quota');
    const popup = await popupFor(doi);
    await expectAnswer(popup);
    await popup.close();
    expect(ext.errors).toEqual([]);
    // Free the space again for the next scenario.
    await ext.serviceWorker.evaluate(async (n) => {
      for (let i = 0; i < n; i++) await (chrome.storage.local as unknown as { remove(k: string): Promise<void> }).remove(`filler:${i}`);
    }, filled.chunks);
  });

  it('the service worker stopped in the middle of a lookup: the open popup still gets its answer', async () => {
    const doi = stateDoi('worker-stop');
    // OpenAlex answers this DOI slowly the first time, so the worker is stopped with the lookup in flight.
    let slowOnce = true;
    server.api(apiHost('openalex'), /fault\.state\.worker-stop/, async (req) => {
      if (slowOnce) {
        slowOnce = false;
        await new Promise((r) => setTimeout(r, 3_000));
      }
      const id = doisIn(req)[0] ?? doi;
      return {
        json: {
          id: 'https://openalex.org/W1',
          doi: `https://doi.org/${id}`,
          display_name: 'Worker stop',
          open_access: { is_oa: true, oa_status: 'green' },
          locations: [
            {
              is_oa: true,
              landing_page_url: 'https://alpha-repo.example/record/ws',
              pdf_url: null,
              source: { display_name: 'Alpha Repository', type: 'repository' },
              version: 'acceptedVersion',
            },
          ],
        },
      };
    });
    const popup = await popupFor(doi);
    await expect.poll(() => server.requests({ host: apiHost('openalex') }).some((r) => doisIn(r).includes(doi)), { timeout: 10_000 }).toBe(true);
    const cdp = await ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await expectAnswer(popup);
    await popup.close();
    // The popup retried on the dropped channel (utils/send.ts): OpenAlex was asked again by the new worker.
    expect(server.requests({ host: apiHost('openalex') }).filter((r) => doisIn(r).includes(doi)).length).toBeGreaterThanOrEqual(2);
    expect(ext.errors).toEqual([]);
  });
});
