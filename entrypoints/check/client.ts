/** The real CheckClient: the background through validated messages, storage.local, clipboard, downloads. */
import { browser } from 'wxt/browser';
import type { CheckClient } from '@/hooks/useListCheck';
import { sendRequest } from '@/utils/messaging/client';
import { LookupResult } from '@/utils/model';
import { loadLastList, saveLastList } from '@/utils/lists/store';
import { downloadText } from '@/utils/view/download';

/** Replies are checked again here: a result that does not match the schema is dropped (its DOI stays "Not checked"). */
function validResults(data: Record<string, unknown>): Record<string, LookupResult> {
  const out: Record<string, LookupResult> = {};
  for (const [key, value] of Object.entries(data)) {
    const parsed = LookupResult.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

export function createCheckClient(doc: Document = document): CheckClient {
  return {
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
