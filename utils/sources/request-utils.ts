/** Small helpers every source uses to build URLs and to read DOIs back out of answers. */
import { doiKey } from '../model/doi';

/** `a=1&b=2`, leaving out null/empty values (an unset email or key is simply not sent). */
export function queryString(params: Record<string, string | null | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** A DOI inside a URL path: every character escaped except the "/" that DOIs are full of. */
export function encodeDoiPath(doi: string): string {
  return doi.split('/').map(encodeURIComponent).join('/');
}

/** "https://doi.org/10.1/X" or "10.1/X" → the DOI key, or null. */
export function doiFromUrl(value: unknown): string | null {
  return typeof value === 'string' ? doiKey(value) : null;
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
