/**
 * The check page's state: the list being checked, its rows, the run (progress, Cancel) and the
 * saved last list. Rows are rebuilt from the entries and the results map after each chunk.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ParsedList } from '@/utils/lists/entries';
import { rowFor, type ResultRow } from '@/utils/lists/rows';
import { checkList, summariseErrors } from '@/utils/lists/run';
import type { LookupResult } from '@/utils/model';
import type { CheckClient } from '@/components/check/client';

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
      const build = (results: Map<string, LookupResult>) => entries.map((e, i) => rowFor(e, i, e.key ? results.get(e.key) : undefined));
      setList(parsed);
      setSavedAt(null);
      setRows(build(new Map()));
      const keys = [...new Set(entries.map((e) => e.key).filter((k): k is string => k !== null))];
      setRun({ ...IDLE, running: true, total: keys.length });
      const outcome = await checkList(
        keys,
        { send: (dois, tick) => client.lookupList(dois, tick), sleep: client.sleep, now: client.now },
        {
          perDoi,
          signal: controller.signal,
          onProgress: (p) => {
            if (abort.current !== controller) return;
            setRows(build(p.results));
            setRun((r) => ({ ...r, done: p.done }));
          },
        },
      );
      if (abort.current !== controller) return;
      const finalRows = build(outcome.results);
      const errors = [...summariseErrors(outcome.results.values()), ...outcome.failures.map((error) => ({ error, count: 0 }))];
      setRows(finalRows);
      setRun({ running: false, done: outcome.done, total: keys.length, cancelled: controller.signal.aborted, errors });
      abort.current = null;
      const now = client.now();
      if (await client.saveLast({ savedAt: now, format: parsed.format, entries, rows: finalRows })) setSavedAt(now);
    },
    [client],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { list, rows, run, savedAt, start, cancel };
}
