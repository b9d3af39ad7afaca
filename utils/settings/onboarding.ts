/**
 * First run and updates: a fresh install opens the welcome page (what Greenway does, what leaves the
 * browser, optional email); an update opens it only when a release listed in UPDATE_NOTES lies between
 * the previous and the current version. Routine updates stay silent.
 */
import type { MessageKey } from '../view/i18n';

export interface UpdateNote {
  /** The release that brought the change. */
  version: string;
  /** What changed, in one sentence (a messages.json key). */
  message: MessageKey;
}

/** Releases whose changes are worth a tab. Add one only for what a user must know or decide. */
export const UPDATE_NOTES: readonly UpdateNote[] = [{ version: '0.2.0', message: 'updateNote020' }];

export const ONBOARDING_PAGE = '/onboarding.html';

export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

/** The parts of `browser` this needs (the real one and the fake browser both fit). */
export interface OnboardingBrowser {
  runtime: { getURL(path: string): string; getManifest(): { version: string } };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

/** Compares dotted numeric versions ("0.10.0" > "0.9.1"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Notes for releases after `previous` up to and including `current`. */
export function notesBetween(previous: string, current: string, notes: readonly UpdateNote[] = UPDATE_NOTES): UpdateNote[] {
  return notes.filter((note) => compareVersions(note.version, previous) > 0 && compareVersions(note.version, current) <= 0);
}

/** The page to open for this install event, or null. */
export function onboardingUrl(details: InstalledDetails, currentVersion: string, notes: readonly UpdateNote[] = UPDATE_NOTES): string | null {
  if (details.reason === 'install') return ONBOARDING_PAGE;
  if (details.reason === 'update' && details.previousVersion) {
    const news = notesBetween(details.previousVersion, currentVersion, notes);
    if (news.length) return `${ONBOARDING_PAGE}?updated=${encodeURIComponent(details.previousVersion)}`;
  }
  return null;
}

/** `runtime.onInstalled` listener body: opens the welcome or update page when there is one. Never throws. */
export async function handleInstalled(
  details: InstalledDetails,
  browser: OnboardingBrowser,
  notes: readonly UpdateNote[] = UPDATE_NOTES,
): Promise<string | null> {
  try {
    const path = onboardingUrl(details, browser.runtime.getManifest().version, notes);
    if (!path) return null;
    const url = browser.runtime.getURL(path);
    await browser.tabs.create({ url });
    return url;
  } catch {
    return null;
  }
}
