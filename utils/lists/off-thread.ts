/**
 * Parses a pasted or imported list in a Web Worker (./parse-worker.ts), so the check page stays
 * responsive while thousands of entries are read, and falls back to parsing on the page in slices
 * when no worker can run (no Worker constructor, a worker that fails to load). The worker is our own
 * script on our own origin: only it can post to this channel, so its replies get a shape check, not
 * a schema parse of every entry (that would cost the page the time the worker saved).
 */
import type { ParsedList } from './entries';
import { parseList } from './parse';
import { nextTask } from './slices';

/** A file (read inside the worker, so its text never passes through the page) or pasted text. */
export type ParseInput = Blob | string;

export interface ParseRequest {
  id: number;
  input: ParseInput;
  /** The file name ('' for pasted text): it helps to tell the format. */
  name: string;
}

export type ParseReply = { id: number; list: ParsedList } | { id: number; error: string };

export function isParseRequest(value: unknown): value is ParseRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, input, name } = value as Record<string, unknown>;
  return typeof id === 'number' && typeof name === 'string' && (typeof input === 'string' || (typeof Blob !== 'undefined' && input instanceof Blob));
}

function isParseReply(value: unknown): value is ParseReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (typeof reply.id !== 'number') return false;
  if (typeof reply.error === 'string') return true;
  const list = reply.list as Record<string, unknown> | undefined;
  return typeof list === 'object' && list !== null && Array.isArray(list.entries) && Array.isArray(list.problems) && typeof list.duplicates === 'number';
}

/** Parses a list; never rejects for bad input (see parseList), rejects only when the input cannot be read. */
export type ListParser = (input: ParseInput, name: string) => Promise<ParsedList>;

/** Parsing on the page, a slice at a time: the fallback, and the parser where there are no workers. */
export const parseOnPage: ListParser = async (input, name) => parseList(typeof input === 'string' ? input : await input.text(), name, nextTask);

/**
 * A ListParser that uses one worker from `spawn` (created on first use, kept for later lists). If the
 * worker cannot be created or reports an error event (a script that failed to load), that parse and
 * every later one run on the page instead.
 */
export function createListParser(spawn: (() => Worker) | null): ListParser {
  let worker: Worker | null = null;
  let broken = spawn === null;
  let nextId = 1;
  const waiting = new Map<number, { resolve(list: ParsedList): void; reject(error: Error): void; input: ParseInput; name: string }>();

  const giveUp = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    // Whatever was sent to the dead worker is parsed here instead.
    for (const [id, job] of waiting) {
      waiting.delete(id);
      parseOnPage(job.input, job.name).then(job.resolve, job.reject);
    }
  };

  const start = (): Worker | null => {
    if (worker || broken || !spawn) return worker;
    try {
      worker = spawn();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isParseReply(reply)) return;
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.list);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      giveUp();
    };
    worker.onmessageerror = () => giveUp();
    return worker;
  };

  return (input, name) => {
    const w = start();
    if (!w) return parseOnPage(input, name);
    return new Promise<ParsedList>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject, input, name });
      w.postMessage({ id, input, name } satisfies ParseRequest);
    });
  };
}
