/**
 * The check page's state: the list being checked, its rows, the run (progress, Cancel) and the
 * saved last list. Rows are rebuilt from the entries and the results map after each chunk.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ParsedList } from '@/utils/lists/entries';
import { rowFor, type ResultRow } from '@/utils/lists/rows';
import { checkList, summariseErrors } from '@/utils/lists/run';
import type { LookupResult } from '@/utils/model';
import type { SavedList } from '@/utils/lists/store';
import type { ListParser } from '@/utils/lists/off-thread';

/** What the check page needs from the outside world; the entrypoint passes the real one, tests a fake. */
export interface CheckClient {
  /** Reads pasted text or an imported file into entries (off the page's thread where it can). */
  parseList: ListParser;
  /** One chunk of DOI keys through the background (`lookup:list`), results by key. */
  lookupList(dois: string[], perDoi: boolean): Promise<Record<string, LookupResult>>;
  /** The DOIs on a tab's page (`tab:dois`). */
  tabDois(tabId: number): Promise<string[]>;
  loadLast(): Promise<SavedList | null>;
  saveLast(list: SavedList): Promise<boolean>;
  copyText(text: string): Promise<void>;
  /** Offers `text` as a file download named `name`. */
  download(name: string, text: string, mime: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface RunState {
  running: boolean;
  done: number;
  total: number;
  cancelled: boolean;
  /** Per-source errors, summarised, and chunks the background could not answer. */
  errors: { error: string; count: number }[];
}

const IDLE: RunState = { running: false, done: 0, total: 0, cancelled: false, errors: [] };

export function useListCheck(client: CheckClient) {
  const [list, setList] = useState<ParsedList | null>(null);
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [run, setRun] = useState<RunState>(IDLE);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    client.loadLast().then((saved) => {
      if (!live || !saved) return;
      setList((current) => {
        if (current) return current;
        setRows(saved.rows);
        setSavedAt(saved.savedAt);
        return { format: saved.format, entries: saved.entries, problems: [], duplicates: 0 };
      });
    });
    return () => {
      live = false;
    };
  }, [client]);

  const start = useCallback(
    async (parsed: ParsedList, perDoi: boolean) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const { entries } = parsed;
      // Each chunk's answer updates only its own rows: a 10,000-row list never rebuilds them all.
      const positions = new Map<string, number[]>();
      entries.forEach((e, i) => e.key && positions.set(e.key, [...(positions.get(e.key) ?? []), i]));
      let current = entries.map((e, i) => rowFor(e, i, undefined));
      const update = (results: Map<string, LookupResult>, chunk: readonly string[]) => {
        const next = current.slice();
        for (const key of chunk) for (const i of positions.get(key) ?? []) next[i] = rowFor(entries[i]!, i, results.get(key));
        current = next;
        return next;
      };
      setList(parsed);
      setSavedAt(null);
      setRows(current);
      const keys = [...new Set(entries.map((e) => e.key).filter((k): k is string => k !== null))];
      setRun({ ...IDLE, running: true, total: keys.length });
      const outcome = await checkList(
        keys,
        { send: (dois, tick) => client.lookupList(dois, tick), sleep: client.sleep, now: client.now },
        {
          perDoi,
          signal: controller.signal,
          onProgress: (p, chunk) => {
            if (abort.current !== controller) return;
            setRows(update(p.results, chunk));
            setRun((r) => ({ ...r, done: p.done }));
          },
        },
      );
      if (abort.current !== controller) return;
      const finalRows = current;
      const errors = [...summariseErrors(outcome.results.values()), ...outcome.failures.map((error) => ({ error, count: 0 }))];
      setRows(finalRows);
      setRun({ running: false, done: outcome.done, total: keys.length, cancelled: controller.signal.aborted && outcome.done < keys.length, errors });
      abort.current = null;
      const now = client.now();
      if (await client.saveLast({ savedAt: now, format: parsed.format, entries, rows: finalRows })) setSavedAt(now);
    },
    [client],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { list, rows, run, savedAt, start, cancel };
}
