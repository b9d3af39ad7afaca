/**
 * What a reader may type into the popup's form: a DOI (bare, "doi:…", a doi.org link, or any text
 * holding one), a PubMed id, a PubMed Central id or an arXiv id, each also as its record's address.
 * Zod-free: the form is part of the popup's first paint.
 */
import { parseDoiField } from './doi';
import { arxivDoi, parseArxivId, parsePmcid, parsePmid } from './identifiers';

/** Ids that need a source to name their DOI (arXiv's DOI follows from the id by rule). */
export type OtherIdKind = 'pmid' | 'pmcid';

export type TypedId =
  | { kind: 'doi'; doi: string }
  /** `doi` is the DataCite DOI arXiv registers for every paper (10.48550/arXiv.<id>). */
  | { kind: 'arxiv'; id: string; doi: string }
  | { kind: OtherIdKind; id: string };

/** PubMed and PubMed Central record addresses: pubmed.ncbi.nlm.nih.gov/<pmid>/, …/articles/PMC<n>/. */
const PUBMED_URL = /^https?:\/\/(?:www\.)?pubmed\.ncbi\.nlm\.nih\.gov\/(\d{1,8})\/?(?:[?#].*)?$/i;
const PMC_URL = /^https?:\/\/(?:pmc\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pmc)\/articles\/(pmc\d{1,9})\/?(?:[?#].*)?$/i;

/**
 * Reads one typed identifier; null when the text holds none of them. A DOI anywhere in the text
 * wins (a doi.org link, a citation); then PMCID, arXiv id and PMID, each taken only when the whole
 * text is that id (or its record's address), so a number inside a sentence is never read as a PMID.
 */
export function parseTypedId(text: string): TypedId | null {
  if (typeof text !== 'string') return null;
  const doi = parseDoiField(text);
  if (doi) return { kind: 'doi', doi };
  const trimmed = text.trim();
  const pmcid = parsePmcid(PMC_URL.exec(trimmed)?.[1] ?? trimmed);
  if (pmcid) return { kind: 'pmcid', id: pmcid };
  const arxiv = parseArxivId(trimmed);
  if (arxiv) return { kind: 'arxiv', id: arxiv, doi: arxivDoi(arxiv) };
  const pmid = parsePmid(PUBMED_URL.exec(trimmed)?.[1] ?? trimmed);
  return pmid ? { kind: 'pmid', id: pmid } : null;
}

/** How the id is written for people: "PMID 40437959", "PMC12120539", "arXiv:1706.03762". */
export function typedIdLabel(id: Exclude<TypedId, { kind: 'doi' }>): string {
  if (id.kind === 'pmid') return `PMID ${id.id}`;
  if (id.kind === 'arxiv') return `arXiv:${id.id}`;
  return id.id;
}
