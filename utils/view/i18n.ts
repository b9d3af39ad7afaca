/**
 * UI strings come from `public/_locales/<lang>/messages.json` through `browser.i18n`, so both browsers
 * pick the user's language. Keys are typed from the English file: a missing key is a compile error.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage returns "" for an unknown key; showing the key beats showing nothing.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** "OpenAlex and Crossref", "A, B and C": names joined as a sentence in the UI language says it. */
export function listOf(names: readonly string[]): string {
  let language: string | undefined;
  try {
    language = browser.i18n.getUILanguage() || undefined;
  } catch {
    language = undefined;
  }
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
