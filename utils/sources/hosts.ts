/**
 * Clean, human names for where a copy lives. Sources name repositories inconsistently
 * ("arXiv (Cornell University)", "Europe PMC (PubMed Central)", "University College London - UCL
 * Discovery", "arXiv.org"), and some only give a URL (Semantic Scholar). One table of well-known
 * hosts plus a few spelling rules gives the reader "UCL Discovery", "PubMed Central", "arXiv".
 */
import type { HostType } from '../model';

export interface KnownHost {
  name: string;
  institution: string | null;
  hostType: HostType;
}

/** Matched against the URL's host name (suffix match), most specific first. */
const KNOWN_HOSTS: Array<[string, KnownHost]> = [
  ['discovery.ucl.ac.uk', { name: 'UCL Discovery', institution: 'University College London', hostType: 'repository' }],
  ['europepmc.org', { name: 'Europe PMC', institution: 'EMBL-EBI', hostType: 'repository' }],
  ['pmc.ncbi.nlm.nih.gov', { name: 'PubMed Central', institution: 'National Institutes of Health', hostType: 'repository' }],
  ['arxiv.org', { name: 'arXiv', institution: 'Cornell University', hostType: 'preprint' }],
  ['biorxiv.org', { name: 'bioRxiv', institution: 'Cold Spring Harbor Laboratory', hostType: 'preprint' }],
  ['medrxiv.org', { name: 'medRxiv', institution: 'Cold Spring Harbor Laboratory', hostType: 'preprint' }],
  ['chemrxiv.org', { name: 'ChemRxiv', institution: null, hostType: 'preprint' }],
  ['ssrn.com', { name: 'SSRN', institution: null, hostType: 'preprint' }],
  ['preprints.org', { name: 'Preprints.org', institution: null, hostType: 'preprint' }],
  ['researchsquare.com', { name: 'Research Square', institution: null, hostType: 'preprint' }],
  ['osf.io', { name: 'OSF Preprints', institution: 'Center for Open Science', hostType: 'preprint' }],
  ['zenodo.org', { name: 'Zenodo', institution: 'CERN', hostType: 'repository' }],
  ['figshare.com', { name: 'Figshare', institution: null, hostType: 'repository' }],
  ['hal.science', { name: 'HAL', institution: 'CNRS', hostType: 'repository' }],
  ['hal.archives-ouvertes.fr', { name: 'HAL', institution: 'CNRS', hostType: 'repository' }],
  ['dspace.mit.edu', { name: 'DSpace@MIT', institution: 'Massachusetts Institute of Technology', hostType: 'repository' }],
  ['eprints.whiterose.ac.uk', { name: 'White Rose Research Online', institution: 'Universities of Leeds, Sheffield and York', hostType: 'repository' }],
  ['ora.ox.ac.uk', { name: 'ORA', institution: 'University of Oxford', hostType: 'repository' }],
  ['repository.cam.ac.uk', { name: 'Apollo', institution: 'University of Cambridge', hostType: 'repository' }],
  ['core.ac.uk', { name: 'CORE', institution: 'The Open University', hostType: 'repository' }],
  ['escholarship.org', { name: 'eScholarship', institution: 'University of California', hostType: 'repository' }],
  ['papers.nber.org', { name: 'NBER', institution: 'National Bureau of Economic Research', hostType: 'repository' }],
  ['citeseerx.ist.psu.edu', { name: 'CiteSeerX', institution: 'Pennsylvania State University', hostType: 'repository' }],
];

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The well-known host a URL points into, if any. ncbi.nlm.nih.gov counts only for its /pmc/ pages. */
export function knownHostOf(url: string | null | undefined): KnownHost | null {
  const host = hostOf(url);
  if (!host) return null;
  if (/(^|\.)ncbi\.nlm\.nih\.gov$/.test(host) && /\/pmc\//i.test(url ?? '')) {
    return { name: 'PubMed Central', institution: 'National Institutes of Health', hostType: 'repository' };
  }
  for (const [suffix, known] of KNOWN_HOSTS) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return known;
  }
  return null;
}

