import { describe, expect, it, vi } from 'vitest';
import { watchLookup } from '@/entrypoints/popup/client';
import { memoryStorage } from '@/utils/storage/area';
import { BMC_DOI, foundResult } from '../../fixtures/results';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

function events() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    fire: (changes: Record<string, { newValue?: unknown }>, area = 'session') => listeners.forEach((l) => l(changes, area)),
    size: () => listeners.size,
  };
}

const key = `progress:${BMC_DOI}`;
const update = (at: number) => ({ result: foundResult(), pending: ['crossref'], at });

describe('watchLookup (the popup hears a lookup under way)', () => {
  it('reads the stored update, then each change to it, until stopped', async () => {
    const area = memoryStorage({ [key]: update(1_000) });
    const bus = events();
    const heard = vi.fn();
    const stop = watchLookup('10.1186/S12913-023-10058-W', heard, area, bus, () => 2_000);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    expect(heard.mock.calls[0]![0]).toMatchObject({ pending: ['crossref'] });
    bus.fire({ [key]: { newValue: { ...update(1_500), pending: [] } } });
    expect(heard).toHaveBeenLastCalledWith(expect.objectContaining({ pending: [] }));
    stop();
    expect(bus.size()).toBe(0);
  });

  it('ignores other keys, other areas, stale or malformed updates', async () => {
    const area = memoryStorage({ [key]: update(0) });
    const bus = events();
    const heard = vi.fn();
    watchLookup(BMC_DOI, heard, area, bus, () => 120_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    bus.fire({ 'progress:10.5555/other': { newValue: update(119_000) } });
    bus.fire({ [key]: { newValue: update(119_000) } }, 'local');
    bus.fire({ [key]: { newValue: { result: { doi: 1 }, pending: [], at: 119_000 } } });
    bus.fire({ [key]: { newValue: { ...update(119_000), pending: ['not-a-source'] } } });
    expect(heard).not.toHaveBeenCalled();
  });
});
