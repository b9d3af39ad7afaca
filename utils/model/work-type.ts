/**
 * Which work types are not articles. A dataset (a PDB entry), a peer review or a component
 * (a figure, a supplement) has a DOI but no "free copy" in the article sense: calling it closed is
 * false, so its status stays neutral and the popup names the type instead.
 */

/** Normalised types (OpenAlex, Crossref, DataCite `resourceTypeGeneral`) that are not articles. */
const NON_ARTICLE_TYPES = new Set([
  'dataset',
  'database',
  'peer-review',
  'component',
  'supplementary-materials',
  'software',
  'grant',
  'image',
  'audiovisual',
  'sound',
  'physical-object',
  'collection',
  'model',
  'workflow',
  'computational-notebook',
]);

/**
 * One spelling for a type as an index gives it: lower case, words joined by "-"
 * ("Dataset" → "dataset", "peer_review" → "peer-review", "PhysicalObject" → "physical-object").
 * Returns null for anything that is not a non-empty string.
 */
export function normaliseWorkType(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return t ? t.slice(0, 60) : null;
}

/** True for a (normalised or raw) type that names something other than an article, book or preprint. */
export function isNonArticleType(type: string | null | undefined): boolean {
  const t = normaliseWorkType(type);
  return t !== null && NON_ARTICLE_TYPES.has(t);
}
