/**
 * Other identifiers a page may give besides a DOI: PubMed ids, PubMed Central ids and arXiv ids.
 * All parsers are total: bad input gives null.
 */

/** PubMed id: 1–8 digits (optionally "PMID:"-prefixed). */
export function parsePmid(input: string): string | null {
  if (typeof input !== 'string') return null;
  const m = /^\s*(?:pmid\s*:?\s*)?(\d{1,8})\s*$/i.exec(input);
  return m?.[1] && Number(m[1]) > 0 ? m[1] : null;
}

/** PubMed Central id in canonical form "PMC1234567" (accepts "pmc1234567", "PMCID: PMC…"). */
export function parsePmcid(input: string): string | null {
  if (typeof input !== 'string') return null;
  const m = /^\s*(?:pmcid\s*:?\s*)?pmc(\d{1,9})\s*$/i.exec(input);
  return m?.[1] ? `PMC${m[1]}` : null;
}

/**
 * arXiv id without version: new style "1706.03762" (4+4/5 digits) or old style "hep-th/9901001";
 * accepts "arXiv:" prefixes, arxiv.org /abs/ and /pdf/ URLs and version suffixes.
 */
export function parseArxivId(input: string): string | null {
  if (typeof input !== 'string' || input.length > 300) return null;
  let s = input.trim().replace(/^arxiv\s*:\s*/i, '');
  const url = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(s);
  if (url?.[1]) s = url[1];
  const m = /^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i.exec(s);
  return m?.[1] ?? null;
}

/** The DataCite DOI arXiv registers for every paper: 10.48550/arXiv.<id>. */
export function arxivDoi(arxivId: string): string {
  return `10.48550/arXiv.${arxivId}`;
}
