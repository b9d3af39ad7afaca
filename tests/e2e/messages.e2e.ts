/**
 * Message security in a real Chromium (issue 8): a web page that tries every way to talk to the
 * extension (window messages, DOM events, chrome.runtime with our real id) triggers no lookup and
 * reads nothing; our own popup page gets an error reply for unknown or malformed messages.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API_HOSTS, launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension } from '../../harness';
import { fakeMessagesPage } from '../fixtures/hostile/pages';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const FAKE_DOI = '10.5555/fake.message.1';

let server: FixtureServer;
let ext: LaunchedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('messages', () => {
  it('a web page posting fake extension messages triggers no lookup and reads nothing', async () => {
    const url = 'https://fake-messages.example/';
    server.page(url, fakeMessagesPage(ext.extensionId, FAKE_DOI));
    server.resetCounts();
    const page = await ext.openPage(url);
    await page.waitForTimeout(1_000);
    const probe = (await page.evaluate(() => (window as unknown as { __greenwayProbe: Array<Record<string, unknown>> }).__greenwayProbe)) ?? [];
    expect(probe.length).toBeGreaterThan(0);
    // No runtime to talk to (no externally_connectable), no storage to read.
    for (const entry of probe) {
      if ('reply' in entry) expect(entry.reply).toBeNull();
      if ('storage' in entry) expect(entry.storage).toBe('undefined');
    }
    expect(probe.some((e) => e.runtime === 'absent' || 'threw' in e)).toBe(true);
    const asked = API_HOSTS.flatMap((host) => server.requests({ host })).filter((r) => `${decodeURIComponent(r.path)} ${r.body}`.includes(FAKE_DOI));
    expect(asked).toEqual([]);
    expect(await page.locator('#out').textContent()).toBe('working');
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  it('our own pages get an error reply for unknown and malformed messages, and an answer for valid ones', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=999999`);
    const replies = await popup.evaluate(async () =>
      Promise.all(
        [
          { type: 'nope' },
          { type: 'lookup:doi', doi: 42 },
          { type: 'lookup:doi', doi: 'x'.repeat(400) },
          { type: 'lookup:many', dois: 'not-a-list' },
          { type: 'tab:get', tabId: -1 },
          'just a string',
          null,
          { type: 'tab:get', tabId: 999999 },
        ].map((m) => chrome.runtime.sendMessage(m).catch((e: unknown) => ({ rejected: String(e) }))),
      ),
    );
    const [nope, wrongType, tooLong, notList, negative, str, nul, valid] = replies as Array<{ ok?: boolean; error?: string; data?: unknown }>;
    expect(nope).toEqual({ ok: false, error: 'Malformed or unknown message "nope"' });
    for (const reply of [wrongType, tooLong, notList, negative])
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed or unknown message/) });
    expect(str).toEqual({ ok: false, error: 'Malformed message' });
    expect(nul).toEqual({ ok: false, error: 'Malformed message' });
    expect(valid).toEqual({ ok: true, data: null });
    await popup.close();
    expect(ext.errors).toEqual([]);
  });
});
