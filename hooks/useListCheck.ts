/**
 * The check page's state: the list being checked, its rows, the run (progress, per-source counts,
 * Cancel) and the saved last list. Each chunk's answer rebuilds only its own rows, and the page is
 * updated at most every FLUSH_MS with every chunk that came in meanwhile (two chunks in flight often
 * land together), telling the table which rows changed so that it never refilters or resorts them all.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ParsedList } from '@/utils/lists/entries';
import { rowFor, type ResultRow } from '@/utils/lists/rows';
import { checkList, type CheckProgress } from '@/utils/lists/run';
import { eachInSlices, nextTask } from '@/utils/lists/slices';
import { errorSummary, sourceLines, type SourceLine } from '@/utils/lists/tally';
import type { RowChanges } from '@/utils/lists/view';
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
  /** What each source did for this list (utils/lists/tally.ts). */
  sources: SourceLine[];
}

/** The rows shown, and which of them changed since the previous rows (null: a new list). */
export interface TableRows {
  rows: ResultRow[];
  changes: RowChanges | null;
}

const IDLE: RunState = { running: false, done: 0, total: 0, cancelled: false, errors: [], sources: [] };

/** Least time between two updates of the page while a list is checked (ms): ten a second at most. */
export const FLUSH_MS = 100;

export function useListCheck(client: CheckClient) {
  const [list, setList] = useState<ParsedList | null>(null);
  const [table, setTable] = useState<TableRows>({ rows: [], changes: null });
  const [run, setRun] = useState<RunState>(IDLE);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    client.loadLast().then((saved) => {
      if (!live || !saved) return;
      setList((current) => {
        if (current) return current;
        setTable({ rows: saved.rows, changes: null });
        setSavedAt(saved.savedAt);
        return { format: saved.format, entries: saved.entries, problems: saved.problems ?? [], duplicates: saved.duplicates ?? 0 };
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
      const positions = new Map<string, number[]>();
      entries.forEach((e, i) => {
        if (!e.key) return;
        const at = positions.get(e.key);
        if (at) at.push(i);
        else positions.set(e.key, [i]);
      });
      // `shown`: the rows the page has; `current`: with the answers since (a copy once one comes in).
      let shown: ResultRow[] = [];
      let current = shown;
      let changed: number[] = [];
      let latest: CheckProgress | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        timer = null;
        if (abort.current !== controller) return;
        if (changed.length) {
          const changes: RowChanges = { base: shown, indices: changed };
          shown = current;
          changed = [];
          setTable({ rows: shown, changes });
        }
        const p = latest;
        if (p) setRun((r) => ({ ...r, done: p.done, sources: sourceLines(p.tally, perDoi) }));
      };
      const keys = [...positions.keys()];
      setList(parsed);
      setSavedAt(null);
      setTable({ rows: [], changes: null });
      setRun({ ...IDLE, running: true, total: keys.length });
      // The click's task shows the progress bar; the rows are built in slices, the table's first
      // render has a task of its own, and the first requests go out after it: none makes a long task.
      const pending: ResultRow[] = [];
      await eachInSlices(entries.keys(), (i) => pending.push(rowFor(entries[i]!, i, undefined)), nextTask);
      if (abort.current !== controller) return;
      shown = current = pending;
      setTable({ rows: shown, changes: null });
      await nextTask();
      if (abort.current !== controller) return;
      const outcome = await checkList(
        keys,
        { send: (dois, tick) => client.lookupList(dois, tick), sleep: client.sleep, now: client.now },
        {
          perDoi,
          signal: controller.signal,
          onProgress: (p, chunk, results) => {
            if (abort.current !== controller) return;
            if (current === shown) current = shown.slice();
            for (const key of chunk) {
              for (const i of positions.get(key) ?? []) {
                current[i] = rowFor(entries[i]!, i, results.get(key));
                changed.push(i);
              }
            }
            latest = p;
            timer ??= setTimeout(flush, FLUSH_MS);
          },
        },
      );
      if (timer !== null) clearTimeout(timer);
      flush();
      if (abort.current !== controller) return;
      const finalRows = current;
      const errors = [...errorSummary(outcome.tally), ...outcome.failures.map((error) => ({ error, count: 0 }))];
      setRun({
        running: false,
        done: outcome.done,
        total: keys.length,
        cancelled: controller.signal.aborted && outcome.done < keys.length,
        errors,
        sources: sourceLines(outcome.tally, perDoi),
      });
      abort.current = null;
      const now = client.now();
      const saved = { savedAt: now, format: parsed.format, entries, rows: finalRows, duplicates: parsed.duplicates, problems: parsed.problems };
      if (await client.saveLast(saved)) setSavedAt(now);
    },
    [client],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { list, table, run, savedAt, start, cancel };
}
