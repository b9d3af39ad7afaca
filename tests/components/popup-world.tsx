/** Fake clients and tab states for the popup component tests. */
import { vi } from 'vitest';
import type { PopupClient, PopupPreferences } from '@/components/PopupApp';
import type { TabState } from '@/utils/messaging/protocol';
import type { CheckedLink, LinkCheckTarget } from '@/utils/links/link-check';
import { BMC_DOI, foundResult } from '../fixtures/results';

export const article = { doi: BMC_DOI, evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };

export const tabState = (lookup: TabState['lookup']): TabState => ({ tabId: 3, article, pageDoiCount: 1, lookup, updatedAt: 0 });

export const noPreferences: PopupPreferences = {
  discovery: [],
  library: { openUrlBase: '', illUrlTemplate: '', preferredInstitution: '' },
};

export type FakeClient = PopupClient & { copied: string[] };

export function fakeClient(state: TabState | null, overrides: Partial<PopupClient> = {}): FakeClient {
  const copied: string[] = [];
  return {
    copied,
    getTab: vi.fn(async () => state),
    lookup: vi.fn(async (doi: string) => foundResult({ doi })),
    copyText: vi.fn(async (text: string) => {
      copied.push(text);
    }),
    ...overrides,
  };
}

/** A link checker that answers from a table of URL → state or whole answer (unknown URLs: "could not check"). */
export function checker(table: Record<string, CheckedLink['state'] | Partial<CheckedLink>>) {
  return vi.fn(async ({ url }: LinkCheckTarget): Promise<CheckedLink> => {
    const row = table[url] ?? 'unknown';
    const answer = typeof row === 'string' ? { state: row } : row;
    return { detail: 'test', finalUrl: url, samePaper: 'unknown', ...answer } as CheckedLink;
  });
}

/** The best copy's lead (its heading) for the fixtures' UCL Discovery copy. */
export const UCL_LEAD = 'Free to read: published version, CC BY 4.0, at UCL Discovery';
