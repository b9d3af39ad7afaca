import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsClient, type OptionsClient } from '@/utils/settings/options-client';
import { SETTINGS_KEY, defaultSettings, type Settings } from '@/utils/settings/schema';
import { readStoredSettings } from '@/utils/settings/store';
import { POLICY_MEMORY_KEY } from '@/utils/settings/policy-memory';
import { SOURCE_LABELS } from '@/utils/sources/registry';
import type { FetchLike } from '@/utils/engine';
import current from '../../fixtures/settings/v3.json';
import policy from '../../fixtures/settings/managed-policy.json';

function setup(fetch: FetchLike = async () => new Response('{}')) {
  const downloads: Array<{ filename: string; text: string }> = [];
  const client: OptionsClient = {
    ...createOptionsClient({ storage: fakeBrowser.storage, fetch, document }),
    download: (filename, text) => downloads.push({ filename, text }),
  };
  render(<OptionsApp client={client} />);
  return { downloads };
}

async function stored(): Promise<Settings> {
  return (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
}

/** Waits until the stored settings satisfy `check`. */
async function storedWhere(check: (s: Settings) => unknown) {
  await waitFor(async () => {
    const now = await stored();
    expect(check(now), JSON.stringify(now)).toBeTruthy();
  });
}

async function typeInto(label: RegExp | string, value: string) {
  const input = (await screen.findByLabelText(label)) as HTMLInputElement;
  fireEvent.input(input, { target: { value } });
  fireEvent.change(input, { target: { value } });
  return input;
}

describe('OptionsApp: every control changes the stored settings', () => {
  it('email and API keys', async () => {
    setup();
    await typeInto('Your email (optional)', ' reader@example.org ');
    await storedWhere((s) => s.email === 'reader@example.org');
    await typeInto('OpenAlex API key', 'OA1');
    await storedWhere((s) => s.keys.openalex === 'OA1');
    await typeInto('CORE API key', 'CORE1');
    await storedWhere((s) => s.keys.core === 'CORE1');
    await typeInto('Semantic Scholar API key', 'S2');
    await storedWhere((s) => s.keys.semanticscholar === 'S2');
  });

  it('refuses an invalid email with a message and stores nothing', async () => {
    setup();
    const input = await typeInto('Your email (optional)', 'not an email');
    expect((await screen.findByRole('alert')).textContent).toBe('That is not an email address.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
  });

  it('source toggles, base URLs and ranking', async () => {
    setup();
    // Sources that need an email or a key have a switch only once it is given.
    await typeInto('Your email (optional)', 'reader@example.org');
    await typeInto('CORE API key', 'CORE1');
    await storedWhere((s) => s.email === 'reader@example.org' && s.keys.core === 'CORE1');
    for (const label of Object.values(SOURCE_LABELS)) {
      const box = (await screen.findAllByLabelText(label)).find((el) => (el as HTMLInputElement).type === 'checkbox')!;
      fireEvent.click(box);
    }
    await storedWhere((s) => Object.values(s.sources).every((source) => !source.enabled));
    fireEvent.click(screen.getByLabelText('Prefer repository copies'));
    await storedWhere((s) => s.ranking.preferRepository === false);
    const crossrefUrl = within(screen.getByText('Advanced: service addresses').closest('details')!).getByLabelText('Crossref');
    fireEvent.change(crossrefUrl, { target: { value: 'http://127.0.0.1:9000/crossref/' } });
    await storedWhere((s) => s.sources.crossref.baseUrl === 'http://127.0.0.1:9000/crossref');
    fireEvent.change(crossrefUrl, { target: { value: '' } });
    await storedWhere((s) => s.sources.crossref.baseUrl === undefined);
  });

  it('library settings', async () => {
    setup();
    await typeInto('Link resolver (OpenURL) address', 'https://resolver.example.edu/openurl');
    await storedWhere((s) => s.library.openUrlBase === 'https://resolver.example.edu/openurl');
    await typeInto('Inter-library loan form', 'https://ill.example.edu/form?doi={doi}');
    await storedWhere((s) => s.library.illUrlTemplate === 'https://ill.example.edu/form?doi={doi}');
    await typeInto('Preferred institution', 'University College London');
    await storedWhere((s) => s.library.preferredInstitution === 'University College London');
    await typeInto('Link resolver (OpenURL) address', 'javascript:alert(1)');
    expect((await screen.findByRole('alert')).textContent).toMatch(/full web address/);
    expect((await stored()).library.openUrlBase).toBe('https://resolver.example.edu/openurl');
  });

  it('badges, the per-site list, privacy mode and discovery services', async () => {
    setup();
    fireEvent.click(await screen.findByLabelText('Show badges next to DOI links'));
    await storedWhere((s) => s.badges.enabled === false);
    fireEvent.click(screen.getByLabelText('Hide badges for articles without a free copy'));
    await storedWhere((s) => s.badges.hideClosed === true);
    const sites = screen.getByLabelText('Never show badges on these sites');
    fireEvent.change(sites, { target: { value: 'https://WWW.Nature.com/articles/x\nscholar.google.com\nwww.nature.com' } });
    await storedWhere((s) => s.badges.disabledSites.join() === 'www.nature.com,scholar.google.com');
    fireEvent.change(sites, { target: { value: 'not a site' } });
    expect((await screen.findByRole('alert')).textContent).toBe('These lines are not sites: not a site');
    fireEvent.click(screen.getByLabelText('Only when I open the Greenway popup (privacy mode)'));
    await storedWhere((s) => s.privacy.autoLookup === false);
    fireEvent.click(screen.getByLabelText('Automatically, when a page shows an article'));
    await storedWhere((s) => s.privacy.autoLookup === true);
    fireEvent.click(screen.getByLabelText('Google Scholar'));
    fireEvent.click(screen.getByLabelText('Semantic Scholar', { selector: '#opt-discovery-semanticscholar' }));
    await storedWhere((s) => s.discovery.join() === 'base,core,semanticscholar');
  });
});

describe('OptionsApp: managed policy, damaged settings, key test, cache, backup', () => {
  it('shows at once while storage.managed is slow (browser start), then the locks of its late answer', async () => {
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    const late = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    // Remembered: no policy (what the background saw last time). The page shows it at once.
    await fakeBrowser.storage.local.set({ [POLICY_MEMORY_KEY]: { v: 1, policy: null, seenAt: 1 } });
    const storage = { local: fakeBrowser.storage.local, managed: { get: () => late }, onChanged: fakeBrowser.storage.onChanged };
    render(<OptionsApp client={createOptionsClient({ storage, fetch: async () => new Response('{}'), document })} />);
    const email = (await screen.findByLabelText('Your email (optional)')) as HTMLInputElement;
    expect(email.disabled).toBe(false);
    answer(policy);
    await waitFor(() => expect(email.disabled).toBe(true));
    await waitFor(() => expect(email.value).toBe('library@example.edu'));
    expect(screen.getByText(/Your institution manages some of these settings/)).toBeTruthy();
  });

  it('follows a policy the institution sets, then removes, while the page is open', async () => {
    setup();
    const email = (await screen.findByLabelText('Your email (optional)')) as HTMLInputElement;
    expect(email.disabled).toBe(false);
    await fakeBrowser.storage.managed.set(policy);
    await waitFor(() => expect(email.disabled).toBe(true));
    await waitFor(() => expect(email.value).toBe('library@example.edu'));
    await fakeBrowser.storage.managed.clear();
    await waitFor(() => expect(email.disabled).toBe(false));
    expect(screen.queryByText(/Your institution manages some of these settings/)).toBeNull();
  });

  it('shows locked fields as disabled and says why', async () => {
    await fakeBrowser.storage.managed.set(policy);
    setup();
    const email = (await screen.findByLabelText('Your email (optional)')) as HTMLInputElement;
    expect(email.disabled).toBe(true);
    expect(email.value).toBe('library@example.edu');
    const why = document.getElementById(
      email
        .getAttribute('aria-describedby')!
        .split(' ')
        .find((id) => id.endsWith('-locked'))!,
    );
    expect(why?.textContent).toBe('Set by your institution');
    expect(screen.getByText(/Your institution manages some of these settings/)).toBeTruthy();
    expect((screen.getByLabelText('Only when I open the Greenway popup (privacy mode)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Preferred institution') as HTMLInputElement).disabled).toBe(true);
    // Not in the policy: still editable.
    expect((screen.getByLabelText('OpenAlex API key') as HTMLInputElement).disabled).toBe(false);
    const s2 = screen.getAllByLabelText('Semantic Scholar').find((el) => el.id === 'opt-sources-semanticscholar-enabled') as HTMLInputElement;
    expect(s2.disabled).toBe(true);
    expect(s2.checked).toBe(false);
  });

  it('an invalid stored value falls back to defaults with a visible note', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...current, email: 'broken', badges: 'yes' } });
    setup();
    expect((await screen.findByText(/Some saved settings were invalid/)).textContent).toBe(
      'Some saved settings were invalid and now hold their defaults: email, badges',
    );
    expect((screen.getByLabelText('Your email (optional)') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Show badges next to DOI links') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Preferred institution') as HTMLInputElement).value).toBe('University College London');
  });

  it('an unreadable stored value shows a note and the defaults', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    setup();
    expect(await screen.findByText(/could not be read/)).toBeTruthy();
    expect((screen.getByLabelText('Automatically, when a page shows an article') as HTMLInputElement).checked).toBe(true);
  });

  it('the key test reports what the service said', async () => {
    const fetch = vi.fn<FetchLike>(async () => new Response('{"message":"API key not found"}', { status: 401 }));
    setup(fetch);
    await typeInto('OpenAlex API key', 'bad-key');
    await storedWhere((s) => s.keys.openalex === 'bad-key');
    const test = screen.getAllByRole('button', { name: 'Test' })[0] as HTMLButtonElement;
    await waitFor(() => expect(test.disabled).toBe(false));
    fireEvent.click(test);
    expect(await screen.findByText('The service refused the key (HTTP 401): API key not found')).toBeTruthy();
    expect(fetch.mock.calls[0]?.[0]).toBe('https://api.openalex.org/rate-limit?api_key=bad-key');
  });

  it('shows the cache size and clears it', async () => {
    await fakeBrowser.storage.local.set({ 'greenway:lookup:v1:10.1/a': { v: 1 }, 'greenway:lookup:v1:10.1/b': { v: 1 }, other: 1 });
    setup();
    expect(await screen.findByText(/^2 lookups remembered/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Forget all lookups' }));
    expect(await screen.findByText(/^Forgotten/)).toBeTruthy();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ other: 1 });
  });

  it('export then import restores the settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: current });
    const { downloads } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings' }));
    expect(downloads[0]?.filename).toBe('greenway-settings.json');
    // A v3 sample stored before a source was added: the new source takes its default silently.
    const complete = readStoredSettings(current);
    expect(complete.notes).toEqual([]);
    expect(JSON.parse(downloads[0]!.text)).toEqual(complete.user);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const file = new File([downloads[0]!.text], 'greenway-settings.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import settings…'), { target: { files: [file] } });
    expect(await screen.findByText('Settings imported.')).toBeTruthy();
    expect(await stored()).toEqual(complete.user);
    await waitFor(() => expect((screen.getByLabelText('Preferred institution') as HTMLInputElement).value).toBe('University College London'));
  });

  it('importing a file that is not JSON gives a clear error and changes nothing', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: current });
    setup();
    const file = new File(['{ "version": 2, '], 'settings.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Import settings…'), { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^That file is not JSON \(.+\)\. Nothing was changed\.$/);
    expect(await stored()).toEqual(current);
    const other = new File(['{"hello":"world"}'], 'x.json');
    fireEvent.change(screen.getByLabelText('Import settings…'), { target: { files: [other] } });
    expect(await screen.findByText('That file does not contain Greenway settings. Nothing was changed.')).toBeTruthy();
  });
});
