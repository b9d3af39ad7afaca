/**
 * Keyboard shortcuts inside the popup. Single keys, as in a mail client: P opens the best PDF, R the
 * repository record, C copies the record link, / jumps to the DOI field. Ignored while the user
 * types in a field or holds a modifier, so they never steal text input or browser shortcuts.
 */
export type Shortcut = 'pdf' | 'record' | 'copy' | 'doi';

export const SHORTCUT_KEYS: Record<Shortcut, string> = { pdf: 'p', record: 'r', copy: 'c', doi: '/' };

const BY_KEY = new Map(Object.entries(SHORTCUT_KEYS).map(([name, key]) => [key, name as Shortcut]));

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName.toUpperCase());
}

export function shortcutFor(event: KeyLike): Shortcut | null {
  if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return null;
  return BY_KEY.get(event.key.toLowerCase()) ?? null;
}

/** The attributes that bind an element to a shortcut key: announced to screen readers, found by the popup. */
export function shortcutAttributes(key: string | undefined): { 'aria-keyshortcuts'?: string; 'data-shortcut'?: string } {
  return key ? { 'aria-keyshortcuts': key, 'data-shortcut': key.toLowerCase() } : {};
}
