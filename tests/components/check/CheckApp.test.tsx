/**
 * The check page with a fake client: paste → Check → rows and progress; zero DOIs said; a refused
 * big file; the last list shown on open; axe over the filled page (contrast is left to Chromium).
 */
import { describe, expect, it, vi } from 'vitest';
import axe from 'axe-core';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CheckApp } from '@/components/check/CheckApp';
import type { CheckClient } from '@/hooks/useListCheck';
import type { SavedList } from '@/utils/lists/store';
import { closedResult, foundResult } from '../../fixtures/results';
import { parseOnPage } from '@/utils/lists/off-thread';
import { SOURCES } from '@/utils/sources/registry';

function fakeClient(overrides: Partial<CheckClient> = {}): CheckClient & { saved: SavedList[] } {
  const saved: SavedList[] = [];
  return {
    saved,
    parseList: parseOnPage,
    lookupList: vi.fn(async (dois: string[]) =>
      Object.fromEntries(dois.map((d) => [d, d.endsWith('open') ? foundResult({ doi: d }) : closedResult({ doi: d })])),
    ),
    tabDois: vi.fn(async () => ['10.5555/tab.1', '10.5555/tab.2']),
    loadLast: vi.fn(async () => null),
    saveLast: vi.fn(async (list) => {
      saved.push(list);
      return true;
    }),
    copyText: vi.fn(async () => undefined),
    download: vi.fn(),
    sleep: async () => undefined,
    now: () => 1_700_000_000_000,
    ...overrides,
  };
}

/** A client whose parser holds files (not pasted text) until `release()`: a worker still reading. */
function slowFileClient() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = fakeClient({
    parseList: async (input, name) => {
      if (typeof input !== 'string') await gate;
      return parseOnPage(input, name);
    },
  });
  return { client, release };
}

