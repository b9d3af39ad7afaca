import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '@/utils/view/i18n';

const LOCALES = join(__dirname, '../../../public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const en = read('en');
const others = readdirSync(LOCALES).filter((l) => l !== 'en');
/** The positional substitutions a message uses, e.g. ["$1", "$2"]. */
const slots = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('locales', () => {
  it('has English and at least one more complete language', () => {
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThanOrEqual(1);
  });

  it.each(others)('%s has exactly the English keys', (locale) => {
    const messages = read(locale);
    expect(
      Object.keys(messages).filter((k) => !(k in en)),
      'keys English does not have',
    ).toEqual([]);
    expect(
      Object.keys(en).filter((k) => !(k in messages)),
      'keys missing',
    ).toEqual([]);
  });

  it.each(['en', ...others])('%s: every message is non-empty and uses the same substitutions as English', (locale) => {
    const messages = read(locale);
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${locale}.${key}`).not.toBe('');
      if (en[key]) expect(slots(entry.message), `${locale}.${key}`).toEqual(slots(en[key].message));
    }
  });

  it('t() substitutes positional values and falls back to the key for an unknown one', () => {
    expect(t('optKeyRejected', ['401', 'API key not found'])).toBe('The service refused the key (HTTP 401): API key not found');
    expect(t('nope' as never)).toBe('nope');
  });
});

describe('locale files', () => {
  it('define each key once (JSON.parse keeps the last twin silently; the add-on linter rejects the file)', () => {
    for (const locale of readdirSync(LOCALES)) {
      const keys = [...readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8').matchAll(/^\s*"([^"]+)":\s*\{/gm)].map((m) => m[1]);
      expect(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        locale,
      ).toEqual([]);
    }
  });
});
