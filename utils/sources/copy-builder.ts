/**
 * Builds a Copy from what one source reported, applying the rules every source shares: only http(s)
 * URLs survive, well-known hosts get their clean names and kinds, versions are mapped from the
 * "publishedVersion" vocabulary.
 */
import { normaliseLicence } from '../model/licence';
import type { Copy, HostType, SourceName, Version } from '../model';
import { safeHttpUrl } from '../model/url';
import { cleanRepositoryName, knownHostOf, recognisableName } from './hosts';

export interface RawCopy {
  pdfUrl?: unknown;
  landingUrl?: unknown;
  hostType: HostType;
  /** Name as the source gave it; repositories are cleaned, journal names kept. */
  hostName?: string | null;
  institution?: string | null;
  version?: unknown;
  licence?: unknown;
  source: SourceName;
  reason: string;
  seenAt: number;
}

/** "publishedVersion" / "acceptedVersion" / "submittedVersion" (and bare forms) → our version. */
export function parseVersion(value: unknown): Version {
  if (typeof value !== 'string') return null;
  const v = value.toLowerCase();
  if (v.startsWith('published')) return 'published';
  if (v.startsWith('accepted')) return 'accepted';
  if (v.startsWith('submitted')) return 'submitted';
  return null;
}

/** Returns null when the report has no usable URL. */
export function buildCopy(raw: RawCopy): Copy | null {
  const pdfUrl = safeHttpUrl(raw.pdfUrl);
  const landingUrl = safeHttpUrl(raw.landingUrl);
  if (!pdfUrl && !landingUrl) return null;
  // A known host overrides what the source guessed: arXiv is a preprint server even when called a repository.
  const known = knownHostOf(pdfUrl ?? landingUrl) ?? knownHostOf(landingUrl);
  let hostType = raw.hostType;
  let hostName = raw.hostName?.trim() || null;
  let institution = raw.institution?.trim() || null;
  if (hostType !== 'publisher' || known?.hostType === 'preprint') {
    const clean = cleanRepositoryName(hostName);
    hostName = known?.name ?? clean.name;
    institution = known?.institution ?? institution ?? clean.institution;
    if (known) hostType = known.hostType;
    hostName = recognisableName(hostName, institution);
  }
  return {
    pdfUrl,
    landingUrl,
    hostType,
    hostName,
    institution,
    version: parseVersion(raw.version),
    licence: normaliseLicence(raw.licence),
    sources: [raw.source],
    reasons: [raw.reason],
    seenAt: raw.seenAt,
  };
}
