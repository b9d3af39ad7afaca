/**
 * The words the UI uses for versions, host kinds and statuses: one place, so popup, badges and the
 * toolbar icon agree. Every word comes from the locale files through `t`.
 */
import type { Copy, HostType, OaStatus, Version } from '../model';
import { t, type MessageKey } from './i18n';

const VERSION_KEYS: Record<NonNullable<Version> | 'none', MessageKey> = {
  published: 'versionPublished',
  accepted: 'versionAccepted',
  submitted: 'versionSubmitted',
  none: 'versionUnknown',
};

export function versionLabel(version: Version): string {
  return t(VERSION_KEYS[version ?? 'none']);
}

/** Coarse kind from the model alone; the popup refines repositories with ./popup/host-kind.ts. */
export function hostKindLabel(hostType: HostType): string {
  return t(hostType === 'repository' ? 'hostRepository' : hostType === 'preprint' ? 'hostPreprint' : 'hostPublisher');
}

const STATUS_KEYS: Record<OaStatus, MessageKey> = {
  diamond: 'statusDiamond',
  gold: 'statusGold',
  hybrid: 'statusHybrid',
  bronze: 'statusBronze',
  green: 'statusGreen',
  closed: 'statusClosed',
  incomplete: 'statusIncomplete',
  unregistered: 'statusUnregistered',
  unknown: 'statusUnknown',
};

export function statusLabel(status: OaStatus): string {
  return t(STATUS_KEYS[status]);
}

export function licenceText(copy: Pick<Copy, 'licence'>): string {
  return copy.licence?.label ?? t('noLicence');
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
