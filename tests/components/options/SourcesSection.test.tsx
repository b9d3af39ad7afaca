import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsClient } from '@/utils/settings/options-client';
import { SETTINGS_KEY, defaultSettings } from '@/utils/settings/schema';
import { SOURCES } from '@/utils/sources/registry';

const renderOptions = () =>
  render(<OptionsApp client={createOptionsClient({ storage: fakeBrowser.storage, fetch: async () => new Response('{}'), document })} />);
const checkbox = (id: string) => document.getElementById(`opt-sources-${id}-enabled`) as HTMLInputElement | null;
const needsRow = (id: string) => document.getElementById(`opt-sources-${id}-enabled-needs`);

describe('Sources: a source that needs an email or a key is not shown as on', () => {
  it('without an email or key: "Off — needs your email" / "Off — needs a key", no ticked box, for exactly the sources the registry says', async () => {
    renderOptions();
    await screen.findByLabelText('Your email (optional)');
    for (const source of SOURCES) {
      const need = source.needsEmail ? 'Off — needs your email' : source.key?.required ? 'Off — needs a key' : null;
      if (need) {
        expect(checkbox(source.id), source.id).toBeNull();
        expect(needsRow(source.id)?.textContent, source.id).toBe(`–${source.label}${need}`);
      } else {
        expect(checkbox(source.id)?.checked, source.id).toBe(source.enabledByDefault);
        expect(needsRow(source.id), source.id).toBeNull();
      }
    }
    // The words lead to the field that turns the source on.
    const toEmail = screen.getByRole('link', { name: 'Unpaywall: Off — needs your email' });
    fireEvent.click(toEmail);
    expect(document.activeElement?.id).toBe('opt-email');
    expect(screen.getByRole('link', { name: 'CORE: Off — needs a key' }).getAttribute('href')).toBe('#opt-keys-core');
  });

  it('once the email and key are given, their switches appear with the stored choice', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...defaultSettings(), email: 'me@example.org', keys: { ...defaultSettings().keys, core: 'K' } },
    });
    renderOptions();
    await waitFor(() => expect(checkbox('unpaywall')?.checked).toBe(true));
    expect(checkbox('core')?.checked).toBe(true);
    expect(needsRow('unpaywall')).toBeNull();
    expect(needsRow('core')).toBeNull();
  });

  it('the email field says which sources it turns on and who else gets it, from the registry', async () => {
    renderOptions();
    const email = await screen.findByLabelText('Your email (optional)');
    const help = document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(help?.textContent).toBe(
      'Giving your email turns on Unpaywall, asked only with an email. It also goes to OpenAlex and Crossref as a polite contact address, and to no one else.',
    );
  });
});

describe('Sources: the services asked and the order of copies are two groups', () => {
  it('every service is in "Services asked"; "Prefer repository copies" is in "Order of copies", not among them', async () => {
    renderOptions();
    const services = await screen.findByRole('group', { name: 'Services asked' });
    for (const source of SOURCES) expect(services.textContent, source.id).toContain(source.label);
    expect(within(services).queryByLabelText('Prefer repository copies')).toBeNull();
    const order = screen.getByRole('group', { name: 'Order of copies' });
    expect(within(order).getByLabelText('Prefer repository copies')).toBeTruthy();
  });
});
