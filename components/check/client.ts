/** What the check page needs from the outside world; the entrypoint passes the real one, tests a fake. */
import type { LookupResult } from '@/utils/model';
import type { SavedList } from '@/utils/lists/store';

export interface CheckClient {
  /** One chunk of DOI keys through the background (`lookup:list`), results by key. */
  lookupList(dois: string[], perDoi: boolean): Promise<Record<string, LookupResult>>;
  /** The DOIs on a tab's page (`tab:dois`). */
  tabDois(tabId: number): Promise<string[]>;
  loadLast(): Promise<SavedList | null>;
  saveLast(list: Omit<SavedList, 'version'>): Promise<boolean>;
  copyText(text: string): Promise<void>;
  /** Offers `text` as a file download named `name`. */
  download(name: string, text: string, mime: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
}
