/**
 * What a settings change takes away: the background compares the settings it acted on (with the
 * remembered policy) with those of the policy `storage.managed` answered later
 * (utils/settings/policy-memory.ts), and stops and undoes whatever is now forbidden.
 */
import { SOURCE_NAMES, type SourceName } from '../sources/registry';
import type { Settings } from './schema';

export interface Withdrawn {
  /** Automatic lookups are now off (privacy mode): nothing may be asked before the popup opens. */
  autoLookup: boolean;
  /** Inline badges are now off (the badge script follows on its own; listed for completeness). */
  badges: boolean;
  /** Sources now switched off, or now sent to another address (an institution's mirror). */
  sources: SourceName[];
}

/** What `after` forbids that `before` allowed; null when nothing. */
export function withdrawnBy(before: Settings, after: Settings): Withdrawn | null {
  const sources = SOURCE_NAMES.filter((name) => {
    const was = before.sources[name];
    const is = after.sources[name];
    return was.enabled && (!is.enabled || (was.baseUrl ?? '') !== (is.baseUrl ?? ''));
  });
  const withdrawn: Withdrawn = {
    autoLookup: before.privacy.autoLookup && !after.privacy.autoLookup,
    badges: before.badges.enabled && !after.badges.enabled,
    sources,
  };
  return withdrawn.autoLookup || withdrawn.badges || sources.length > 0 ? withdrawn : null;
}
