import { describe, expect, it, vi } from 'vitest';
import { createLookupQueue } from '@/entrypoints/content/badges/queue';
import type { LookupResult } from '@/utils/model';
import { closedResult, foundResult } from '../../../fixtures/results';

/** A manual timer: tests decide when the collection window ends. */
function manualTimer() {
  const callbacks: Array<() => void> = [];
  return {
    setTimer: (cb: () => void) => void callbacks.push(cb),
    fire: () => callbacks.splice(0).forEach((cb) => cb()),
  };
}

function echoSend() {
  const calls: string[][] = [];
  const send = vi.fn(async (dois: string[]) => {
    calls.push(dois);
    return { results: Object.fromEntries(dois.map((doi) => [doi, closedResult({ doi })])) as Record<string, LookupResult> };
  });
  return { send, calls };
}

describe('createLookupQueue', () => {
  it('collects DOIs asked for within the window into one message', async () => {
    const timer = manualTimer();
    const { send, calls } = echoSend();
    const queue = createLookupQueue({ send, setTimer: timer.setTimer });
    const a = queue.request('10.1000/a');
    const b = queue.request('10.1000/b');
    expect(send).not.toHaveBeenCalled();
    timer.fire();
    expect(calls).toEqual([['10.1000/a', '10.1000/b']]);
    expect((await a)?.doi).toBe('10.1000/a');
    expect((await b)?.doi).toBe('10.1000/b');
  });

  it("by default sends a full batch of 100 DOIs at once and never more per message (OpenAlex's filter limit)", () => {
    // No maxBatch: the badges runtime (start.ts) relies on the default.
    const timer = manualTimer();
    const { calls, send } = echoSend();
    const queue = createLookupQueue({ send, setTimer: timer.setTimer });
    for (let i = 0; i < 99; i++) void queue.request(`10.1000/n${i}`);
    expect(send).not.toHaveBeenCalled();
    void queue.request('10.1000/n99');
    expect(calls.map((c) => c.length)).toEqual([100]);
    for (let i = 100; i < 250; i++) void queue.request(`10.1000/n${i}`);
    expect(calls.map((c) => c.length)).toEqual([100, 100]);
    timer.fire();
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(queue.sentMessages()).toBe(3);
  });

  it('honours a smaller maxBatch when given one', () => {
    const timer = manualTimer();
    const { calls, send } = echoSend();
    const queue = createLookupQueue({ send, setTimer: timer.setTimer, maxBatch: 30 });
    for (let i = 0; i < 70; i++) void queue.request(`10.1000/n${i}`);
    expect(calls.map((c) => c.length)).toEqual([30, 30]);
    timer.fire();
    expect(calls.map((c) => c.length)).toEqual([30, 30, 10]);
  });

  it('asks for each DOI once per page, case-insensitively, sharing the answer', async () => {
    const timer = manualTimer();
    const { calls, send } = echoSend();
    const queue = createLookupQueue({ send, setTimer: timer.setTimer });
    const first = queue.request('10.1000/ABC');
    const second = queue.request('10.1000/abc');
    timer.fire();
    expect(await first).toBe(await second);
    void queue.request('10.1000/Abc');
    timer.fire();
    expect(calls).toEqual([['10.1000/ABC']]);
    expect(queue.has('10.1000/aBC')).toBe(true);
  });

  it('resolves with null when the message fails or the reply lacks a DOI', async () => {
    const timer = manualTimer();
    const failing = createLookupQueue({ send: async () => Promise.reject(new Error('no background')), setTimer: timer.setTimer });
    const lost = failing.request('10.1000/x');
    const throwing = createLookupQueue({
      send: () => {
        throw new Error('context invalidated');
      },
      setTimer: timer.setTimer,
    });
    const thrown = throwing.request('10.1000/y');
    const partial = createLookupQueue({ send: async () => ({ results: {} }), setTimer: timer.setTimer });
    const missing = partial.request('10.1000/z');
    timer.fire();
    expect(await lost).toBeNull();
    expect(await thrown).toBeNull();
    expect(await missing).toBeNull();
  });

  it('progressive: shows a copy found so far at once, asks the unfinished again for the final answer, and tells subscribers', async () => {
    const timer = manualTimer();
    let finish!: (answer: { results: Record<string, LookupResult> }) => void;
    const send = vi.fn(async (dois: string[], final: boolean) =>
      final
        ? new Promise<{ results: Record<string, LookupResult> }>((resolve) => (finish = resolve))
        : { results: { '10.1000/a': foundResult({ doi: '10.1000/a', status: 'bronze' }) }, unfinished: dois },
    );
    const queue = createLookupQueue({ send, setTimer: timer.setTimer });
    const heard: Array<[string, string | undefined]> = [];
    queue.subscribe((doi, result) => heard.push([doi, result?.status]));
    const a = queue.request('10.1000/a');
    let bDone = false;
    const b = queue.request('10.1000/b').then((r) => ((bDone = true), r));
    timer.fire();
    // The copy so far resolves at once; "nothing yet" waits for the final answer.
    expect((await a)?.status).toBe('bronze');
    await Promise.resolve();
    expect(bDone).toBe(false);
    expect(send.mock.calls).toEqual([
      [['10.1000/a', '10.1000/b'], false],
      [['10.1000/a', '10.1000/b'], true],
    ]);
    finish({ results: { '10.1000/a': foundResult({ doi: '10.1000/a', status: 'green' }), '10.1000/b': closedResult({ doi: '10.1000/b' }) } });
    expect((await b)?.status).toBe('closed');
    expect(heard).toEqual([['10.1000/a', 'green']]);
    // A later asker gets the final answer.
    expect((await queue.request('10.1000/A'))?.status).toBe('green');
  });

  it('progressive: a failed final message keeps the copy shown and resolves the rest with null', async () => {
    const timer = manualTimer();
    const send = vi.fn(async (dois: string[], final: boolean) => {
      if (final) throw new Error('worker gone');
      return { results: { '10.1000/a': foundResult({ doi: '10.1000/a' }) }, unfinished: dois };
    });
    const queue = createLookupQueue({ send, setTimer: timer.setTimer });
    const heard = vi.fn();
    queue.subscribe(heard);
    const a = queue.request('10.1000/a');
    const b = queue.request('10.1000/b');
    timer.fire();
    expect((await a)?.doi).toBe('10.1000/a');
    expect(await b).toBeNull();
    expect(heard).not.toHaveBeenCalled();
  });
});
