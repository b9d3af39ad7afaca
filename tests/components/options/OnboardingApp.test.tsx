import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OnboardingApp } from '@/components/options/OnboardingApp';
import { createOptionsClient } from '@/utils/settings/options-client';
import { SETTINGS_KEY, type Settings } from '@/utils/settings/schema';

const client = () => createOptionsClient({ storage: fakeBrowser.storage, fetch: async () => new Response(''), document });

describe('OnboardingApp', () => {
  it('says what Greenway does and what leaves the browser, and saves the optional email', async () => {
    render(<OnboardingApp client={client()} updatedFrom={null} currentVersion="0.2.0" optionsUrl="chrome-extension://x/options.html" />);
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

  it('after a meaningful update lists what changed', () => {
    render(<OnboardingApp client={client()} updatedFrom="0.1.0" currentVersion="0.2.0" optionsUrl="options.html" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What is new in Greenway');
    expect(screen.getByText(/a privacy mode that looks nothing up/)).toBeTruthy();
  });
});
