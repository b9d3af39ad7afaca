/**
 * Every source Greenway asks, in the order their answers are merged (earlier sources lead ties).
 * The one list: ids, labels, engine defaults, settings and policy fields, host permissions, the
 * options page's sections, the request audit and the e2e harness's default replies all derive from
 * it. To add a source, write its module (see ./source.ts and CONTRIBUTING.md) and list it here.
 *
 * Zod-free (sources receive zod through `schemas`), so the popup's first paint may import it.
 */
import { core } from './core';
import { crossref } from './crossref';
import { datacite } from './datacite';
import { doiorg } from './doiorg';
import { europepmc } from './europepmc';
import { openaire } from './openaire';
import { openalex } from './openalex';
import { semanticscholar } from './semanticscholar';
import type { RequestRule, Source, SourceKey } from './source';
import { unpaywall } from './unpaywall';

export const SOURCES = [openalex, unpaywall, europepmc, semanticscholar, core, crossref, openaire, datacite, doiorg] as const;

/** A registered source's id: "openalex" | "unpaywall" | … */
export type SourceName = (typeof SOURCES)[number]['id'];

/** The ids in merge order, as a tuple for zod enums. */
export const SOURCE_NAMES = SOURCES.map((s) => s.id) as [SourceName, ...SourceName[]];

/** Human names, for "found via …" and the options page. */
export const SOURCE_LABELS = Object.fromEntries(SOURCES.map((s) => [s.id, s.label])) as Record<SourceName, string>;

/** Sources that take an API key, and their ids. */
type KeyedSource = Extract<(typeof SOURCES)[number], { key: SourceKey }>;
export type KeyedSourceName = KeyedSource['id'];
export const KEYED_SOURCES: readonly KeyedSource[] = SOURCES.filter((s): s is KeyedSource => s.key !== undefined);
export const KEYED_SOURCE_NAMES = KEYED_SOURCES.map((s) => s.id) as [KeyedSourceName, ...KeyedSourceName[]];

/** Sources asked only once the user gives an email (Unpaywall's terms): giving one turns them on. */
export const EMAIL_ENABLED_SOURCES: readonly Source<SourceName>[] = SOURCES.filter((s) => s.needsEmail === true);

const carriesEmail = (rule: RequestRule) =>
  [...Object.values(rule.params ?? {}).map((p) => p.value), ...Object.values(rule.jsonBody ?? {}), ...Object.values(rule.headers ?? {})].includes('email');

/** Sources asked without an email that still receive it when given (the polite `mailto`): those whose declared requests carry it. */
export const EMAIL_COURTESY_SOURCES: readonly Source<SourceName>[] = SOURCES.filter((s) => s.needsEmail !== true && s.requests.some(carriesEmail));

/** Sources that name the DOI of a typed PMID or PMCID (the popup's form), in registry order. */
export const ID_SOURCES: readonly Source<SourceName>[] = SOURCES.filter((s) => s.ids !== undefined);

/** The source with this id, or undefined for anything else (ids come from storage and messages). */
export function sourceById(id: string): Source<SourceName> | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** Every API host any source may call, in registry order, without duplicates. */
export const API_HOSTS: readonly string[] = [...new Set(SOURCES.flatMap((s) => s.hosts))];

/** The manifest's host permissions: exactly the API hosts, over https. */
export function apiHostPermissions(): string[] {
  return API_HOSTS.map((host) => `https://${host}/*`);
}
