/**
 * The popup's single-key shortcuts (utils/view/shortcuts.ts): "/" opens the DOI field, the others
 * press the element bound to them (the best copy's buttons, `data-shortcut`) inside `root`.
 */
import { useEffect, type MutableRef } from 'preact/hooks';
import { SHORTCUT_KEYS, shortcutFor } from '@/utils/view/shortcuts';

export function usePopupShortcuts(root: MutableRef<HTMLElement | null>, openDoiField: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || !root.current) return;
      if (shortcut === 'doi') {
        event.preventDefault();
        openDoiField();
        // The form may only render on the next frame (under a result it is folded away).
        requestAnimationFrame(() => root.current?.querySelector<HTMLInputElement>('#doi-input')?.focus());
        return;
      }
      const target = root.current.querySelector<HTMLElement>(`[data-shortcut="${SHORTCUT_KEYS[shortcut]}"]`);
      if (target) {
        event.preventDefault();
        target.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // Bound once per mount: `openDoiField` only sets state.
  }, []);
}
