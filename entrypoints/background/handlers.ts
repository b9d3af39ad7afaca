/**
 * What the background does with each validated message. Pure wiring over injected parts (engine, tab
 * store, toolbar), so that it is unit-tested without a browser; entrypoints/background.ts only
 * connects it to the real APIs.
 */
import type { IdLookup, LookupManyOptions } from '../../utils/engine';
import type { ProgressListener } from '../../utils/engine/progress';
import type { OtherIdKind } from '../../utils/model/typed-id';
import { parsePmcid, parsePmid } from '../../utils/model/identifiers';
import { doiKey } from '../../utils/model/doi';
import type { Handlers } from '../../utils/messaging/router';
import type { LookupResult } from '../../utils/model';
import type { TabState } from '../../utils/messaging/protocol';
import type { TabStore } from './tab-state';
import type { LinkChecker } from './link-check';
import type { ProgressStore } from './lookup-progress';
import { answerBadges } from './badge-answers';

export interface LookupPort {
  lookup(doi: string, options?: { force?: boolean; immediate?: boolean; onProgress?: ProgressListener }): Promise<LookupResult>;
  lookupMany(dois: string[], options?: LookupManyOptions & { onProgress?: ProgressListener }): Promise<Map<string, LookupResult>>;
  /** The cached result, if fresh; never touches the network. */
  peekCached(doi: string, options?: LookupManyOptions): Promise<LookupResult | null>;
  /** The DOI of a typed PMID or PMCID (utils/engine/id-map.ts). */
  mapId(kind: OtherIdKind, id: string): Promise<IdLookup>;
}

export interface BackgroundDeps {
  engine: LookupPort;
  tabs: TabStore;
  /** Repaints the toolbar icon of a tab from its state. */
  showTabState(tabId: number, state: TabState | null): Promise<void>;
  /** Privacy mode is "only when I open the popup": then page reports never trigger a lookup. */
  autoLookup(): Promise<boolean>;
  /** The link checker (./link-check.ts); absent = every link "Could not check". */
  links?: LinkChecker;
  /** The DOIs the tab's content script found on its page (validated); [] when it cannot answer. */
  tabDois?(tabId: number): Promise<string[]>;
  /** Where a popup waiting for `lookup:doi` reads the answer so far (./lookup-progress.ts). */
  progress?: ProgressStore;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { engine, tabs, showTabState } = deps;

  /** Looks the tab's article up and records each step in the tab state (and on the toolbar). */
  /** `immediate` when the popup waits for the answer; page reports may share the batch window. */
  /** Each answer so far goes into the tab state too: the toolbar shows the first copy found at once. */
  async function lookupForTab(
    tabId: number,
    doi: string,
    options: { force?: boolean; immediate?: boolean; onProgress?: ProgressListener } = {},
  ): Promise<LookupResult> {
    const loading = await tabs.setLookup(tabId, doi, { state: 'loading' });
    if (loading) await showTabState(tabId, loading);
    const onProgress: ProgressListener = (update) => {
      options.onProgress?.(update);
      tabs.setPartial(tabId, doi, update.result, update.pending).then(
        (state) => state && showTabState(tabId, state),
        () => undefined,
      );
    };
    try {
      const result = await engine.lookup(doi, { force: options.force ?? false, immediate: options.immediate ?? false, onProgress });
      const done = await tabs.setLookup(tabId, doi, { state: 'done', result });
      // A DOI built from a platform id by rule (`derived`) that doi.org does not know was never the
      // article's: the page has no article DOI.
      if (done?.article?.derived && result.status === 'unregistered') {
        await showTabState(tabId, await tabs.detected(tabId, null, done.pageDoiCount, done.pageUrl));
      } else if (done) await showTabState(tabId, done);
      return result;
    } catch (error) {
      const failed = await tabs.setLookup(tabId, doi, { state: 'error', error: errorText(error) });
      if (failed) await showTabState(tabId, failed);
      throw error;
    }
  }

