import { beforeEach, describe, expect, it } from 'vitest';
import { createBadgeController, type BadgeControllerOptions } from '@/entrypoints/content/badges/controller';
import { BADGE_TAG } from '@/entrypoints/content/badges/placement';
import { createLookupQueue } from '@/entrypoints/content/badges/queue';
import type { BadgeView } from '@/entrypoints/content/badges/view';
import type { LookupResult } from '@/utils/model';
import { closedResult, foundResult } from '../../../fixtures/results';
import { fakeWindow, lastObserver } from './fake-io';

/** Lets queued timers, promises and scan slices run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function links(n: number, from = 0): string {
  return Array.from({ length: n }, (_, i) => `<li><a href="https://doi.org/10.5555/ref${i + from}">Ref ${i + from}</a></li>`).join('');
}

/** DOIs ending in an even number have a free copy, odd ones are closed, "unk" ones unknown. */
function statusFor(doi: string): LookupResult {
  if (doi.includes('unk')) return closedResult({ doi, status: 'unknown' });
  const n = Number(/(\d+)$/.exec(doi)?.[1] ?? 1);
  return n % 2 === 0 ? foundResult({ doi, status: 'green' }) : closedResult({ doi });
}

function setup(extra: Partial<BadgeControllerOptions> = {}) {
  const messages: string[][] = [];
  const queue = createLookupQueue({
    send: async (dois) => {
      messages.push(dois);
      return { results: Object.fromEntries(dois.map((doi) => [doi, statusFor(doi)])) };
    },
    windowMs: 0,
  });
  const win = fakeWindow();
  const controller = createBadgeController({
    doc: document,
    win,
    queue,
    view: { hideClosed: false },
    createBadge: (view: BadgeView) => {
      const host = document.createElement(BADGE_TAG);
      host.setAttribute('data-kind', view.kind);
      return host;
    },
    schedule: (cb) => void setTimeout(cb, 0),
    ...extra,
  });
  const showLinks = (from: number, to: number) => lastObserver().show(Array.from(document.querySelectorAll('a')).slice(from, to));
  return { messages, controller, showLinks };
}

const badges = () => Array.from(document.querySelectorAll(BADGE_TAG));

