/**
 * Every site file, listed by hand (no globbing: scripts run under tsx in Node as well as bundled).
 * `SITES` is what detection uses (rules only); `SITE_FILES` adds each file's examples for the tests.
 * Keep both lists in the same order; tests/utils/detect/sites.test.ts checks they match and that
 * every file in this folder is listed.
 */
import type { DoiMetaName, SiteRule } from './types';
import * as arxiv from './arxiv';
import * as biorxiv from './biorxiv';
import * as doiResolver from './doi-resolver';
import * as elife from './elife';
import * as embeddedMetadata from './embedded-metadata';
import * as europepmc from './europepmc';
import * as frontiers from './frontiers';
import * as ieee from './ieee';
import * as jstor from './jstor';
import * as libraryProxy from './library-proxy';
import * as peerj from './peerj';
import * as plos from './plos';
import * as pmc from './pmc';
import * as projecteuclid from './projecteuclid';
import * as pubmed from './pubmed';
import * as repository from './repository';
import * as ssrn from './ssrn';
import * as woltersKluwer from './wolters-kluwer';

export const SITES: readonly SiteRule[] = [
  embeddedMetadata.site,
  woltersKluwer.site,
  repository.site,
  doiResolver.site,
  libraryProxy.site,
  arxiv.site,
  biorxiv.site,
  elife.site,
  europepmc.site,
  frontiers.site,
  ieee.site,
  jstor.site,
  peerj.site,
  plos.site,
  pmc.site,
  projecteuclid.site,
  pubmed.site,
  ssrn.site,
];

/** For tests only (not referenced by detection code, so bundles drop the examples). */
export const SITE_FILES = {
  'embedded-metadata': embeddedMetadata,
  'wolters-kluwer': woltersKluwer,
  repository,
  'doi-resolver': doiResolver,
  'library-proxy': libraryProxy,
  arxiv,
  biorxiv,
  elife,
  europepmc,
  frontiers,
  ieee,
  jstor,
  peerj,
  plos,
  pmc,
  projecteuclid,
  pubmed,
  ssrn,
} as const;

/** True when `host` is one of `hosts` or a subdomain of one. */
export function hostMatches(host: string, hosts: readonly string[]): boolean {
  const h = host.toLowerCase();
  for (let i = 0; i < hosts.length; i++) {
    const d = hosts[i] as string;
    if (h === d || h.endsWith(`.${d}`)) return true;
  }
  return false;
}

/** Sites whose hosts include `host` (platform-wide rules, with empty `hosts`, are not included). */
export function sitesForHost(host: string): SiteRule[] {
  const out: SiteRule[] = [];
  for (let i = 0; i < SITES.length; i++) {
    const s = SITES[i] as SiteRule;
    if (s.hosts.length > 0 && hostMatches(host, s.hosts)) out.push(s);
  }
  return out;
}

function collect<T>(pick: (s: SiteRule) => readonly T[] | undefined): T[] {
  const out: T[] = [];
  for (let i = 0; i < SITES.length; i++) {
    const list = pick(SITES[i] as SiteRule);
    if (list) for (let j = 0; j < list.length; j++) out.push(list[j] as T);
  }
  return out;
}

/** Every DOI meta name, in trust order (registry order). */
export const DOI_META_NAMES: readonly DoiMetaName[] = collect((s) => s.doiMeta);
export const SUB_DOI_PATTERNS: readonly RegExp[] = collect((s) => s.subDoi);
export const DOI_VERSION_PATTERNS: readonly RegExp[] = collect((s) => s.doiVersion);
