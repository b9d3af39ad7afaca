import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { HiddenSitesSection } from '@/components/options/HiddenSitesSection';
import { createOptionsClient } from '@/utils/settings/options-client';
import { HIDDEN_SITES_KEY } from '@/utils/settings/basics';
import { dismissIndicator } from '@/entrypoints/content/indicator/dismissed';

const client = () => createOptionsClient({ storage: fakeBrowser.storage, fetch: async () => new Response('{}'), document });
const stored = async () => (await fakeBrowser.storage.local.get(HIDDEN_SITES_KEY))[HIDDEN_SITES_KEY];
const listed = () => screen.queryAllByRole('listitem').map((li) => li.querySelector('.site-name')?.textContent);

describe('Options: sites hidden with "Hide on this site"', () => {
  it('lists what the article indicator stored, newest first, and says so when there is none', async () => {
    render(<HiddenSitesSection client={client()} />);
    expect(await screen.findByText('No sites. “Hide on this site” on the card adds its site here.')).toBeTruthy();
    // The content script's own writer, as "Hide on this site" calls it; the list follows.
    await dismissIndicator(fakeBrowser.storage.local, 'www.nature.com');
    await dismissIndicator(fakeBrowser.storage.local, 'journals.example.org');
    await waitFor(() => expect(listed()).toEqual(['journals.example.org', 'www.nature.com']));
  });

  it('"Show again" removes the site, says so, and moves the focus to the next site, then to the empty note', async () => {
    await fakeBrowser.storage.local.set({ [HIDDEN_SITES_KEY]: ['a.example.org', 'b.example.org'] });
    render(<HiddenSitesSection client={client()} />);
    const first = await screen.findByRole('button', { name: 'Show again: b.example.org' });
    fireEvent.click(first);
    await waitFor(() => expect(listed()).toEqual(['a.example.org']));
    expect(await stored()).toEqual(['a.example.org']);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The card will show again on b.example.org.'));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Show again: a.example.org'));
    fireEvent.click(screen.getByRole('button', { name: 'Show again: a.example.org' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^No sites/));
    expect(await stored()).toEqual([]);
  });

  it('reads damaged storage through its schema: only host names are listed, the rest is left alone', async () => {
    await fakeBrowser.storage.local.set({ [HIDDEN_SITES_KEY]: ['ok.example.org', 42, '<img src=x onerror=alert(1)>', null, 'ok.example.org'] });
    render(<HiddenSitesSection client={client()} />);
    await waitFor(() => expect(listed()).toEqual(['ok.example.org']));
    expect(document.querySelector('img')).toBeNull();
    await fakeBrowser.storage.local.set({ [HIDDEN_SITES_KEY]: 'garbage' });
    await waitFor(() => expect(screen.getByText(/^No sites/)).toBeTruthy());
  });
});