  return {
    async 'page:detected'(message, sender) {
      // Only the top frame speaks for the tab: a DOI in an embedded frame (an ad, a widget) is not the article.
      if (sender.tabId === null || sender.frameId !== 0) return null;
      const tabId = sender.tabId;
      const pageUrl = typeof sender.url === 'string' && /^https?:\/\//.test(sender.url) && sender.url.length <= 4096 ? sender.url : undefined;
      // A discussed paper is stored for the popup only: no automatic lookup, and the toolbar icon shows the page's own article alone.
      const state = await tabs.detected(tabId, message.article, message.pageDoiCount, pageUrl, message.discussedDoi ?? null);
      await showTabState(tabId, state);
      if (state.article && state.lookup.state === 'idle' && (await deps.autoLookup())) {
        // Fire and forget: the content script does not wait, the popup reads the tab state.
        lookupForTab(tabId, state.article.doi).catch(() => undefined);
      }
      return null;
    },
    async 'lookup:many'(message, sender) {
      // Badges (content scripts) ask only the batched sources: a list of 150 references must not
      // cost 150 requests each to Unpaywall and CORE. Extension pages, and a page's own article
      // (one DOI, the same lookup the tab report starts), get every source.
      const articleOnly = message.article === true && message.dois.length === 1;
      const scope = sender.kind === 'content' && !articleOnly ? 'batched' : 'full';
      // In privacy mode a page (badges) gets only what is already cached: no request leaves the
      // browser until the user opens the popup.
      if (sender.kind === 'content' && !(await deps.autoLookup())) {
        const cached = await Promise.all(message.dois.map(async (doi) => [doi, await engine.peekCached(doi, { scope })] as const));
        return Object.fromEntries(cached.filter((entry): entry is readonly [string, LookupResult] => entry[1] !== null));
      }
      const results = await engine.lookupMany(message.dois, { scope });
      return Object.fromEntries(results);
    },
    async 'lookup:badges'(message) {
      // Privacy mode: what is cached, nothing more (no request before the popup opens).
      if (!(await deps.autoLookup())) {
        const cached = await Promise.all(message.dois.map(async (doi) => [doi, await engine.peekCached(doi, { scope: 'batched' })] as const));
        return { results: Object.fromEntries(cached.filter((entry): entry is readonly [string, LookupResult] => entry[1] !== null)), unfinished: [] };
      }
      return answerBadges(engine, message.dois, { final: message.final === true });
    },
    async 'tab:get'(message) {
      return tabs.get(message.tabId);
    },
    async 'lookup:doi'(message) {
      // The popup waits for this answer: what the sources say meanwhile goes where it reads it.
      const key = doiKey(message.doi);
      const store = key ? deps.progress : undefined;
      const onProgress: ProgressListener | undefined = store && key ? (update) => store.set(key, update) : undefined;
      try {
        if (message.tabId !== undefined) {
          const state = await tabs.get(message.tabId);
          if (state?.article && state.article.doi.toLowerCase() === message.doi.toLowerCase()) {
            return await lookupForTab(message.tabId, state.article.doi, { force: message.force ?? false, immediate: true, onProgress });
          }
        }
        return await engine.lookup(message.doi, { force: message.force ?? false, immediate: true, onProgress });
      } finally {
        if (store && key) store.clear(key);
      }
    },
    async 'lookup:id'({ kind, id }) {
      // The schema admits either shape for either kind: a PMCID sent as a PMID is refused, not asked.
      const canonical = kind === 'pmid' ? parsePmid(id) : parsePmcid(id);
      if (canonical !== id) throw new Error(`"${id}" is not a ${kind === 'pmid' ? 'PMID' : 'PMCID'}`);
      return engine.mapId(kind, id);
    },
    async 'lookup:list'(message) {
      // A list check is a click on "Check": it runs in privacy mode too. Batched sources unless the
      // user ticked the per-DOI ones for this list.
      const results = await engine.lookupMany(message.dois, { scope: message.perDoi ? 'full' : 'batched' });
      return Object.fromEntries(results);
    },
    async 'tab:dois'(message) {
      return deps.tabDois ? deps.tabDois(message.tabId) : [];
    },
    async 'check:link'({ url, expect, doi, title, archive }) {
      if (!deps.links) return { state: 'unknown', detail: 'no checker', finalUrl: null, samePaper: 'unknown' };
      return deps.links.check({ url, expect, doi, title, ...(archive === false ? { archive } : {}) });
    },
    async 'check:archive'({ url }) {
      return deps.links ? deps.links.archive(url) : null;
    },
  };
}
