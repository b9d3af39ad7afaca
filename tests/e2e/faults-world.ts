/**
 * A world where every source knows every DOI it is asked about — each answers its own
 * `tests/fixtures/api/<id>-found.json`, cloned for the DOIs in the request (harness/source-world.ts),
 * so a new source takes part without a stub here — and where any source can be made to fail for one
 * DOI with the fixture server's fault shapes (harness/faults.ts). Faults are chosen per DOI rather
 * than per host so several scenarios can run at once, and POST sources (Semantic Scholar, CORE),
 * whose DOIs travel in the body, can be targeted too.
 */
import { faultAction, type FaultSpec } from '../../harness/faults';
import { toReply, type FixtureServer, type RecordedRequest, type Reply } from '../../harness';
import { requestDois } from '../../harness/request-dois';
import { foundAnswer, notFoundReply } from '../../harness/source-world';
import { assembleResult, type SourceReport } from '../../utils/engine/assemble';
import { parseAnswer } from '../../utils/sources/parse';
import { SOURCES, type SourceName } from '../../utils/sources/registry';
import type { Source } from '../../utils/sources/source';
import { copyHostName } from '../../utils/view/labels';

/** The sources asked about every DOI: a registration source (doi.org) is asked only about DOIs no index knows. */
export const FAULT_SOURCES: SourceName[] = SOURCES.filter((s) => s.role !== 'registration').map((s) => s.id);

export const faultDoi = (source: SourceName, kind: string, round = 0) => `10.5555/fault.${source}.${kind}.r${round}`;
const DOI_IN_REQUEST = /10\.5555\/fault\.[a-z0-9]+\.[a-z0-9-]+\.r\d+/g;

export function doisIn(req: RecordedRequest): string[] {
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    /* keep raw */
  }
  return [...new Set(`${path}\n${req.body}`.toLowerCase().match(DOI_IN_REQUEST) ?? [])];
}

/**
 * The copy hosts the popup lists for `doi` when exactly `sources` answer: their found answers read
 * by their own parsers, merged and named as the extension does (one copy may come from several sources).
 */
export function shownHosts(sources: readonly SourceName[], doi: string): string[] {
  const reports = new Map<SourceName, SourceReport>();
  for (const source of SOURCES.filter((s) => sources.includes(s.id))) {
    const outcome = parseAnswer(source, foundAnswer(source, [doi]), [doi]);
    reports.set(source.id, { outcome: { ok: true }, answer: outcome.ok ? outcome.answers.get(doi) : undefined });
  }
  const result = assembleResult(doi, reports, { preferRepository: true, preferredInstitution: null }, Date.now());
  return [...new Set(result.copies.map(copyHostName))];
}

export interface FaultWorld {
  /** Make `source` fail for `doi` until `clear`. */
  inject(source: SourceName, doi: string, spec: FaultSpec): void;
  clear(): void;
  /** Faulty answers actually served. */
  readonly served: number;
}

export function registerFaultWorld(server: FixtureServer): FaultWorld {
  const faults = new Map<string, { source: SourceName; spec: FaultSpec }>();
  let served = 0;

  const answer =
    (source: Source<SourceName>) =>
    async (req: RecordedRequest): Promise<Reply> => {
      const dois = requestDois(source, req);
      const fault = dois?.map((d) => faults.get(d)).find((f) => f?.source === source.id);
      if (fault) {
        served++;
        const action = faultAction(fault.spec);
        if ('reply' in action) return action.reply;
        // Never answers: the connection stays open until the extension gives up or the server closes.
        if ('hang' in action) return new Promise<Reply>(() => undefined);
        if ('delayMs' in action) await new Promise((r) => setTimeout(r, action.delayMs));
      }
      if (dois && dois.length > 0) return { json: foundAnswer(source, dois) };
      const unknown = notFoundReply(source, req);
      return unknown ? toReply(unknown) : { status: 404, json: { error: 'not found' } };
    };

  // The lookup endpoints are where each source declares its "not found" replies (harness/default-apis.ts).
  for (const source of SOURCES) {
    for (const host of source.hosts) for (const route of source.notFound) server.api(host, route.path, answer(source));
  }

  return {
    inject(source, doi, spec) {
      faults.set(doi.toLowerCase(), { source, spec });
    },
    clear() {
      faults.clear();
    },
    get served() {
      return served;
    },
  };
}
