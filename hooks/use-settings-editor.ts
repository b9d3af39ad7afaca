/** The settings as an editable, auto-saving state, shared by the options and onboarding pages. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { withSetting } from '@/utils/settings/edit';
import type { OptionsClient } from '@/utils/settings/options-client';
import type { Settings } from '@/utils/settings/schema';
import type { LoadedSettings } from '@/utils/settings/store';

/**
 * Keeps the user's edits in order: saves run one after another, each starting from the result of the
 * previous one, so quick clicks on several controls never overwrite each other.
 */
export function useSettingsEditor(client: Pick<OptionsClient, 'load' | 'save'> & Partial<Pick<OptionsClient, 'watchPolicy'>>) {
  const [loaded, setLoadedState] = useState<LoadedSettings | null>(null);
  const [saved, setSaved] = useState(0);
  const latest = useRef<LoadedSettings | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const setLoaded = useCallback((next: LoadedSettings) => {
    latest.current = next;
    setLoadedState(next);
  }, []);
  useEffect(() => {
    let live = true;
    const load = () =>
      client.load().then((next) => {
        if (live) setLoaded(next);
      });
    // In the save queue: a save under way ends first, and an older read never overwrites a newer one.
    queue.current = queue.current.then(load).catch(() => undefined);
    // The institution's policy changed (answered late at a browser start, or changed while the page is
    // open): show its locks.
    const unwatch = client.watchPolicy?.(() => {
      if (live) queue.current = queue.current.then(load).catch(() => undefined);
    });
    return () => {
      live = false;
      unwatch?.();
    };
  }, [client, setLoaded]);

  const setWith = useCallback(
    (path: string, compute: (current: Settings) => unknown): Promise<boolean> => {
      const run = queue.current.then(async () => {
        const base = latest.current;
        if (!base || base.locked.includes(path)) return false;
        const next = withSetting(base.settings, path, compute(base.settings));
        if (!next) return false;
        setLoaded(await client.save(next, base));
        setSaved((n) => n + 1);
        return true;
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [client, setLoaded],
  );
  const set = useCallback((path: string, value: unknown) => setWith(path, () => value), [setWith]);
  return { loaded, setLoaded, set, setWith, saved, markSaved: () => setSaved((n) => n + 1) };
}