async function violations(container: Element): Promise<string[]> {
  document.documentElement.lang = 'en';
  document.title = 'Check a list';
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const body = () => document.body.textContent ?? '';

describe('CheckApp', () => {
  it('checks pasted DOIs: progress, rows with status and best copy, merged duplicates, saved list, no axe violations', async () => {
    const client = fakeClient();
    const { container } = render(<CheckApp client={client} />);
    fireEvent.input(screen.getByLabelText('DOIs or references'), { target: { value: '10.5555/a.open\nhttps://doi.org/10.5555/B\n10.5555/b again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('2 of 2 checked'));
    expect(client.lookupList).toHaveBeenCalledWith(['10.5555/a.open', '10.5555/b'], false);
    expect(body()).toContain('Entries: 2 · with a DOI: 2 · duplicates merged: 1');
    await waitFor(() => expect(body()).toContain('UCL Discovery (Repository)'));
    expect(body()).toContain('No free copy found');
    expect(body()).toContain('Exports cover the whole list (2 rows), whatever the filter:');
    await waitFor(() => expect(client.saved).toHaveLength(1));
    expect(client.saved[0]!.rows.map((r) => r.status)).toEqual(['gold', 'closed']);
    // Each source's own account: the fake answers from OpenAlex alone, and only batched sources were meant.
    const sources = screen.getByRole('list', { name: 'Sources for this list' });
    expect(sources.textContent).toContain('OpenAlex: 2 of 2 answered');
    expect(sources.textContent).toContain('Europe PMC: not asked (switched off in the options)');
    expect(sources.textContent).not.toContain('Unpaywall');
    expect(await violations(container)).toEqual([]);
  });

  it('asks the per-DOI sources only when ticked, and says which of them answered, failed or were not asked', async () => {
    const client = fakeClient({
      lookupList: vi.fn(async (dois: string[]) =>
        Object.fromEntries(
          dois.map((d) => [d, closedResult({ doi: d, sources: { openalex: { ok: true }, openaire: { ok: false, error: 'OpenAIRE: HTTP 429' } } })]),
        ),
      ),
    });
    render(<CheckApp client={client} />);
    fireEvent.input(screen.getByLabelText('DOIs or references'), { target: { value: '10.5555/a' } });
    // The tick names the registry's per-DOI sources, not a list written into the words.
    const tick = screen.getByLabelText<HTMLInputElement>(/Also ask the per-DOI sources/);
    expect(tick.labels?.[0]?.textContent).toContain(
      `(${SOURCES.filter((s) => !s.batched)
        .map((s) => s.label)
        .join(', ')})`,
    );
    expect(tick.labels?.[0]?.textContent).toContain('Unpaywall, CORE, OpenAIRE');
    fireEvent.click(tick);
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(client.lookupList).toHaveBeenCalledWith(['10.5555/a'], true));
    // The tick covers several per-DOI sources: each says for itself whether it was asked.
    await waitFor(() => expect(body()).toContain('Unpaywall: not asked (switched off, or no email set in the options)'));
    expect(body()).toContain('CORE: not asked (switched off, or no API key set in the options)');
    expect(body()).toContain('OpenAlex: 1 of 1 answered');
    expect(body()).toContain('OpenAIRE: 0 of 1 answered, 1 failed');
    expect(body()).toContain('OpenAIRE: HTTP 429 (1 DOIs)');
  });

  it('says when no DOI was found, and refuses files over 20 MB', async () => {
    const client = fakeClient();
    render(<CheckApp client={client} />);
    fireEvent.input(screen.getByLabelText('DOIs or references'), { target: { value: 'no identifiers here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(body()).toContain('No DOIs found in this input.'));
    expect(client.lookupList).not.toHaveBeenCalled();
    const big = new File(['x'], 'huge.bib');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    fireEvent.change(screen.getByLabelText('Import file'), { target: { files: [big] } });
    await waitFor(() => expect(body()).toContain('huge.bib is larger than 20 MB and was not read.'));
  });

  it('a click on Check while a file is still being read checks that file once read, not the empty text area', async () => {
    const { client, release } = slowFileClient();
    render(<CheckApp client={client} />);
    const ris = `TY  - JOUR\nTI  - One\nDO  - 10.5555/file.1\nER  - \nTY  - JOUR\nTI  - Two\nDO  - 10.5555/file.2\nER  - `;
    fireEvent.change(screen.getByLabelText('Import file'), { target: { files: [new File([ris], 'refs.ris')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reading refs.ris…'));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.lookupList).not.toHaveBeenCalled();
    expect(body()).not.toContain('No DOIs found');
    release();
    await waitFor(() => expect(client.lookupList).toHaveBeenCalledWith(['10.5555/file.1', '10.5555/file.2'], false));
    expect(body()).toContain('refs.ris: 2 entries read');
  });

  it('a file read that the reader overtook by typing is not checked on an earlier click', async () => {
    const { client, release } = slowFileClient();
    render(<CheckApp client={client} />);
    fireEvent.change(screen.getByLabelText('Import file'), { target: { files: [new File(['10.5555/file.1'], 'refs.txt')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    fireEvent.input(screen.getByLabelText('DOIs or references'), { target: { value: '10.5555/typed.1' } });
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.lookupList).not.toHaveBeenCalled();
    // Nothing more is said of the file the text replaced.
    expect(body()).not.toContain('refs.txt');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(client.lookupList).toHaveBeenCalledWith(['10.5555/typed.1'], false));
  });

  it("fills the list with a tab's DOIs, and shows the last list on open", async () => {
    const saved: SavedList = {
      savedAt: 1_700_000_000_000,
      format: 'text',
      entries: [{ doi: '10.5555/last', key: '10.5555/last', title: 'Last time', where: 'line 1', raw: null, count: 1 }],
      rows: [
        {
          index: 0,
          doi: '10.5555/last',
          title: 'Last time',
          status: 'green',
          host: 'Example Repository',
          kind: 'repository',
          version: 'accepted',
          licence: null,
          pdfUrl: null,
          recordUrl: 'https://repo.example.org/1',
          copyUrls: [],
          errors: [],
          where: 'line 1',
          count: 1,
        },
      ],
      duplicates: 1,
      problems: [{ where: 'line 3', what: 'not a RIS tag line: "junk"' }],
    };
    const client = fakeClient({ loadLast: async () => saved });
    render(<CheckApp client={client} request={{ tabId: 7 }} />);
    await waitFor(() => expect((screen.getByLabelText('DOIs or references') as HTMLTextAreaElement).value).toBe('10.5555/tab.1\n10.5555/tab.2'));
    expect(client.tabDois).toHaveBeenCalledWith(7);
    await waitFor(() => expect(body()).toContain('Last list, checked'));
    expect(body()).toContain('Example Repository');
    expect(screen.getByRole('link', { name: 'Record' }).getAttribute('href')).toBe('https://repo.example.org/1');
    // What was said when the list was read is said again.
    expect(body()).toContain('Entries: 1 · with a DOI: 1 · duplicates merged: 1');
    expect(body()).toContain('Some parts could not be read; everything readable is checked:');
    expect(body()).toContain('not a RIS tag line: "junk"');
  });
});
