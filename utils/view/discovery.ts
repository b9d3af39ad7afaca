/**
 * "Nothing found" next steps: search links for the discovery services the user chose in the options,
 * and the library's own links. The title (quoted, so the services match it as a phrase) is the best
 * query; without one the DOI is.
 */
import type { DiscoveryService } from '../settings/schema';
import { safeHttpUrl } from '../model/url';

export const DISCOVERY_NAMES: Record<DiscoveryService, string> = {
  'google-scholar': 'Google Scholar',
  base: 'BASE',
  core: 'CORE',
  semanticscholar: 'Semantic Scholar',
};

const SEARCH_URLS: Record<DiscoveryService, (query: string) => string> = {
  'google-scholar': (q) => `https://scholar.google.com/scholar?q=${q}`,
  base: (q) => `https://www.base-search.net/Search/Results?lookfor=${q}`,
  core: (q) => `https://core.ac.uk/search/?q=${q}`,
  semanticscholar: (q) => `https://www.semanticscholar.org/search?q=${q}`,
};

export interface DiscoveryLink {
  service: DiscoveryService;
  name: string;
  url: string;
  /** What is searched: the title when known, else the DOI. */
  by: 'title' | 'doi';
}

export function discoveryLinks(services: readonly DiscoveryService[], work: { doi: string; title?: string | null }): DiscoveryLink[] {
  const title = work.title?.replace(/\s+/g, ' ').trim().slice(0, 300);
  const by = title ? 'title' : 'doi';
  const query = encodeURIComponent(title ? `"${title}"` : work.doi);
  const out: DiscoveryLink[] = [];
  for (const service of new Set(services)) {
    const build = SEARCH_URLS[service];
    const url = build ? safeHttpUrl(build(query)) : null;
    if (url) out.push({ service, name: DISCOVERY_NAMES[service], url, by });
  }
  return out;
}