describe('createBadgeController', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('asks only when DOIs come into view, with read-ahead: 300 references scrolled cost 3 messages', async () => {
    document.body.innerHTML = `<ol>${links(300)}</ol>`;
    const { messages, controller, showLinks } = setup();
    await controller.scan();
    await settle();
    expect(messages).toHaveLength(0);
    for (let top = 0; top < 300; top += 15) {
      showLinks(top, top + 15);
      await settle();
    }
    expect(messages.map((m) => m.length)).toEqual([100, 100, 100]);
    expect(new Set(messages.flat()).size).toBe(300);
    expect(controller.stats()).toMatchObject({ dois: 300, requested: 300 });
  });

  it('places a badge after each link with the right kind, none for unknown', async () => {
    document.body.innerHTML = `<ol>${links(4)}<li><a href="https://doi.org/10.5555/unk">U</a></li></ol>`;
    const { controller, showLinks } = setup();
    await controller.scan();
    showLinks(0, 5);
    await settle();
    const kinds = Array.from(document.querySelectorAll('a')).map((a) => a.nextElementSibling?.getAttribute('data-kind') ?? null);
    expect(kinds).toEqual(['open', 'closed', 'open', 'closed', null]);
  });

  it('leaves closed works unmarked when hideClosed is set', async () => {
    document.body.innerHTML = `<ol>${links(4)}</ol>`;
    const { controller, showLinks } = setup({ view: { hideClosed: true } });
    await controller.scan();
    showLinks(0, 4);
    await settle();
    expect(badges().map((b) => b.getAttribute('data-kind'))).toEqual(['open', 'open']);
  });

  it('adds badges for new DOIs only when the page grows (infinite scroll)', async () => {
    document.body.innerHTML = `<ol id="list">${links(4)}</ol>`;
    const { messages, controller, showLinks } = setup({ readAhead: 4 });
    await controller.scan();
    showLinks(0, 4);
    await settle();
    expect(badges()).toHaveLength(4);
    document.getElementById('list')!.insertAdjacentHTML('beforeend', links(4, 4));
    await controller.scan();
    showLinks(0, 8);
    await settle();
    expect(badges()).toHaveLength(8);
    expect(messages.flat()).toHaveLength(8);
    // A re-scan of an unchanged page changes nothing.
    await controller.scan();
    showLinks(0, 8);
    await settle();
    expect(badges()).toHaveLength(8);
    expect(messages).toHaveLength(2);
  });

  it("badges a single-page navigation's new content without asking again for DOIs it knows", async () => {
    document.body.innerHTML = `<ol>${links(4)}</ol>`;
    const { messages, controller, showLinks } = setup();
    await controller.scan();
    showLinks(0, 4);
    await settle();
    document.body.innerHTML = `<main><ol>${links(6)}</ol></main>`;
    await controller.scan();
    showLinks(0, 6);
    await settle();
    expect(badges()).toHaveLength(6);
    expect(messages.flat().sort()).toEqual(Array.from({ length: 6 }, (_, i) => `10.5555/ref${i}`).sort());
  });

  it('waits for a running scan and runs one more, so content added meanwhile is found', async () => {
    document.body.innerHTML = `<ol id="list">${links(2)}</ol>`;
    const { controller } = setup();
    const first = controller.scan();
    document.getElementById('list')!.insertAdjacentHTML('beforeend', links(2, 2));
    const second = controller.scan();
    await Promise.all([first, second]);
    expect(controller.stats().dois).toBe(4);
  });

  it('dispose removes every badge and ignores answers that arrive later', async () => {
    document.body.innerHTML = `<ol>${links(6)}</ol>`;
    const { controller, showLinks } = setup({ readAhead: 2 });
    await controller.scan();
    showLinks(0, 2);
    await settle();
    expect(badges()).toHaveLength(2);
    showLinks(2, 6);
    controller.dispose();
    await settle();
    expect(badges()).toHaveLength(0);
    expect(document.body.textContent).toBe('Ref 0Ref 1Ref 2Ref 3Ref 4Ref 5');
  });

  it('survives a badge factory that throws', async () => {
    document.body.innerHTML = `<ol>${links(2)}</ol>`;
    const { controller, showLinks } = setup({
      createBadge: () => {
        throw new Error('render bug');
      },
    });
    await controller.scan();
    showLinks(0, 2);
    await settle();
    expect(badges()).toHaveLength(0);
  });

  it('progressive: a badge from an answer so far is replaced by the final one, kept when the same, removed when gone', async () => {
    document.body.innerHTML = `<ol>${links(3)}</ol>`;
    const early: Record<string, LookupResult> = {
      '10.5555/ref0': foundResult({ doi: '10.5555/ref0', status: 'bronze' }),
      '10.5555/ref1': foundResult({ doi: '10.5555/ref1' }),
      '10.5555/ref2': foundResult({ doi: '10.5555/ref2' }),
    };
    const late: Record<string, LookupResult | undefined> = {
      '10.5555/ref0': foundResult({ doi: '10.5555/ref0', status: 'green' }),
      '10.5555/ref1': foundResult({ doi: '10.5555/ref1' }),
    };
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const queue = createLookupQueue({
      send: async (dois, final) =>
        final ? (await gate, { results: Object.fromEntries(dois.flatMap((d) => (late[d] ? [[d, late[d]!]] : []))) }) : { results: early, unfinished: dois },
      windowMs: 0,
    });
    const controller = createBadgeController({
      doc: document,
      win: fakeWindow(),
      queue,
      view: { hideClosed: true },
      createBadge: (view: BadgeView) => {
        const host = document.createElement(BADGE_TAG);
        host.setAttribute('data-status', view.status);
        return host;
      },
      schedule: (cb) => void setTimeout(cb, 0),
    });
    await controller.scan();
    lastObserver().show(Array.from(document.querySelectorAll('a')));
    await settle();
    const before = badges();
    expect(before.map((b) => b.getAttribute('data-status'))).toEqual(['bronze', 'gold', 'gold']);
    finish();
    await settle();
    const after = badges();
    expect(after.map((b) => b.getAttribute('data-status'))).toEqual(['green', 'gold']);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(controller.stats().badges).toBe(2);
  });
});
