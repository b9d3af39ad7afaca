import type { OaStatus } from '@/utils/model';

/** An icon per status, so the status never rests on colour alone (and the words never on the icon). */
const ICONS: Record<OaStatus, string> = {
  diamond: '◆',
  gold: '●',
  hybrid: '◐',
  bronze: '○',
  green: '✔',
  closed: '✕',
  incomplete: '◌',
  unregistered: '⚠',
  unknown: '?',
};

export function StatusLine({ status, label }: { status: OaStatus; label: string }) {
  return (
    <p class={`status status-${status}`} data-status={status}>
      <span class="status-icon" aria-hidden="true">
        {ICONS[status]}
      </span>{' '}
      {label}
    </p>
  );
}
