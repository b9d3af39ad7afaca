import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseList } from '@/utils/lists/parse';
import { rowFor, sortRows, filterRows } from '@/utils/lists/rows';
import { CSV_COLUMNS, exportFileName, toBibtex, toCsv, toLinks, toRis } from '@/utils/lists/export';
import { BMC_DOI, closedResult, foundResult, uclCopy } from '../../fixtures/results';

const BIB = `@article{ucl2023,
  title = {Access to primary care},
  doi = {${BMC_DOI}}
}
@book{nodoi, title = {=HYPERLINK("x")}}
@article{closed, title = {Closed one}, doi = {10.5555/closed.1}}`;

const list = await parseList(BIB, 'refs.bib');
const results = new Map([
  [BMC_DOI, foundResult()],
  ['10.5555/closed.1', closedResult({ doi: '10.5555/closed.1', sources: { openalex: { ok: true }, unpaywall: { ok: false, error: 'Unpaywall: HTTP 500' } } })],
]);
const rows = list.entries.map((e, i) => rowFor(e, i, e.key ? results.get(e.key) : undefined));

describe('rows', () => {
  it('give status, best copy, version, licence and links per entry; "no-doi" without a DOI', () => {
    expect(rows.map((r) => [r.status, r.host, r.kind, r.version, r.licence])).toEqual([
      ['gold', 'UCL Discovery', 'repository', 'published', 'CC BY 4.0'],
      ['no-doi', null, null, null, null],
      ['closed', null, null, null, null],
    ]);
    expect(rows[0]!.pdfUrl).toBe(uclCopy.pdfUrl);
    expect(rows[2]!.errors).toEqual(['Unpaywall: HTTP 500']);
  });
  it('never carry a non-http link', () => {
    const bad = rowFor(
      list.entries[0]!,
      0,
      foundResult({ best: { ...uclCopy, pdfUrl: 'javascript:alert(1)' }, copies: [{ ...uclCopy, pdfUrl: 'javascript:alert(1)' }] }),
    );
    expect(bad.pdfUrl).toBeNull();
    expect(bad.copyUrls.join(' ')).not.toMatch(/javascript/);
  });
  it('sort with empty values last and filter by status', () => {
    expect(sortRows(rows, 'host').map((r) => r.index)).toEqual([0, 1, 2]);
    expect(sortRows(rows, 'status', true).map((r) => r.status)).toEqual(['no-doi', 'gold', 'closed']);
    expect(filterRows(rows, { status: 'closed' }).map((r) => r.index)).toEqual([2]);
    expect(filterRows(rows, { licence: 'none' }).map((r) => r.index)).toEqual([1, 2]);
  });
});

describe('exports', () => {
  it('name files greenway-check-YYYY-MM-DD.ext', () => {
    expect(exportFileName('csv', new Date(2026, 0, 5))).toBe('greenway-check-2026-01-05.csv');
  });
  it('CSV: a header and one row per entry with every column and all copy URLs; formulas defused', () => {
    const parsed = Papa.parse<string[]>(toCsv(rows), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed).toHaveLength(4);
    expect(parsed[1]![2]).toBe('gold');
    expect(parsed[1]![9]!.split(' ')).toContain('https://eprints.whiterose.ac.uk/123456/');
    expect(parsed[2]![1]).toBe(`'=HYPERLINK("x")`);
    expect(parsed[3]![10]).toBe('Unpaywall: HTTP 500');
  });
  it('BibTeX: the imported records with url and note added, readable again', async () => {
    const bib = toBibtex(list.entries, rows);
    expect(bib).toContain(`url = {${uclCopy.pdfUrl}}`);
    expect(bib).toMatch(/note = \{Free copy \(Greenway\): UCL Discovery, published, CC BY 4.0/);
    const again = await parseList(bib, 'again.bib');
    expect(again.problems).toEqual([]);
    expect(again.entries.map((e) => e.key)).toEqual([BMC_DOI, null, '10.5555/closed.1']);
  });
  it('RIS: the imported records with UR and L1 added before ER; other inputs as minimal records', async () => {
    const risList = await parseList(`TY  - JOUR\nTI  - Access\nDO  - ${BMC_DOI}\nER  - \n`, 'x.ris');
    const risRows = risList.entries.map((e, i) => rowFor(e, i, results.get(e.key!)));
    const ris = toRis(risList.entries, risRows);
    expect(ris.split('\r\n')).toEqual([
      'TY  - JOUR',
      'TI  - Access',
      `DO  - ${BMC_DOI}`,
      `UR  - ${uclCopy.landingUrl}`,
      `L1  - ${uclCopy.pdfUrl}`,
      'ER  - ',
      '',
    ]);
    expect(toRis(list.entries, rows)).toContain(`TY  - JOUR\r\nDO  - ${BMC_DOI}\r\nTI  - Access to primary care\r\nUR  - `);
  });
  it('Copy free links: one per line, only entries with a free copy', () => {
    expect(toLinks(rows)).toBe(uclCopy.pdfUrl);
  });
});
