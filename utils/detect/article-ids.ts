/**
 * PubMed, PubMed Central and arXiv ids of the page's own work, where the page gives them: Highwire
 * meta tags (`citation_pmid`, `citation_arxiv_id`), Dublin Core identifiers with a scheme prefix, and
 * the addresses of PubMed, PMC and arXiv themselves.
 */
import { parseArxivId, parsePmcid, parsePmid } from '../model/identifiers';
import { metaValues } from './meta';
import { unproxiedUrl } from './proxy';
import { sitesForHost } from './sites/registry';

export interface ArticleIds {
  pmid?: string;
  pmcid?: string;
  arxiv?: string;
}

function fromUrl(url: URL): ArticleIds {
  const ids: ArticleIds = {};
  const parse = { pmid: parsePmid, pmcid: parsePmcid, arxiv: (v: string) => parseArxivId(v) };
  // Site knowledge: which addresses give which id (utils/detect/sites: PubMed, PMC, Europe PMC, arXiv).
  for (const site of sitesForHost(url.hostname)) {
    const rules = site.idsInUrl ?? [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as (typeof rules)[number];
      if (ids[rule.kind]) continue;
      const id = parse[rule.kind](rule.pattern.exec(url.pathname)?.[1] ?? '');
      if (id) ids[rule.kind] = id;
    }
  }
  return ids;
}

/** The first value among `keys` that `parse` accepts, if all accepted values agree. */
function single(doc: Document, keys: string[], parse: (value: string) => string | null): string | undefined {
  const values = metaValues(doc, keys)
    .map(({ value }) => parse(value))
    .filter((v): v is string => v !== null);
  return new Set(values.map((v) => v.toLowerCase())).size === 1 ? values[0] : undefined;
}

/** Prefixed Dublin Core / Highwire identifiers ("pmid:123", "PMCID: PMC123", "arXiv:1706.03762"). */
const prefixed = (prefix: RegExp, parse: (v: string) => string | null) => (value: string) => (prefix.test(value) ? parse(value.replace(prefix, '')) : null);

export function detectArticleIds(doc: Document, url: string): ArticleIds {
  let ids: ArticleIds = {};
  try {
    ids = fromUrl(unproxiedUrl(new URL(url)));
  } catch {
    // No usable address: metadata alone.
  }
  if (!doc || typeof doc.getElementsByTagName !== 'function') return ids;
  const dc = ['dc.identifier', 'citation_id'];
  ids.pmid ??= single(doc, ['citation_pmid', 'ncbi_uid'], parsePmid) ?? single(doc, dc, prefixed(/^\s*(?:pmid|info:pmid\/)\s*:?\s*/i, parsePmid));
  ids.pmcid ??= single(doc, ['citation_pmcid', 'ncbi_pmcid'], parsePmcid) ?? single(doc, dc, prefixed(/^\s*(?:pmcid\s*:?\s*)?(?=pmc\d)/i, parsePmcid));
  ids.arxiv ??= single(doc, ['citation_arxiv_id'], parseArxivId) ?? single(doc, dc, prefixed(/^\s*arxiv\s*:\s*/i, parseArxivId));
  for (const key of Object.keys(ids) as Array<keyof ArticleIds>) if (ids[key] === undefined) delete ids[key];
  return ids;
}
