/** Fake clients and tab states for the popup component tests. */
import { vi } from 'vitest';
import type { PopupClient, PopupPreferences } from '@/components/PopupApp';
import type { TabState } from '@/utils/messaging/protocol';
import type { VerifyResult } from '@/utils/links/pdf-probe';
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

/** A PDF checker that answers from a table (unknown URLs: "could not check"). */
export function verifier(table: Record<string, VerifyResult['state']>) {
  return vi.fn(async (url: string): Promise<VerifyResult> => ({ state: table[url] ?? 'unknown', detail: 'test' }));
}
