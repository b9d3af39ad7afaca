import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LibrarySection } from '@/components/options/LibrarySection';
import type { SettingsEditor } from '@/components/options/editor';
import { defaultSettings } from '@/utils/settings/schema';

function setup(library: Partial<ReturnType<typeof defaultSettings>['library']> = {}, openTab = vi.fn((url: string) => /^https?:/.test(url))) {
  const settings = defaultSettings();
  settings.library = { ...settings.library, ...library };
  const editor: SettingsEditor = { settings, locked: [], set: vi.fn(async () => true), setWith: vi.fn(async () => true) };
  render(<LibrarySection editor={editor} openTab={openTab} />);
  return { openTab };
}

/** The field's Test button and, after a click, what it said. */
function testField(label: string) {
  const field = screen.getByLabelText(label).closest('.key-field') as HTMLElement;
  fireEvent.click(within(field).getByRole('button', { name: 'Test' }));
  return within(field).getByRole('status').textContent;
}

describe('Library: the "Test" buttons', () => {
  it("open the link resolver filled with the example article's DOI", () => {
    const { openTab } = setup({ openUrlBase: 'https://resolver.example.edu/openurl' });
    expect(testField('Link resolver (OpenURL) address')).toBe("Opened in a new tab with the example article's DOI, 10.1186/s12913-023-10058-w.");
    expect(openTab).toHaveBeenCalledWith(
      'https://resolver.example.edu/openurl?url_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft_id=info%3Adoi%2F10.1186%2Fs12913-023-10058-w',
    );
  });

  it('test the text as typed, before it is saved', () => {
    const { openTab } = setup();
    fireEvent.input(screen.getByLabelText('Inter-library loan form'), { target: { value: 'https://library.example.edu/ill?doi={doi}' } });
    expect(testField('Inter-library loan form')).toMatch(/^Opened in a new tab/);
    expect(openTab).toHaveBeenCalledWith('https://library.example.edu/ill?doi=10.1186%2Fs12913-023-10058-w');
  });

  it('say when an inter-library loan address takes no article', () => {
    setup({ illUrlTemplate: 'https://library.example.edu/ill' });
    expect(testField('Inter-library loan form')).toBe('Opened in a new tab. The address has no {doi} or {title}, so the form opens without the article.');
  });

  it.each([
    ['Link resolver (OpenURL) address', 'resolver.example.edu/openurl'],
    ['Inter-library loan form', 'javascript:alert("{doi}")'],
    ['Inter-library loan form', 'ftp://library.example.edu/ill?doi={doi}'],
  ])('%s: refuse %j with a clear message, opening nothing', (label, text) => {
    const { openTab } = setup();
    fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
    expect(testField(label)).toBe('That is not a web address starting with https:// (or http://), so there is nothing to open.');
    expect(openTab).not.toHaveBeenCalled();
  });

  it('ask for an address first when the field is empty', () => {
    const { openTab } = setup();
    expect(testField('Link resolver (OpenURL) address')).toBe("Enter your library's address first.");
    expect(openTab).not.toHaveBeenCalled();
  });
});