/** Renames that the generic rules below cannot derive. Keys are lower-case. */
// No prototype: keys come from outside data, and "constructor" or "__proto__" must find nothing.
const RENAMES: Record<string, string> = Object.assign(Object.create(null), {
  'arxiv.org': 'arXiv',
  'europe pmc (pubmed central)': 'Europe PMC',
  'pubmed central (pmc)': 'PubMed Central',
  pmc: 'PubMed Central',
});

export interface CleanName {
  name: string | null;
  /** An institution found inside the raw name, e.g. "MPG.PuRe (Max Planck Society)". */
  institution: string | null;
}

/**
 * Cleans a repository name as sources give it:
 * - "X (Y)" → name X, institution Y ("arXiv (Cornell University)", "MPG.PuRe (Max Planck Society)");
 * - "Institution - Repository" (Unpaywall's repository_institution) → name Repository, institution;
 * - known renames ("arXiv.org" → "arXiv").
 */
export function cleanRepositoryName(raw: string | null | undefined): CleanName {
  if (typeof raw !== 'string') return { name: null, institution: null };
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { name: null, institution: null };
  const renamed = RENAMES[text.toLowerCase()];
  if (renamed) return { name: renamed, institution: null };
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (paren) {
    const inner = paren[2]!.trim();
    const outer = paren[1]!.trim();
    // "DOAJ (DOAJ: Directory of Open Access Journals)": the parenthesis expands the name; not an institution.
    const isExpansion = inner.toLowerCase().startsWith(outer.toLowerCase());
    return { name: RENAMES[outer.toLowerCase()] ?? outer, institution: isExpansion ? null : inner };
  }
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(text);
  if (dash) return { name: dash[2]!.trim(), institution: dash[1]!.trim() };
  return { name: text, institution: null };
}

/** Words that name what a repository is, not whose: a name made only of these is generic. */
const GENERIC_WORDS = new Set(
  'a an and the of for in at on to & institutional university repository repositories publications publication research data digital open access archive archives eprints e-prints online library scholarly scholarship works collection collections commons knowledge output outputs papers documents store server'.split(
    ' ',
  ),
);

/** True when a repository name says only what it is ("Repository for Publications and Research Data"). */
export function isGenericRepositoryName(name: string | null | undefined): boolean {
  const words = (name ?? '').toLowerCase().match(/[\p{L}\p{N}&-]+/gu) ?? [];
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/**
 * The name a reader recognises: a generic repository name gets its institution in front
 * ("ETH Zurich — Repository for Publications and Research Data"); others stay as they are.
 */
export function recognisableName(name: string | null, institution: string | null): string | null {
  if (!name || !institution || !isGenericRepositoryName(name) || name.toLowerCase().includes(institution.toLowerCase())) return name;
  return `${institution} — ${name}`;
}

/** Index entries that list a work without holding its full text (DOAJ, PubMed abstracts). */
export function isIndexEntry(name: string | null | undefined, url: string | null | undefined): boolean {
  const host = hostOf(url);
  if (host && (host === 'doaj.org' || host.endsWith('.doaj.org') || host === 'pubmed.ncbi.nlm.nih.gov')) return true;
  if (host && /(^|\.)ncbi\.nlm\.nih\.gov$/.test(host) && /\/pubmed\//.test(url ?? '')) return true;
  const n = (name ?? '').trim().toLowerCase();
  return n === 'pubmed' || n.startsWith('doaj') || n === 'directory of open access journals';
}

/** Host type of a URL when the source does not say: known hosts, else the given fallback. */
export function hostTypeOf(url: string | null | undefined, fallback: HostType): HostType {
  return knownHostOf(url)?.hostType ?? fallback;
}
