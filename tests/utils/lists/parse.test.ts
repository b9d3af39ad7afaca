import { describe, expect, it } from 'vitest';
import { detectFormat, parseList } from '@/utils/lists/parse';
import { BMC_DOI } from '../../fixtures/results';

const BIB = `@string{jhs = "J. Health Serv."}
@article{ucl2023,
  title = {{Access} to primary care},
  journal = jhs,
  doi = {${BMC_DOI}},
  year = 2023
}

@article{broken,
  title = {Never closed,
  doi = {10.5555/broken}

@book{nodoi, title = {A book without a DOI}, year = {1999}}
@misc{viaurl, title = {Linked}, url = {https://doi.org/10.5555/URL.1}}
@article{again, title = {Same DOI, other case}, doi = {https://doi.org/${BMC_DOI.toUpperCase()}}}
`;

const bibList = await parseList(BIB, 'refs.bib');

describe('parseList: BibTeX', () => {
  const list = bibList;
  it('reads every readable entry, with DOI (doi field or a doi.org url) and title, and merges duplicates', () => {
    expect(list.format).toBe('bibtex');
    expect(list.entries.map((e) => [e.key, e.title])).toEqual([
      [BMC_DOI, 'Access to primary care'],
      [null, 'A book without a DOI'],
      ['10.5555/url.1', 'Linked'],
    ]);
    expect(list.entries[0]!.count).toBe(2);
    expect(list.duplicates).toBe(1);
  });
  it('names the broken entry by number and line, and keeps its original text for the others', () => {
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]!.where).toBe('entry 2 (line 9)');
    expect(list.problems[0]!.what).toMatch(/unreadable BibTeX/);
    expect(list.entries[0]!.raw).toMatch(/^@article\{ucl2023,/);
  });
});

const RIS = `TY  - JOUR
TI  - Access to primary care
DO  - ${BMC_DOI}
ER  - 

TY  - JOUR
TI  - No DOI here
ER  - 
this line is garbage
TY  - JOUR
TI  - DOI in UR
UR  - https://doi.org/10.5555/ris.2
TY  - BOOK
T1  - Last, never closed
DO  - 10.5555/ris.3
`;

const risList = await parseList(RIS, 'export.ris');

describe('parseList: RIS', () => {
  const list = risList;
  it('reads every record, even around a garbage line and unclosed records', () => {
    expect(list.entries.map((e) => [e.key, e.title, e.where])).toEqual([
      [BMC_DOI, 'Access to primary care', 'line 1'],
      [null, 'No DOI here', 'line 6'],
      ['10.5555/ris.2', 'DOI in UR', 'line 10'],
      ['10.5555/ris.3', 'Last, never closed', 'line 13'],
    ]);
  });
  it('says what is wrong and where', () => {
    expect(list.problems).toEqual([
      { where: 'line 9', what: 'not a RIS tag line: "this line is garbage"' },
      { where: 'line 10', what: 'record not closed by ER' },
      { where: 'line 13', what: 'record not closed by ER' },
    ]);
  });
});

describe('parseList: CSV, CSL-JSON, text', () => {
  it('reads the DOI column of a CSV, quoted fields included, and reports rows by spreadsheet number', async () => {
    const list = await parseList(`Title,DOI\n"Access, to primary care",https://doi.org/${BMC_DOI}\nNo DOI,\n"Multi\nline",10.5555/csv.3\n`, 'list.csv');
    expect(list.format).toBe('csv');
    expect(list.entries.map((e) => [e.key, e.title, e.where])).toEqual([
      [BMC_DOI, 'Access, to primary care', 'row 2'],
      [null, 'No DOI', 'row 3'],
      ['10.5555/csv.3', 'Multi\nline', 'row 4'],
    ]);
  });
  it('searches every cell when a CSV has no DOI column, and says so', async () => {
    const list = await parseList('name,link\nA,https://doi.org/10.5555/x.1\n', 'list.csv');
    expect(list.entries.map((e) => e.key)).toEqual(['10.5555/x.1']);
    expect(list.problems[0]!.what).toMatch(/no column headed "DOI"/);
  });
  it('reads CSL-JSON items and names the ones that are not items', async () => {
    const list = await parseList(JSON.stringify([{ DOI: BMC_DOI, title: 'Access to primary care' }, 42, { title: 'No DOI' }]));
    expect(list.format).toBe('csl-json');
    expect(list.entries.map((e) => [e.key, e.title])).toEqual([
      [BMC_DOI, 'Access to primary care'],
      [null, 'No DOI'],
    ]);
    expect(list.problems).toEqual([{ where: 'item 2', what: expect.stringMatching(/not a CSL-JSON item/) }]);
  });
  it('finds DOIs in mixed prose and links, with their line, merging repeats', async () => {
    const list = await parseList(`See doi:${BMC_DOI}.\nand https://doi.org/10.5555/T.1\n10.5555/t.1 again`);
    expect(list.format).toBe('text');
    expect(list.entries.map((e) => [e.key, e.where, e.count])).toEqual([
      [BMC_DOI, 'line 1', 1],
      ['10.5555/t.1', 'line 2', 2],
    ]);
  });
  it('tells formats from content when the name does not say', () => {
    expect(detectFormat('  @Article{x,')).toBe('bibtex');
    expect(detectFormat('TY  - JOUR\nER  - ')).toBe('ris');
    expect(detectFormat('[{"DOI":"10.5555/x"}]')).toBe('csl-json');
    expect(detectFormat('10.5555/x')).toBe('text');
  });
});

describe('parseList: slicing', () => {
  it('yields between slices of a long BibTeX file and reads the same entries', async () => {
    const bib = Array.from({ length: 400 }, (_, i) => `@article{r${i}, title = {T ${i}}, doi = {10.5555/slice.${i}}}`).join('\n');
    let pauses = 0;
    const sliced = await parseList(bib, 'x.bib', async () => {
      pauses++;
    });
    expect(sliced.entries).toHaveLength(400);
    expect(pauses).toBeGreaterThan(0);
    expect((await parseList(bib, 'x.bib')).entries).toEqual(sliced.entries);
  });
});
