/**
 * What every source module provides: how to ask for a batch of DOIs, and how to read the answer into
 * our model. Sources never do I/O themselves; the engine sends the requests, so retries, timeouts,
 * caching and concurrency live in one place.
 */
import type { EngineConfig } from '../engine/config';
import type { Copy, Licence, OaStatus, Retraction, SourceName, WorkInfo } from '../model';
import type * as z from 'zod/mini';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
}

/** What one source says about one DOI. An empty `copies` means "known, but no free copy here". */
export interface SourceAnswer {
  copies: Copy[];
  status?: OaStatus | null;
  retraction?: z.infer<typeof Retraction> | null;
  work?: WorkInfo | null;
  /** Licence of the version of record as the publisher registered it (Crossref). */
  recordLicence?: Licence | null;
}

export type ParseOutcome = { ok: true; answers: Map<string, SourceAnswer> } | { ok: false; error: string };

/** One planned request and the DOIs it answers. */
export interface PlannedRequest {
  dois: string[];
  request: HttpRequest;
}

export interface Source {
  name: SourceName;
  /**
   * True when one request answers many DOIs. Badges on a list page ask only batched sources, so a
   * 150-reference list never costs 150 requests to a per-DOI service (Unpaywall, CORE).
   */
  batched: boolean;
  /** Whether this source is asked at all under the given settings (enabled, key or email present). */
  isActive(config: EngineConfig): boolean;
  /** Splits DOIs (already normalised keys) into requests, each within the service's batch limit. */
  plan(dois: string[], config: EngineConfig): PlannedRequest[];
  /** HTTP statuses that mean "this DOI is unknown here" rather than a failure (e.g. 404 for one DOI). */
  notFoundStatuses: number[];
  /** Reads a JSON body (already parsed) into answers keyed by DOI key. Never throws. */
  parse(json: unknown, requested: string[], seenAt: number): ParseOutcome;
}
