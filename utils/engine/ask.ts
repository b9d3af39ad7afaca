/**
 * Asks one source about some DOIs and reports, per DOI, what it said. A batched request that fails
 * with an HTTP error other than 429 (one problematic id can make Semantic Scholar answer 500 to the
 * whole batch) is split in halves and asked again, so one bad id costs only itself:
 * - the failing batch is not retried as a whole (the split is its retry);
 * - when exactly one part fails again, that part is split further; when every part fails, the
 *   failure is the service's (an outage, or bad ids everywhere) and each part keeps its error.
 * One bad id among n therefore costs 2·⌈log2 n⌉ requests beyond the first, and an outage two.
 */
import type { SourceName } from '../model';
import type { PlannedRequest, Source } from '../sources/source';
import type { SourceReport } from './assemble';
import type { HttpResult, SendOptions } from './http';
import { readResponse } from './read-response';

export interface AskContext {
  send(request: PlannedRequest['request'], options?: SendOptions): Promise<HttpResult>;
  /** The source's requests for these DOI keys (./source-use.ts `planRequests` under the current settings). */
  plan(dois: string[]): PlannedRequest[];
  /** Epoch ms stamped on the copies found. */
  seenAt: number;
}

/** An answer that a smaller batch might not get: an HTTP error that is not rate limiting or "not found". */
function splittable(source: Source, result: HttpResult): boolean {
  return result.kind === 'response' && result.status >= 400 && result.status !== 429 && !source.notFoundStatuses.includes(result.status);
}

/**
 * Sends `planned` (already answered by `result` when given) and records a report for each of its
 * DOIs in `out`, splitting failing batches as described above.
 */
async function settle(source: Source<SourceName>, planned: PlannedRequest, result: HttpResult, ctx: AskContext, out: Map<string, SourceReport>) {
  if (planned.dois.length > 1 && splittable(source, result)) {
    const mid = Math.ceil(planned.dois.length / 2);
    const parts = [...ctx.plan(planned.dois.slice(0, mid)), ...ctx.plan(planned.dois.slice(mid))];
    const answers = await Promise.all(parts.map((p) => ctx.send(p.request, { retryServerErrors: false })));
    const failing = parts.filter((_, i) => splittable(source, answers[i]!));
    const recurse = failing.length === 1;
    await Promise.all(
      parts.map((part, i) => (recurse && part === failing[0] ? settle(source, part, answers[i]!, ctx, out) : record(source, part, answers[i]!, ctx, out))),
    );
    return;
  }
  record(source, planned, result, ctx, out);
}

function record(source: Source, planned: PlannedRequest, result: HttpResult, ctx: AskContext, out: Map<string, SourceReport>): void {
  const outcome = readResponse(source, result, planned.dois, ctx.seenAt);
  for (const doi of planned.dois) {
    out.set(doi, outcome.ok ? { outcome: { ok: true }, answer: outcome.answers.get(doi) } : { outcome: { ok: false, error: outcome.error } });
  }
}

/**
 * What `source` says about each of `dois` (normalised keys): a report per DOI (ok with its answer,
 * ok without one = unknown there, or a labelled error). Never throws.
 */
export async function askSource(source: Source<SourceName>, dois: string[], ctx: AskContext): Promise<Map<string, SourceReport>> {
  const out = new Map<string, SourceReport>();
  if (dois.length === 0) return out;
  await Promise.all(
    ctx.plan(dois).map(async (planned) => {
      const multi = planned.dois.length > 1;
      const result = await ctx.send(planned.request, multi ? { retryServerErrors: false } : {});
      await settle(source, planned, result, ctx, out);
    }),
  );
  return out;
}
