/** The words the UI uses for versions, host kinds and statuses: one place, so popup, badges and icon agree. */
import type { Copy, HostType, OaStatus, Version } from './model';

export function versionLabel(version: Version): string {
  switch (version) {
    case 'published':
      return 'Published version';
    case 'accepted':
      return 'Accepted manuscript';
    case 'submitted':
      return 'Submitted version';
    default:
      return 'Version not stated';
  }
}

export function hostKindLabel(hostType: HostType): string {
  switch (hostType) {
    case 'repository':
      return 'Repository';
    case 'preprint':
      return 'Preprint server';
    case 'publisher':
      return 'Publisher';
  }
}

export const STATUS_LABELS: Record<OaStatus, string> = {
  diamond: 'Diamond open access',
  gold: 'Gold open access',
  hybrid: 'Hybrid open access',
  bronze: 'Free to read (bronze)',
  green: 'Free copy in a repository (green)',
  closed: 'No free copy found',
  unknown: 'Status unknown',
};

export function licenceText(copy: Pick<Copy, 'licence'>): string {
  return copy.licence?.label ?? 'No open licence stated';
}

export function copyHostName(copy: Pick<Copy, 'hostName' | 'landingUrl' | 'pdfUrl'>): string {
  if (copy.hostName) return copy.hostName;
  const url = copy.landingUrl ?? copy.pdfUrl;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      /* fall through */
    }
  }
  return 'Unknown host';
}
