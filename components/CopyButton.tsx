import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { shortcutAttributes } from '@/utils/view/shortcuts';

interface Props {
  text: string;
  label: string;
  copy(text: string): Promise<void>;
  /** Added to the accessible name when the visible label alone is ambiguous in a list ("UCL Discovery"). */
  context?: string;
  /** A popup keyboard shortcut that presses this button (announced via aria-keyshortcuts). */
  shortcut?: string;
}

/** A button that copies `text` and says "Copied" (in text and to screen readers) for two seconds. */
export function CopyButton({ text, label, copy, context, shortcut }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    clearTimeout(timer.current);
    try {
      await copy(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 2000);
  };

  const status = state === 'copied' ? ` — ${t('copied')}` : state === 'failed' ? ` — ${t('copyFailed')}` : '';
  // The accessible name starts with everything visible (WCAG 2.5.3), then names the copy.
  const name = context ? `${label}${status} — ${context}` : undefined;
  return (
    <button type="button" class="action" onClick={onClick} aria-label={name} {...shortcutAttributes(shortcut)} data-state={state}>
      {label}
      <span class="copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </button>
  );
}
