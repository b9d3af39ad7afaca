/**
 * One list of copies out of many sources: drop what is not readable, merge duplicates (the same PMC
 * article appears as europepmc.org/articles/PMC1 and ncbi.nlm.nih.gov/pmc/articles/PMC1; the same
 * file over http and https), and rank what is left for the reader.
 */
import { isOpenLicence, moreSpecificLicence } from '../model/licence';
import type { Copy, HostType, SourceName, Version } from '../model';
import { SOURCE_NAMES } from '../model';
import { safeHttpUrl } from '../model/url';

/**
 * Identity keys of a URL: scheme, "www.", trailing slashes and fragments do not matter; PMC, arXiv
 * and doi.org URLs collapse to the article they name, so landing pages and PDFs of the same record
 * are recognised as one copy.
 */
export function urlKeys(url: string | null | undefined): string[] {
  const safe = safeHttpUrl(url);
  if (!safe) return [];
  const u = new URL(safe);
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponentSafe(u.pathname);
  const keys: string[] = [];
  const pmc = /\/(?:pmc\/)?(?:articles|article\/pmc)\/(?:pmc)?(\d+)/i.exec(path);
  if (pmc && (host === 'europepmc.org' || host.endsWith('ncbi.nlm.nih.gov'))) keys.push(`pmc:PMC${pmc[1]!}`);
  const arxiv = /^\/(?:abs|pdf)\/(.+?)(?:v\d+)?(?:\.pdf)?$/.exec(path);
  if (arxiv && host.endsWith('arxiv.org')) keys.push(`arxiv:${arxiv[1]!.toLowerCase()}`);
  if (host === 'doi.org' || host === 'dx.doi.org') keys.push(`doi:${path.replace(/^\/+/, '').toLowerCase()}`);
  const trimmedPath = u.pathname.replace(/\/+$/, '');
  keys.push(`url:${host}${trimmedPath}${u.search}`);
  return keys;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** True when a repository "copy" only points at the work's own DOI, i.e. at the publisher. */
function pointsOnlyAtDoi(copy: Copy, doi: string): boolean {
  if (copy.pdfUrl) return false;
  return urlKeys(copy.landingUrl).includes(`doi:${doi.toLowerCase()}`);
}

/**
 * Keeps only copies a reader can open: at least one http(s) URL, and for repositories a URL into the
 * repository (OpenAlex lists PMC records whose landing page is the publisher's DOI link).
 */
export function isReadableCopy(copy: Copy, doi: string): boolean {
  if (!copy.pdfUrl && !copy.landingUrl) return false;
  if (copy.hostType !== 'publisher' && pointsOnlyAtDoi(copy, doi)) return false;
  return true;
}

const VERSION_ORDER: Record<NonNullable<Version>, number> = { published: 0, accepted: 1, submitted: 2 };
function versionRank(v: Version): number {
  return v === null ? 3 : VERSION_ORDER[v];
}

function sourceRank(s: SourceName): number {
  return SOURCE_NAMES.indexOf(s);
}

/** How much a report says about a copy; the most informative one leads a merge. */
function richness(c: Copy): number {
  return (c.hostName ? 2 : 0) + (c.institution ? 1 : 0) + (c.licence ? 1 : 0) + (c.pdfUrl ? 1 : 0) + (c.landingUrl ? 1 : 0) + (c.version ? 1 : 0);
}

/** The https form of `url` when some report in the group gave it: the same file, read safely. */
function preferHttps(url: string | null, group: Copy[]): string | null {
  if (!url || !url.startsWith('http://')) return url;
  const secure = `https://${url.slice('http://'.length)}`;
  return group.some((c) => c.pdfUrl === secure || c.landingUrl === secure) ? secure : url;
}

function mergeGroup(group: Copy[]): Copy {
  const sorted = [...group].sort((a, b) => richness(b) - richness(a) || sourceRank(a.sources[0] ?? 'crossref') - sourceRank(b.sources[0] ?? 'crossref'));
  const lead = sorted[0]!;
  const sources = [...new Set(group.flatMap((c) => c.sources))].sort((a, b) => sourceRank(a) - sourceRank(b));
  const reasons = [...new Set(group.flatMap((c) => c.reasons ?? []))];
  // Sources under-report versions (PMC copies are often labelled "submitted"); the most advanced
  // version any source saw is the best estimate.
  const versions = group.map((c) => c.version).filter((v): v is NonNullable<Version> => v !== null);
  const version = versions.length ? versions.reduce((a, b) => (VERSION_ORDER[a] <= VERSION_ORDER[b] ? a : b)) : null;
  const seen = group.map((c) => c.seenAt).filter((t): t is number => typeof t === 'number');
  const merged: Copy = {
    // When reports differ only in scheme, https wins (whichever report leads).
    pdfUrl: preferHttps(lead.pdfUrl ?? sorted.find((c) => c.pdfUrl)?.pdfUrl ?? null, group),
    landingUrl: preferHttps(lead.landingUrl ?? sorted.find((c) => c.landingUrl)?.landingUrl ?? null, group),
    hostType: lead.hostType,
    hostName: lead.hostName ?? sorted.find((c) => c.hostName)?.hostName ?? null,
    institution: lead.institution ?? sorted.find((c) => c.institution)?.institution ?? null,
    version,
    licence: group.map((c) => c.licence).reduce((a, b) => moreSpecificLicence(a, b), null),
    sources,
  };
  if (reasons.length) merged.reasons = reasons;
  if (seen.length) merged.seenAt = Math.max(...seen);
  return merged;
}

/**
 * Drops unreadable copies and merges those that share a URL identity (landing page or PDF), keeping
 * every source that reported them. Order of first appearance is kept.
 */
export function mergeCopies(copies: Copy[], doi: string): Copy[] {
  const readable = copies.filter((c) => isReadableCopy(c, doi));
  // Union-find over shared keys: A shares a PDF with B, B a landing page with C → one copy.
  const parent = readable.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  readable.forEach((c, i) => {
    // A repository's landing page that is the work's DOI names the publisher, not this copy.
    const landing = urlKeys(c.landingUrl);
    const landingIsPublisher = c.hostType !== 'publisher' && landing.includes(`doi:${doi.toLowerCase()}`);
    for (const key of [...urlKeys(c.pdfUrl), ...(landingIsPublisher ? [] : landing)]) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Copy[]>();
  readable.forEach((c, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  });
  return [...groups.values()].map(mergeGroup);
}

export interface RankOptions {
  preferRepository: boolean;
  preferredInstitution: string | null;
}

function hostRank(t: HostType, preferRepository: boolean): number {
  const order: HostType[] = preferRepository ? ['repository', 'preprint', 'publisher'] : ['publisher', 'repository', 'preprint'];
  return order.indexOf(t);
}

function matchesInstitution(c: Copy, wanted: string | null): boolean {
  if (!wanted || !wanted.trim()) return false;
  const w = wanted.trim().toLowerCase();
  return [c.institution, c.hostName].some((v) => typeof v === 'string' && v.toLowerCase().includes(w));
}

/**
 * Orders copies for the reader: the published version under an open licence first, then by version;
 * among equals a PDF beats a landing page, the preferred institution comes first, then (setting
 * "prefer repository copies") a repository copy beats the publisher's; more corroborating sources last.
 */
export function rankCopies(copies: Copy[], options: RankOptions): Copy[] {
  const keyed = copies.map((c, i) => ({
    c,
    i,
    k: [
      versionRank(c.version),
      isOpenLicence(c.licence) ? 0 : 1,
      c.pdfUrl ? 0 : 1,
      matchesInstitution(c, options.preferredInstitution) ? 0 : 1,
      hostRank(c.hostType, options.preferRepository),
      -c.sources.length,
    ],
  }));
  keyed.sort((a, b) => {
    for (let n = 0; n < a.k.length; n++) {
      const d = a.k[n]! - b.k[n]!;
      if (d !== 0) return d;
    }
    return a.i - b.i;
  });
  return keyed.map((x) => x.c);
}
