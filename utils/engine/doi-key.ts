/**
 * The cache and batch key of a DOI. Temporary: utils/doi.ts (being written) will provide `doiKey`;
 * until then, DOIs are case-insensitive by definition, so trimmed lower case is the key, and a
 * "doi.org/" or "doi:" prefix is dropped.
 */
export function doiKey(input: string): string | null {
  if (typeof input !== 'string') return null;
  const key = input
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(key) ? key : null;
}
