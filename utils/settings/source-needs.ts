/**
 * What a source still needs before Greenway may ask it, read from its registry entry (`needsEmail`,
 * a required `key`) and the user's settings: the options page shows such a source as off, whatever
 * its switch says, because the engine skips it (utils/engine/source-use.ts) until it is given.
 */
import type { Source } from '../sources/source';
import type { Settings } from './schema';

export type SourceNeed = 'email' | 'key';

export function sourceNeeds(source: Pick<Source, 'id' | 'needsEmail' | 'key'>, settings: Pick<Settings, 'email' | 'keys'>): SourceNeed | null {
  if (source.needsEmail && !settings.email) return 'email';
  if (source.key?.required && !(settings.keys as Record<string, string | undefined>)[source.id]) return 'key';
  return null;
}
