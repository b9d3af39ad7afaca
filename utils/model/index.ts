/**
 * The one model every part of Greenway speaks: a free copy of a work, and the result of looking a
 * DOI up. Schemas use `zod/mini` because they are also bundled into the content script, where
 * classic zod would triple its size.
 */
import * as z from 'zod/mini';
import { SOURCE_NAMES, type SourceName as SourceNameValue } from '../sources/registry';

export { SOURCE_NAMES, SOURCE_LABELS } from '../sources/registry';
export const SourceName = z.enum(SOURCE_NAMES);
export type SourceName = SourceNameValue;

export const HostType = z.enum(['publisher', 'repository', 'preprint']);
export type HostType = z.infer<typeof HostType>;

export const Version = z.nullable(z.enum(['published', 'accepted', 'submitted']));
export type Version = z.infer<typeof Version>;

/** A normalised licence: `id` like "cc-by-4.0", `label` like "CC BY 4.0", `url` the deed (if any). */
export const Licence = z.object({
  id: z.string(),
  label: z.string(),
  url: z.nullable(z.string()),
});
export type Licence = z.infer<typeof Licence>;

/** One readable free copy of a work. URLs are always http(s) (see utils/url.ts). */
export const Copy = z.object({
  pdfUrl: z.nullable(z.string()),
  landingUrl: z.nullable(z.string()),
  hostType: HostType,
  /** Clean human name: "UCL Discovery", "PubMed Central", "BMC Health Services Research". */
  hostName: z.nullable(z.string()),
  /** The institution that runs a repository, e.g. "University College London". */
  institution: z.optional(z.nullable(z.string())),
  version: Version,
  licence: z.nullable(Licence),
  sources: z.array(SourceName),
  /** Why this copy was matched, e.g. "OpenAlex: repository location (oa_status green)". */
  reasons: z.optional(z.array(z.string())),
  /** Epoch ms when a source last reported it. */
  seenAt: z.optional(z.number()),
});
export type Copy = z.infer<typeof Copy>;

/**
 * Open-access statuses, plus what the lookup could not decide: `incomplete` (a source that could know
 * a copy failed and none was found — never "closed"), `unregistered` (doi.org says the DOI does not
 * exist), `unknown` (no source answered, or the work is not an article and has no free copy).
 */
export const OaStatus = z.enum(['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed', 'incomplete', 'unregistered', 'unknown']);
export type OaStatus = z.infer<typeof OaStatus>;

export const SourceOutcome = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.string() })]);
export type SourceOutcome = z.infer<typeof SourceOutcome>;

export const WorkInfo = z.object({
  title: z.nullable(z.string()),
  journal: z.nullable(z.string()),
  year: z.nullable(z.number()),
  /** The work's type as the index files it, normalised ("journal-article", "dataset", "peer-review"); absent when not said. */
  type: z.optional(z.nullable(z.string())),
  /** The corresponding author, with the ORCID iD ("0000-0002-1825-0097") whose record is the route to them. */
  contact: z.optional(z.nullable(z.object({ name: z.string(), orcid: z.string() }))),
});
export type WorkInfo = z.infer<typeof WorkInfo>;

export const Retraction = z.object({
  kind: z.string(),
  noticeUrl: z.nullable(z.string()),
  noticeDoi: z.nullable(z.string()),
});

/** Everything known about one DOI after asking the enabled sources. */
export const LookupResult = z.object({
  doi: z.string(),
  status: OaStatus,
  retracted: z.boolean(),
  retraction: z.optional(z.nullable(Retraction)),
  work: z.optional(z.nullable(WorkInfo)),
  best: z.nullable(Copy),
  copies: z.array(Copy),
  sources: z.partialRecord(SourceName, SourceOutcome),
  /** The DOI's registration agency ("Crossref", "DataCite") when doi.org was asked; absent otherwise. */
  agency: z.optional(z.nullable(z.string())),
  /** Epoch ms of the lookup. */
  fetchedAt: z.number(),
});
export type LookupResult = z.infer<typeof LookupResult>;
