import { describe, expect, it, vi } from 'vitest';
import { checkList, LIST_CHUNK, PER_DOI_CHUNK, PER_DOI_INTERVAL_MS } from '@/utils/lists/run';
import { closedResult } from '../../fixtures/results';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `10.5555/run.${i}`);

function deps(fail: (chunk: string[]) => boolean = () => false) {
  let clock = 0;
  const sent: string[][] = [];
  return {
    sent,
    sleeps: [] as number[],
    send: vi.fn(async (dois: string[]) => {
      sent.push(dois);
      if (fail(dois)) throw new Error('background gone');
      return Object.fromEntries(dois.map((d) => [d, closedResult({ doi: d })]));
    }),
    sleep: vi.fn(async (ms: number) => {
      clock += ms;
    }),
    now: () => clock,
  };
}

describe('checkList', () => {
  it('sends batched chunks of LIST_CHUNK and reports progress after each', async () => {
    const d = deps();
    const seen: number[] = [];
    const answered: string[] = [];
    const out = await checkList(keys(250), d, {
      perDoi: false,
      onProgress: (p, chunk, results) => {
        seen.push(p.done);
        expect([...results.keys()]).toEqual(chunk);
        answered.push(...results.keys());
      },
    });
    expect(d.sent.map((c) => c.length)).toEqual([LIST_CHUNK, LIST_CHUNK, 250 - 2 * LIST_CHUNK]);
    expect(seen).toEqual([100, 200, 250]);
    expect(answered).toEqual(keys(250));
    expect(out.tally.results).toBe(250);
    expect(d.sleep).not.toHaveBeenCalled();
  });
  it('paces per-DOI checks to PER_DOI_INTERVAL_MS per DOI', async () => {
    const d = deps();
    await checkList(keys(25), d, { perDoi: true });
    expect(d.sent.map((c) => c.length)).toEqual([PER_DOI_CHUNK, PER_DOI_CHUNK, 5]);
    expect(d.sleep.mock.calls.map(([ms]) => ms)).toEqual([PER_DOI_CHUNK * PER_DOI_INTERVAL_MS, PER_DOI_CHUNK * PER_DOI_INTERVAL_MS]);
  });
  it('stops at Cancel and keeps what was done', async () => {
    const d = deps();
    const controller = new AbortController();
    const out = await checkList(keys(500), d, { perDoi: false, signal: controller.signal, onProgress: (p) => p.done >= 100 && controller.abort() });
    // The chunk in flight beside the first still finishes and counts; nothing after it is sent.
    expect(d.sent).toHaveLength(2);
    expect(out.done).toBe(200);
    expect(out.tally.results).toBe(200);
  });
  it('one failing chunk does not blank the others', async () => {
    const d = deps((chunk) => chunk[0] === '10.5555/run.100');
    const out = await checkList(keys(300), d, { perDoi: false });
    expect(out.tally.results).toBe(200);
    expect(out.failures).toEqual(['background gone']);
    expect(out.done).toBe(300);
  });
});
