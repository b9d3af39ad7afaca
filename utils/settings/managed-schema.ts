/**
 * Chrome's managed-storage schema (the manifest's `storage.managed_schema`), generated from the
 * policy fields — and through them from the source registry — so a new source or key is described
 * without editing JSON by hand. wxt.config.ts writes it into the build as `managed-schema.json`.
 * Shape: JSON Schema as Chrome reads it (object/boolean/string/array, nested `properties`).
 */
import { KEYED_SOURCES, SOURCES } from '../sources/registry';

interface SchemaNode {
  type: 'object' | 'boolean' | 'string' | 'array';
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const text = (description: string): SchemaNode => ({ type: 'string', description });
const flag = (description: string): SchemaNode => ({ type: 'boolean', description });

/** The schema of every policy key Greenway reads (utils/settings/managed.ts POLICY_FIELDS). */
export function managedSchema(): SchemaNode {
  const keys = Object.fromEntries(
    KEYED_SOURCES.map((s) => [s.key.policy, text(`${s.label} API key${s.key.required ? ` (enables ${s.label})` : ''}. Locks the field.`)]),
  );
  const sources = Object.fromEntries(
    SOURCES.map((s) => [
      s.id,
      { type: 'object', description: s.label, properties: { enabled: { type: 'boolean' }, baseUrl: { type: 'string' } } } satisfies SchemaNode,
    ]),
  );
  return {
    type: 'object',
    properties: {
      email: text('Contact email sent to Unpaywall (required by its terms; enables it) and as the polite mailto to OpenAlex and Crossref. Locks the field.'),
      ...keys,
      sources: { type: 'object', description: 'Per source: enabled and an optional base URL (a mirror). Each value set is locked.', properties: sources },
      preferRepository: flag('Rank repository copies before publisher copies among equally good ones.'),
      autoLookup: flag("true: look the page's article up automatically; false: privacy mode, nothing is sent until the popup is opened."),
      badgesEnabled: flag('Show open-access badges next to DOI links on pages.'),
      openUrlBase: text("Base URL of the library's OpenURL link resolver, e.g. https://resolver.example.edu/openurl"),
      illUrlTemplate: text('Inter-library loan form URL; {doi} and {title} are replaced.'),
      preferredInstitution: text('Repository copies from this institution rank first.'),
      discovery: {
        type: 'array',
        description: 'Search services offered when no free copy is found: google-scholar, base, core, semanticscholar.',
        items: { type: 'string' },
      },
    },
  };
}
