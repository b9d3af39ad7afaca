/**
 * The registered sources' ids, labels and roles, without their code: what the popup's first paint
 * needs (the tab-state guard's source names, "found via …", "Still asking …", failures). Importing
 * `./registry` there would bring every source module (≈ 30 kB of parsers and request plans) into the
 * popup's first paint, only to read three fields.
 *
 * A checked mirror of `./registry` (tests/utils/sources/names.test.ts holds it to the same ids in
 * the same order, labels and roles): the registry stays the one list; add a source there first.
 */
import type { SourceName } from './registry';

/** Each source's label and, for doi.org, its role (see `Source.role`), in registry order. */
const SOURCE_INFO: Record<SourceName, { label: string; role?: 'registration' }> = {
  openalex: { label: 'OpenAlex' },
  unpaywall: { label: 'Unpaywall' },
  europepmc: { label: 'Europe PMC' },
  semanticscholar: { label: 'Semantic Scholar' },
  core: { label: 'CORE' },
  crossref: { label: 'Crossref' },
  openaire: { label: 'OpenAIRE' },
  datacite: { label: 'DataCite' },
  doiorg: { label: 'doi.org', role: 'registration' },
};

/** The ids in merge order (the registry's `SOURCE_NAMES`). */
export const SOURCE_IDS = Object.keys(SOURCE_INFO) as [SourceName, ...SourceName[]];

/** Human names by id (the registry's `SOURCE_LABELS`). */
export const SOURCE_NAME_LABELS = Object.fromEntries(SOURCE_IDS.map((id) => [id, SOURCE_INFO[id].label])) as Record<SourceName, string>;

/**
 * Whether the source only says whether a DOI is registered (doi.org), rather than where copies are.
 * False for anything that is not a registered source's id (ids come from storage).
 */
export function isRegistrationSource(id: string): boolean {
  return Object.hasOwn(SOURCE_INFO, id) && SOURCE_INFO[id as SourceName].role === 'registration';
}
