/**
 * The sources' names and human labels, without zod: the popup's first paint needs the labels, and
 * importing them from utils/model.ts would bundle the schemas (≈ 28 kB) into it. model.ts re-exports both.
 */
export const SOURCE_NAMES = ['openalex', 'unpaywall', 'europepmc', 'semanticscholar', 'core', 'crossref'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Human names of the sources, for "found via …". */
export const SOURCE_LABELS: Record<SourceName, string> = {
  openalex: 'OpenAlex',
  unpaywall: 'Unpaywall',
  europepmc: 'Europe PMC',
  semanticscholar: 'Semantic Scholar',
  core: 'CORE',
  crossref: 'Crossref',
};
