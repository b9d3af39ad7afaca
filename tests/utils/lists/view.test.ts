/**
 * The table's view, updated from the changed rows alone: always the same as filtering and sorting
 * every row again (property test over random lists, checks and filters), and cheap in the common
 * case (list order, no filter: the same array back).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResultRow, RowFilter, SortKey } from '@/utils/lists/rows';
import { countValues, updateCounts, updateViewOrder, viewOrder, type RowSort } from '@/utils/lists/view';

const STATUSES = ['pending', 'green', 'gold', 'closed', 'no-doi', 'error'] as const;
const LICENCES = [null, 'CC BY 4.0', 'CC0'] as const;
const HOSTS = [null, 'Zenodo', 'arXiv', 'zenodo', 'Repo 10', 'Repo 9'] as const;

const rowArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  licence: fc.constantFrom(...LICENCES),
  host: fc.constantFrom(...HOSTS),
  version: fc.constantFrom(null, 'published', 'accepted'),
  title: fc.option(fc.constantFrom('A', 'b', 'Item 2', 'Item 10'), { nil: null }),
});
type RowFields = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function row(index: number, f: RowFields): ResultRow {
  return {
    index,
    doi: `10.5555/v.${index}`,
    title: f.title,
    status: f.status,
    host: f.host,
    kind: null,
    version: f.version,
    licence: f.licence,
    pdfUrl: null,
    recordUrl: null,
    copyUrls: [],
    errors: [],
    where: `line ${index + 1}`,
    count: 1,
  };
}

const filterArb = fc.record({
  status: fc.constantFrom(undefined, '', 'pending', 'green', 'closed'),
  version: fc.constantFrom(undefined, 'published', 'none'),
  licence: fc.constantFrom(undefined, 'CC BY 4.0', 'none'),
}) as fc.Arbitrary<RowFilter>;
const sortArb = fc.record({
  key: fc.constantFrom<SortKey>('index', 'title', 'status', 'host', 'licence', 'version', 'doi'),
  descending: fc.boolean(),
});

describe('updateViewOrder', () => {
  it('equals filtering and sorting every row again, whatever the rows, the changes, the filter and the sort', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 0, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), rowArb), { maxLength: 15 }),
        filterArb,
        sortArb,
        (fields, edits, filter, sort) => {
          const base = fields.map((f, i) => row(i, f));
          const rows = base.slice();
          const indices: number[] = [];
          for (const [at, f] of edits) {
            if (!rows.length) break;
            const i = at % rows.length;
            rows[i] = row(i, f);
            indices.push(i);
          }
          const order = viewOrder(base, filter, sort);
          expect(updateViewOrder(order, rows, { base, indices }, filter, sort)).toEqual(viewOrder(rows, filter, sort));
          expect(updateCounts(countValues(base), rows, { base, indices })).toEqual(countValues(rows));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same array back when checked rows keep their places (list order, no filter)', () => {
    const base = Array.from({ length: 1000 }, (_, i) => row(i, { status: 'pending', licence: null, host: null, version: null, title: null }));
    const rows = base.slice();
    for (let i = 100; i < 200; i++) rows[i] = row(i, { status: 'green', licence: 'CC0', host: 'Zenodo', version: 'accepted', title: 'A' });
    const sort: RowSort = { key: 'index', descending: false };
    const order = viewOrder(base, {}, sort);
    expect(updateViewOrder(order, rows, { base, indices: Array.from({ length: 100 }, (_, i) => 100 + i) }, {}, sort)).toBe(order);
    // Filtered on "Not checked": the checked rows leave the view.
    const pending = viewOrder(base, { status: 'pending' }, sort);
    expect(updateViewOrder(pending, rows, { base, indices: [150] }, { status: 'pending' }, sort)).toHaveLength(999);
  });
});

describe('countValues', () => {
  it('counts statuses and licences, and drops a value no row has any more', () => {
    const base = [row(0, { status: 'pending', licence: null, host: null, version: null, title: null })];
    const rows = [row(0, { status: 'green', licence: 'CC0', host: null, version: null, title: null })];
    const counts = updateCounts(countValues(base), rows, { base, indices: [0] });
    expect([...counts.status]).toEqual([['green', 1]]);
    expect([...counts.licence]).toEqual([['CC0', 1]]);
  });
});
