/**
 * The cache and batch key of a DOI: the shared parser (utils/doi.ts) reads any written form
 * ("https://doi.org/…", "doi:…", percent-encoded); DOIs are case-insensitive, so the key is lower
 * case. Unlike `doiKey` in utils/doi.ts this gives null for input that is not a DOI, so the engine
 * can answer with an error value instead of asking the sources.
 */
import { parseDoi } from '../model/doi';

export function lookupKey(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const doi = parseDoi(input);
  return doi ? doi.toLowerCase() : null;
}
