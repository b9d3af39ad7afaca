/**
 * The plain words the popup leads with for one copy: what the reader can do ("Free to read: published
 * version, CC BY 4.0, at UCL Discovery"), what the version means, and which open-access colour the
 * copy itself is. The colour is the copy's, not the work's: a repository copy is green even when the
 * journal is gold, so the words never contradict the copy they describe.
 */
import type { Copy, OaStatus, Version } from '../model';
import { t, type MessageKey } from './i18n';

type VersionId = NonNullable<Version> | 'none';

const LEAD_VERSION: Record<VersionId, MessageKey> = {
  published: 'leadVersionPublished',
  accepted: 'leadVersionAccepted',
  submitted: 'leadVersionSubmitted',
  none: 'leadVersionUnknown',
};

const VERSION_NOTE: Record<VersionId, MessageKey> = {
  published: 'versionNotePublished',
  accepted: 'versionNoteAccepted',
  submitted: 'versionNoteSubmitted',
  none: 'versionNoteUnknown',
};

/**
 * The sentence that leads a copy: version (lower case), licence when one is stated, host.
 * `licence` is the licence's short label ("CC BY 4.0") or null.
 */
export function leadLine(version: Version, licence: string | null, host: string): string {
  const v = t(LEAD_VERSION[version ?? 'none']);
  return licence ? t('leadFree', [v, licence, host]) : t('leadFreeNoLicence', [v, host]);
}

/** One plain line on what the version is (submitted: not peer-reviewed, may differ). */
export function versionNote(version: Version): string {
  return t(VERSION_NOTE[version ?? 'none']);
}

const PUBLISHER_COLOURS: readonly OaStatus[] = ['diamond', 'gold', 'hybrid', 'bronze'];

/**
 * The open-access colour of one copy: green for a repository or preprint server; at the publisher
 * the colour the sources stated for the work (`workStatus`) when it is a publisher colour, else
 * hybrid under an open licence and bronze without one.
 */
export function copyColour(copy: Pick<Copy, 'hostType'>, workStatus: OaStatus, openLicence: boolean): OaStatus {
  if (copy.hostType !== 'publisher') return 'green';
  if (PUBLISHER_COLOURS.includes(workStatus)) return workStatus;
  return openLicence ? 'hybrid' : 'bronze';
}

const COLOUR_WORDS: Partial<Record<OaStatus, MessageKey>> = {
  green: 'colourGreen',
  gold: 'colourGold',
  diamond: 'colourDiamond',
  hybrid: 'colourHybrid',
  bronze: 'colourBronze',
};

/** "Green open access: a free copy kept in a repository", for the Details disclosure. */
export function colourWords(colour: OaStatus): string | null {
  const key = COLOUR_WORDS[colour];
  return key ? t(key) : null;
}
