/**
 * DOIs that schema.org JSON-LD gives for the page's own work: `identifier`, `@id`, `sameAs` and `url`
 * of the top-level entities, `@graph` members and `mainEntity` — never of nested `citation`,
 * `isPartOf` or `author` objects, which name other things.
 */
import { parseDoiField } from '../model/doi';

/** Entity types that are never the work itself (breadcrumbs, sites, people, organisations). */
const NOT_A_WORK =
  /^(?:WebSite|WebPage|BreadcrumbList|Organization|Person|SearchAction|ImageObject|SiteNavigationElement|CollectionPage|SearchResultsPage|ItemList|Periodical|Blog|PublicationIssue|PublicationVolume)$/i;

const MAX_SCRIPT = 500_000;

function types(entity: Record<string, unknown>): string[] {
  const t = entity['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A DOI from an identifier-ish value: string, `{ propertyID: "doi", value }`, or a list of those. */
function doiFromValue(value: unknown, explicit = false): string | null {
  if (typeof value === 'string') {
    // A bare "10.…" string counts only where the property says it is a DOI.
    if (!explicit && !/doi/i.test(value)) return null;
    // A whole value: taken as written (a registered DOI may end in `/`).
    return parseDoiField(value);
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const doi = doiFromValue(v, explicit);
      if (doi) return doi;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const isDoi = typeof o.propertyID === 'string' && /doi/i.test(o.propertyID);
    return doiFromValue(o.value ?? o['@value'] ?? o['@id'] ?? o.url, isDoi || explicit);
  }
  return null;
}

function entityDoi(entity: Record<string, unknown>): string | null {
  if (types(entity).some((t) => NOT_A_WORK.test(t))) return null;
  return (
    doiFromValue(entity.doi, true) ?? doiFromValue(entity.identifier) ?? doiFromValue(entity['@id']) ?? doiFromValue(entity.sameAs) ?? doiFromValue(entity.url)
  );
}

/** Top-level entities of one JSON-LD document, `mainEntity` first (it names the page's subject). */
function entities(data: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const roots = Array.isArray(data) ? data : [data];
  for (const root of roots) {
    if (!root || typeof root !== 'object') continue;
    const r = root as Record<string, unknown>;
    const main = r.mainEntity;
    if (main && typeof main === 'object' && !Array.isArray(main)) out.push(main as Record<string, unknown>);
    out.push(r);
    if (Array.isArray(r['@graph'])) {
      for (const g of r['@graph']) if (g && typeof g === 'object') out.push(g as Record<string, unknown>);
    }
  }
  return out;
}

/** DOIs named by the page's JSON-LD for its own work, in document order, deduplicated. */
export function jsonLdDois(doc: Document): string[] {
  const out: string[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i] as Element;
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT || !text.includes('10.')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const entity of entities(data)) {
      const doi = entityDoi(entity);
      if (doi && !out.some((d) => d.toLowerCase() === doi.toLowerCase())) out.push(doi);
    }
  }
  return out;
}
