/**
 * Vitest setup: the fake browser from `wxt/testing` has no i18n, so getMessage is served from the
 * English messages file with Chrome's positional `$1…$9` substitution.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import en from '../public/_locales/en/messages.json';

const messages = en as Record<string, { message: string }>;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser as unknown as { i18n: unknown }).i18n = {
    getMessage,
    getUILanguage: () => 'en',
  };
});

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
