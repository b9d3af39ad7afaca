import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OnboardingApp } from '@/components/options/OnboardingApp';
import { pinBrowserFor, type PinBrowser } from '@/components/options/PinHelp';
import { createOptionsClient } from '@/utils/settings/options-client';
import { SETTINGS_KEY, type Settings } from '@/utils/settings/schema';

const client = () => createOptionsClient({ storage: fakeBrowser.storage, fetch: async () => new Response(''), document });
const renderOnboarding = (pinBrowser: PinBrowser = 'chrome', updatedFrom: string | null = null) =>
  render(
    <OnboardingApp client={client()} updatedFrom={updatedFrom} currentVersion="0.2.0" optionsUrl="chrome-extension://x/options.html" pinBrowser={pinBrowser} />,
  );

describe('OnboardingApp', () => {
  it('says what Greenway does and what leaves the browser, and saves the optional email', async () => {
    renderOnboarding();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Greenway');
    expect(screen.getByText(/Only the article's DOI/)).toBeTruthy();
    expect(screen.getByText(/Never the address of the page you are reading/)).toBeTruthy();
    const email = await screen.findByLabelText('Your email (optional)');
    fireEvent.change(email, { target: { value: 'reader@example.org' } });
    await waitFor(async () => {
      const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;
      expect(stored?.email).toBe('reader@example.org');
    });
    fireEvent.click(screen.getByLabelText('Only when I open the Greenway popup (privacy mode)'));
    await waitFor(async () => {
      const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
      expect(stored.privacy.autoLookup).toBe(false);
    });
    expect(screen.getByRole('link', { name: /All settings/ }).getAttribute('href')).toBe('chrome-extension://x/options.html');
  });

  it('shows "Saved" in a live region once the email is stored, and not for a refused one', async () => {
    renderOnboarding();
    const email = await screen.findByLabelText('Your email (optional)');
    const saved = () => document.querySelector('.saved-inline')!;
    expect(saved().getAttribute('role')).toBe('status');
    expect(saved().textContent).toBe('');
    fireEvent.change(email, { target: { value: 'not an email' } });
    expect((await screen.findByRole('alert')).textContent).toBe('That is not an email address.');
    expect(saved().textContent).toBe('');
    fireEvent.change(email, { target: { value: 'reader@example.org' } });
    await waitFor(() => expect(saved().textContent).toBe('Saved'));
    // The email's help says what it turns on.
    expect(screen.getByText(/Giving your email turns on Unpaywall/)).toBeTruthy();
  });

  it.each<[PinBrowser, RegExp]>([
    ['chrome', /Click the pin next to Greenway \(“Pin extension”\)/],
    ['firefox', /Click the gear next to Greenway \(“Open menu for Greenway”\), then “Pin to Toolbar”/],
    ['other', /open your browser's extensions menu in the toolbar/],
  ])('says how to pin the button in %s', (browser, words) => {
    renderOnboarding(browser);
    const pin = screen.getByRole('region', { name: 'Keep the Greenway button in sight' });
    expect(pin.textContent).toMatch(words);
    if (browser !== 'other') expect(within(pin).getAllByRole('listitem')[0]!.textContent).toBe('Click Extensions, the puzzle-piece button in the toolbar.');
  });

  it('picks the instructions by build and browser', () => {
    expect(pinBrowserFor(true, 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('firefox');
    expect(pinBrowserFor(false, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('chrome');
    expect(pinBrowserFor(false, 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0')).toBe(
      'other',
    );
  });

  it('pictures the three signals with a text alternative, names the shortcut and the right-click item', () => {
    renderOnboarding();
    const picture = screen.getByRole('img', { name: /three signals/ });
    expect(picture.tagName.toLowerCase()).toBe('svg');
    const signals = screen.getByRole('region', { name: 'Where Greenway tells you' });
    const items = within(signals)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^The toolbar button: “OA”/);
    expect(items[1]).toMatch(/“Free copy of this article” card/);
    expect(items[2]).toMatch(/^Marks next to the DOI links/);
    expect(signals.textContent).toContain('Alt+Shift+G');
    expect(signals.textContent).toContain('“Find a free copy”');
  });

  it('offers the example article in a new tab and the library set-up', () => {
    renderOnboarding();
    const example = screen.getByRole('link', { name: 'Try it on an example article' });
    expect(example.getAttribute('href')).toBe('https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w');
    expect(example.getAttribute('target')).toBe('_blank');
    expect(example.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Set up your library' }).getAttribute('href')).toBe('chrome-extension://x/options.html#library');
  });

  it('after a meaningful update lists what changed', () => {
    renderOnboarding('chrome', '0.1.0');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What is new in Greenway');
    expect(screen.getByText(/a privacy mode that looks nothing up/)).toBeTruthy();
  });
});
