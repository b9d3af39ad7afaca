import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '@/utils/model/url';
import { shortcutAttributes } from '@/utils/view/shortcuts';

interface Props {
  href: string | null | undefined;
  children: ComponentChildren;
  class?: string;
  ariaLabel?: string;
  /** A popup keyboard shortcut that activates this link (announced via aria-keyshortcuts). */
  shortcut?: string;
}

/** A link out of the extension: only http(s), always a new tab, never leaking the opener or referrer. */
export function ExternalLink({ href, children, class: className, ariaLabel, shortcut }: Props) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span class={className}>{children}</span>;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      referrerpolicy="no-referrer"
      class={className}
      aria-label={ariaLabel}
      {...shortcutAttributes(shortcut)}
    >
      {children}
    </a>
  );
}
