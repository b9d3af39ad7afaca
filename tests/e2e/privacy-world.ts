/**
 * Shared pieces of the privacy, options and request-audit e2e tests: a tab's state as the background
 * recorded it, a plain reference list, and an OpenAlex table that knows the synthetic DOIs and the
 * recorded BMC works.
 */
import { loadOpenAlexWorks, type WorkTable } from '../../harness';
import type { DrivenExtension } from '../../harness/driven';
import { syntheticIsOpen, syntheticListPage, workTable } from '../../harness/badges-world';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

export interface TabSummary {
  /** The article DOI the content script reported, or null. */
  doi: string | null;
  pageDoiCount: number;
  /** idle | loading | done | error */
  lookup: string;
}

/** What the background knows about a tab (null before the content script's first report). */
export async function tabSummary(ext: DrivenExtension, tabId: number): Promise<TabSummary | null> {
  return ext.inExtension(async (id) => {
    const state = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as
      { article: { doi: string } | null; pageDoiCount: number; lookup: { state: string } } | undefined;
    return state ? { doi: state.article?.doi ?? null, pageDoiCount: state.pageDoiCount, lookup: state.lookup.state } : null;
  }, tabId);
}

/**
 * A reference list of `count` DOIs without the running-text paragraph of `syntheticListPage`: the
 * labelled-text detector reads that paragraph's "doi:…" as the page's own article, and these pages
 * are meant to have none.
 */
export function plainReferenceList(count: number, title: string): string {
  return syntheticListPage(count, title).replace(/<p id="prose">.*?<\/p>/s, '');
}

/** OpenAlex works for synthetic DOIs (open or closed by their number, see badges-world) plus the recorded BMC world. */
export function syntheticAndRecordedWorks(numbered: ReadonlyMap<string, number>): WorkTable {
  const table = workTable(numbered.keys(), (doi) => syntheticIsOpen(numbered.get(doi.toLowerCase()) ?? 1));
  for (const [doi, work] of loadOpenAlexWorks()) table.set(doi, work);
  return table;
}
