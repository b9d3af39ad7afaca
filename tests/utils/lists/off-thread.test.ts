/**
 * The worker-backed list parser: replies matched to requests by id, a file read inside the worker,
 * and parsing on the page when the worker cannot be made or fails to load.
 */
import { describe, expect, it, vi } from 'vitest';
import { createListParser, isParseRequest, type ParseReply } from '@/utils/lists/off-thread';
import { parseList } from '@/utils/lists/parse';

/** A stand-in for a dedicated worker running ./parse-worker.ts: answers requests out of order. */
class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: unknown[] = [];
  terminate = vi.fn();
  postMessage(message: unknown) {
    this.posted.push(message);
    if (!isParseRequest(message)) throw new Error('not a parse request');
    const { id, input, name } = message;
    // Later requests answer first: replies must find their own callers.
    setTimeout(
      async () => {
        const text = typeof input === 'string' ? input : await input.text();
        const reply: ParseReply = { id, list: await parseList(text, name) };
        this.onmessage?.({ data: reply } as MessageEvent<unknown>);
      },
      id === 1 ? 20 : 0,
    );
  }
  fail() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

describe('createListParser', () => {
  it('parses in the worker, one worker for many lists, each reply to its own caller; files are sent as they are', async () => {
    const workers: FakeWorker[] = [];
    const parse = createListParser(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const file = new Blob(['@article{a, doi = {10.5555/file.1}}\n@book{b, title = {No DOI}}'], { type: 'application/x-bibtex' });
    const [first, second] = await Promise.all([parse('10.5555/pasted.1 and 10.5555/pasted.2', ''), parse(file, 'refs.bib')]);
    expect(workers).toHaveLength(1);
    expect(first.entries.map((e) => e.key)).toEqual(['10.5555/pasted.1', '10.5555/pasted.2']);
    expect(second.format).toBe('bibtex');
    expect(second.entries.map((e) => e.key)).toEqual(['10.5555/file.1', null]);
    expect(workers[0]!.posted[1]).toMatchObject({ input: file, name: 'refs.bib' });
  });

  it('parses on the page when no worker can be made, or when the worker fails to load', async () => {
    const none = createListParser(null);
    expect((await none('10.5555/x', '')).entries).toHaveLength(1);
    const throwing = createListParser(() => {
      throw new Error('workers are not allowed here');
    });
    expect((await throwing('10.5555/y', '')).entries[0]!.key).toBe('10.5555/y');

    const dead = new FakeWorker();
    dead.postMessage = function (message: unknown) {
      this.posted.push(message);
      setTimeout(() => this.fail(), 0);
    };
    const spawn = vi.fn(() => dead as unknown as Worker);
    const parse = createListParser(spawn);
    expect((await parse('10.5555/z', '')).entries[0]!.key).toBe('10.5555/z');
    expect(dead.terminate).toHaveBeenCalled();
    // Later lists go straight to the page: no second worker, nothing more posted.
    expect((await parse('10.5555/w', '')).entries[0]!.key).toBe('10.5555/w');
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(dead.posted).toHaveLength(1);
  });

  it('ignores messages that are not replies to a request it made', async () => {
    let worker: FakeWorker | undefined;
    const parse = createListParser(() => (worker = new FakeWorker()) as unknown as Worker);
    const pending = parse('10.5555/a', '');
    worker!.onmessage?.({ data: { id: 99, list: { entries: [], problems: [], duplicates: 0 } } } as MessageEvent<unknown>);
    worker!.onmessage?.({ data: 'hello' } as MessageEvent<unknown>);
    expect((await pending).entries.map((e) => e.key)).toEqual(['10.5555/a']);
  });
});
