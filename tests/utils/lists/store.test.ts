import { describe, expect, it } from 'vitest';
import { LAST_LIST_KEY, PART_SIZE, loadLastList, saveLastList, type SavedList } from '@/utils/lists/store';
import { rowFor } from '@/utils/lists/rows';
import { memoryStorage } from '@/utils/storage/area';
import { OaStatus } from '@/utils/model';

function list(n: number): SavedList {
  const entries = Array.from({ length: n }, (_, i) => ({
    doi: `10.5555/s.${i}`,
    key: `10.5555/s.${i}`,
    title: null,
    where: `line ${i + 1}`,
    raw: `@misc{k${i}}`,
    count: 1,
  }));
  const problems = [{ where: `entry ${n + 1} (line ${n + 2})`, what: 'unbalanced braces' }];
  return { savedAt: 1, format: 'bibtex', entries, rows: entries.map((e, i) => rowFor(e, i, undefined)), duplicates: 2, problems };
}

describe('last list store', () => {
  it('round-trips a list stored in parts', async () => {
    const area = memoryStorage();
    const saved = list(PART_SIZE * 2 + 3);
    expect(await saveLastList(area, saved)).toBe(true);
    expect(Object.keys(area.dump())).toHaveLength(4);
    expect(await loadLastList(area)).toEqual(saved);
  });
  it('reads a list saved before duplicates and problems were kept as having none', async () => {
    const area = memoryStorage();
    expect(await saveLastList(area, list(3))).toBe(true);
    const older = { ...(area.dump()[LAST_LIST_KEY] as Record<string, unknown>) };
    delete older.duplicates;
    delete older.problems;
    await area.set({ [LAST_LIST_KEY]: older });
    expect(await loadLastList(area)).toMatchObject({ duplicates: 0, problems: [] });
    expect((await loadLastList(area))?.entries).toHaveLength(3);
  });
  it('keeps rows of every lookup status, incomplete and unregistered included', async () => {
    const area = memoryStorage();
    const saved = list(OaStatus.options.length);
    saved.rows = saved.rows.map((row, i) => ({ ...row, status: OaStatus.options[i]! }));
    expect(await saveLastList(area, saved)).toBe(true);
    expect((await loadLastList(area))?.rows.map((r) => r.status)).toEqual(OaStatus.options);
  });
  it('reads a damaged part or index as no list', async () => {
    const area = memoryStorage();
    await saveLastList(area, list(3));
    await area.set({ [`${LAST_LIST_KEY}:0`]: { entries: [{ doi: 5 }], rows: [] } });
    expect(await loadLastList(area)).toBeNull();
    await area.set({ [LAST_LIST_KEY]: { version: 2, savedAt: 1, format: 'nonsense', parts: 1 } });
    expect(await loadLastList(area)).toBeNull();
  });
  it('saves without the original records when storage refuses the full list', async () => {
    const area = memoryStorage();
    const quota = {
      remove: area.remove,
      async set(items: Record<string, unknown>) {
        if (JSON.stringify(items).includes('@misc')) throw new Error('QUOTA_BYTES quota exceeded');
        return area.set(items);
      },
    };
    expect(await saveLastList(quota, list(2))).toBe(true);
    expect((await loadLastList(area))?.entries.map((e) => e.raw)).toEqual([null, null]);
  });
});
