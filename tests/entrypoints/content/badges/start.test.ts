import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startBadges } from '@/entrypoints/content/badges/start';
import { HIDDEN_SITES_KEY } from '@/utils/settings/basics';
import type { LookupResult } from '@/utils/model';
import { defaultSettings, SETTINGS_KEY } from '@/utils/settings/schema';
import { memoryStorage } from '@/utils/storage/area';
import { POLICY_MEMORY_KEY } from '@/utils/settings/policy-memory';
import { closedResult, foundResult } from '../../../fixtures/results';

/** Lets the queue's collection window (80 ms) pass and the render slices run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A window without IntersectionObserver: every DOI counts as visible, which is what these tests need. */
function pageWindow(url: string): Window {
  return { document, location: { href: url }, setTimeout: (cb: () => void, ms?: number) => setTimeout(cb, ms) } as unknown as Window;
}

function changeEvents() {
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  return {
    addListener: (l: (changes: Record<string, unknown>, area: string) => void) => void listeners.add(l),
    removeListener: (l: (changes: Record<string, unknown>, area: string) => void) => void listeners.delete(l),
    fire: (changes: Record<string, unknown>, area = 'local') => listeners.forEach((l) => l(changes, area)),
  };
}

const send = async (dois: string[]) =>
  Object.fromEntries(dois.map((doi) => [doi, doi.endsWith('open') ? foundResult({ doi }) : closedResult({ doi })])) as Record<string, LookupResult>;

const REFS = '<ol><li><a href="https://doi.org/10.5555/open">A</a></li><li><a href="https://doi.org/10.5555/shut">B</a></li></ol>';
/** What the page report detected on an article page (the content script hands it over). */
const ARTICLE = { doi: '10.5555/open' };

