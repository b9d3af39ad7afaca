/**
 * The per-site badge list as the user types it (host names or whole URLs, one per line), read into
 * host names. Matching a page against the list is the badges' job (entrypoints/content/badges/settings.ts).
 */
import { SiteName } from './schema';

/** "https://WWW.Nature.com/articles/x" → "www.nature.com"; null when no host name can be read. */
export function normalizeSite(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  return SiteName.safeParse(host).success && host.includes('.') ? host : null;
}

/** Reads a one-site-per-line list: the valid sites (deduplicated, in order) and the lines that are not sites. */
export function parseSiteList(text: string): { sites: string[]; rejected: string[] } {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const line of text.split(/[\n,]/)) {
    if (!line.trim()) continue;
    const site = normalizeSite(line);
    if (site === null) rejected.push(line.trim());
    else if (!sites.includes(site)) sites.push(site);
  }
  return { sites, rejected };
}
