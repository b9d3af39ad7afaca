/** The real CheckClient: the background through validated messages, storage.local, clipboard, downloads. */
import { browser } from 'wxt/browser';
import type { CheckClient } from '@/hooks/useListCheck';
import { sendRequest } from '@/utils/messaging/client';
import { LookupResult } from '@/utils/model';
import { loadLastList, saveLastList } from '@/utils/lists/store';
import { downloadText } from '@/utils/view/download';
import { createListParser } from '@/utils/lists/off-thread';
import { eachInSlices, nextTask } from '@/utils/lists/slices';

/**
 * Replies are checked again here: a result that does not match the schema is dropped (its DOI stays
 * "Not checked"). A chunk's 100 results are parsed in slices (utils/lists/slices.ts), so checking
 * them never makes one long task on a page that is filling a table.
 */
async function validResults(data: Record<string, unknown>): Promise<Record<string, LookupResult>> {
  const out: Record<string, LookupResult> = {};
  await eachInSlices(
    Object.entries(data),
    ([key, value]) => {
      const parsed = LookupResult.safeParse(value);
      if (parsed.success) out[key] = parsed.data;
    },
    nextTask,
  );
  return out;
}

/**
 * The list parser's worker. Written as `new Worker(new URL(…, import.meta.url))` so that the build
 * bundles ./parse-worker.ts as a worker script of the extension's own origin.
 */
const spawnParser = () => new Worker(new URL('../../utils/lists/parse-worker.ts', import.meta.url), { type: 'module' });

export function createCheckClient(doc: Document = document): CheckClient {
  return {
    parseList: createListParser(typeof Worker === 'undefined' ? null : spawnParser),
    lookupList: async (dois, perDoi) => validResults(await sendRequest({ type: 'lookup:list', dois, perDoi })),
    tabDois: (tabId) => sendRequest({ type: 'tab:dois', tabId }),
    loadLast: () => loadLastList(browser.storage.local),
    saveLast: (list) => saveLastList(browser.storage.local, list),
    copyText: (text) => navigator.clipboard.writeText(text),
    download: (name, text, mime) => downloadText(doc, name, text, `${mime};charset=utf-8`),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
}