describe('startBadges', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = REFS;
  });

  it('shows no indicator on a page without an article DOI', async () => {
    const runtime = startBadges(pageWindow('https://example.org/list'), {
      local: memoryStorage(),
      onChanged: changeEvents(),
      send,
      copyText: async () => undefined,
    });
    runtime.onPageChange('initial', null);
    await settle();
    expect(document.querySelector('greenway-indicator')).toBeNull();
    runtime.stop();
  });

  it('badges the page with the default settings: no mark for a work without a free copy', async () => {
    const runtime = startBadges(pageWindow('https://example.org/list'), {
      local: memoryStorage(),
      onChanged: changeEvents(),
      send,
      copyText: async () => undefined,
    });
    await settle();
    expect(Array.from(document.querySelectorAll('greenway-badge')).map((b) => b.getAttribute('data-kind'))).toEqual(['open']);
    runtime.stop();
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(0);
  });

  it('follows settings changes: closed marks shown, then a library makes them "Library" links, then off removes the badges', async () => {
    const local = memoryStorage();
    const events = changeEvents();
    const runtime = startBadges(pageWindow('https://example.org/list'), { local, onChanged: events, send, copyText: async () => undefined });
    await settle();
    const kinds = () => Array.from(document.querySelectorAll('greenway-badge')).map((b) => b.getAttribute('data-kind'));
    expect(kinds()).toEqual(['open']);
    const show = defaultSettings();
    show.badges.hideClosed = false;
    await local.set({ [SETTINGS_KEY]: show });
    events.fire({ [SETTINGS_KEY]: {} });
    await settle();
    expect(kinds()).toEqual(['open', 'closed']);
    show.library.openUrlBase = 'https://resolver.example.edu/openurl';
    await local.set({ [SETTINGS_KEY]: show });
    events.fire({ [SETTINGS_KEY]: {} });
    await settle();
    expect(kinds()).toEqual(['open', 'library']);
    const off = defaultSettings();
    off.badges.disabledSites = ['example.org'];
    await local.set({ [SETTINGS_KEY]: off });
    events.fire({ [SETTINGS_KEY]: {} });
    await settle();
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(0);
    runtime.stop();
  });

  it('shows no indicator on a page that is itself one of the free copies (a repository record)', async () => {
    const copy = foundResult({ doi: ARTICLE.doi }).best!;
    const onCopy = startBadges(pageWindow(copy.landingUrl!), { local: memoryStorage(), onChanged: changeEvents(), send, copyText: async () => undefined });
    onCopy.onPageChange('initial', ARTICLE);
    await settle();
    expect(document.querySelector('greenway-indicator')).toBeNull();
    onCopy.stop();
    // The publisher's page of the same article still gets it.
    const elsewhere = startBadges(pageWindow('https://journal.example/article/1'), {
      local: memoryStorage(),
      onChanged: changeEvents(),
      send,
      copyText: async () => undefined,
    });
    elsewhere.onPageChange('initial', ARTICLE);
    await settle();
    expect(document.querySelector('greenway-indicator')).not.toBeNull();
    elsewhere.stop();
  });

  it('shows the article indicator on an article page unless it was dismissed on this site', async () => {
    const local = memoryStorage();
    const runtime = startBadges(pageWindow('https://journal.example/article/1'), { local, onChanged: changeEvents(), send, copyText: async () => undefined });
    runtime.onPageChange('initial', ARTICLE);
    await settle();
    const indicator = document.querySelector('greenway-indicator')!;
    expect(indicator).not.toBeNull();
    indicator.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(local.dump()[HIDDEN_SITES_KEY]).toEqual(['journal.example']);
    runtime.stop();

    const again = startBadges(pageWindow('https://journal.example/article/2'), { local, onChanged: changeEvents(), send, copyText: async () => undefined });
    again.onPageChange('initial', ARTICLE);
    await settle();
    expect(document.querySelector('greenway-indicator')).toBeNull();
    again.stop();
  });

  it('asks nothing at all when badges are off', async () => {
    const off = defaultSettings();
    off.badges.enabled = false;
    const asked: string[][] = [];
    const runtime = startBadges(pageWindow('https://example.org/list'), {
      local: memoryStorage({ [SETTINGS_KEY]: off }),
      onChanged: changeEvents(),
      send: async (dois) => {
        asked.push(dois);
        return {};
      },
      copyText: async () => undefined,
    });
    runtime.onPageChange('mutation', ARTICLE);
    await settle();
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(0);
    runtime.stop();
  });

  /**
   * Starts badges with the user's default settings and a managed area that answers only when told
   * to, like Chromium's right after a browser start; records every lookup message.
   */
  function startWithSlowPolicy(
    article: { doi: string } | null,
    options: { remembered?: Record<string, unknown> | null; policyWaitMs?: number; setTimer?: (callback: () => void, ms: number) => unknown } = {},
  ) {
    let answer: (policy: Record<string, unknown>) => void = () => undefined;
    const reply = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    const asked: string[][] = [];
    // Marks for works without a copy shown, so that every reference has a badge to count.
    const shown = defaultSettings();
    shown.badges.hideClosed = false;
    const memory = {
      [SETTINGS_KEY]: shown,
      ...(options.remembered === undefined ? {} : { [POLICY_MEMORY_KEY]: { v: 1, policy: options.remembered, seenAt: 1 } }),
    };
    const runtime = startBadges(pageWindow('https://example.org/list'), {
      local: memoryStorage(memory),
      ...(options.policyWaitMs === undefined ? {} : { policyWaitMs: options.policyWaitMs }),
      ...(options.setTimer ? { setTimer: options.setTimer } : {}),
      managed: { get: () => reply },
      onChanged: changeEvents(),
      send: async (dois) => {
        asked.push(dois);
        return send(dois);
      },
      copyText: async () => undefined,
    });
    runtime.onPageChange('initial', article);
    return { runtime, asked, answer: (policy: Record<string, unknown>) => answer(policy) };
  }

  it('sends no lookup while the policy is unread, then badges the page once it allows lookups', async () => {
    const { runtime, asked, answer } = startWithSlowPolicy(null);
    await settle();
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(0);
    answer({});
    await settle();
    expect(asked.flat().sort()).toEqual(['10.5555/open', '10.5555/shut']);
    expect(Array.from(document.querySelectorAll('greenway-badge')).map((b) => b.getAttribute('data-kind'))).toEqual(['open', 'closed']);
    runtime.stop();
  });

  for (const [name, managed] of [
    ['badges', { badgesEnabled: false }],
    ['automatic lookups', { autoLookup: false }],
  ] as const) {
    it(`a late policy that turns ${name} off stops every lookup the user's own settings would have sent`, async () => {
      const { runtime, asked, answer } = startWithSlowPolicy(ARTICLE);
      await settle();
      answer(managed);
      await settle();
      expect(asked).toEqual([]);
      expect(document.querySelectorAll('greenway-badge, greenway-indicator')).toHaveLength(0);
      runtime.stop();
    });
  }

  it('acts on the remembered policy at once: badges and the indicator before storage.managed answers', async () => {
    const { runtime, asked } = startWithSlowPolicy(ARTICLE, { remembered: null });
    await settle();
    // The article's own DOI goes to the indicator, the other reference gets its badge.
    expect(asked.flat().sort()).toEqual(['10.5555/open', '10.5555/shut']);
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(1);
    expect(document.querySelector('greenway-indicator')).not.toBeNull();
    runtime.stop();
  });

  it('a remembered privacy policy asks nothing, even while storage.managed has not answered', async () => {
    const { runtime, asked } = startWithSlowPolicy(ARTICLE, { remembered: { autoLookup: false } });
    await settle();
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('greenway-badge, greenway-indicator')).toHaveLength(0);
    runtime.stop();
  });

  it('storage.managed then forbidding what runs on the remembered policy removes the badges and sends nothing more', async () => {
    const { runtime, asked, answer } = startWithSlowPolicy(ARTICLE, { remembered: null });
    await settle();
    expect(document.querySelectorAll('greenway-badge, greenway-indicator')).toHaveLength(2);
    const before = asked.length;
    answer({ autoLookup: false });
    await settle();
    expect(document.querySelectorAll('greenway-badge, greenway-indicator')).toHaveLength(0);
    // A DOI arriving now (an SPA adding references) is not asked.
    document.body.insertAdjacentHTML('beforeend', '<p><a href="https://doi.org/10.5555/late">C</a></p>'); // our own fixture markup
    runtime.onPageChange('mutation', ARTICLE);
    await settle();
    expect(asked).toHaveLength(before);
    runtime.stop();
  });

  it('a policy forbidding lookups stops those already collected but not yet sent', async () => {
    const timers: Array<() => void> = [];
    const { runtime, asked, answer } = startWithSlowPolicy(null, { remembered: null, setTimer: (callback) => timers.push(callback) });
    // The queue's collection window is armed: both references wait to be sent.
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    answer({ autoLookup: false });
    await settle();
    timers.forEach((fire) => fire());
    await settle();
    expect(asked).toEqual([]);
    runtime.stop();
  });

  it('with nothing remembered, waits for storage.managed only the bounded time, then badges without a policy', async () => {
    const { runtime, asked } = startWithSlowPolicy(null, { policyWaitMs: 30 });
    await settle();
    expect(asked.flat().sort()).toEqual(['10.5555/open', '10.5555/shut']);
    expect(document.querySelectorAll('greenway-badge')).toHaveLength(2);
    runtime.stop();
  });
});
