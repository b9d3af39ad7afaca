/**
 * A world where the sources know the DOIs of the fault rounds — each answers its own
 * `tests/fixtures/api/<id>-found.json`, cloned for the DOIs in the request (harness/source-world.ts),
 * so a new source takes part without a stub here — and where any source can be made to fail for one
 * DOI with the fixture server's fault shapes (harness/faults.ts). Faults are chosen per DOI rather
 * than per host so several scenarios can run at once, and POST sources (Semantic Scholar, CORE),
 * whose DOIs travel in the body, can be targeted too.
 *
 * Every registered source has rounds. The indexes know the DOIs of their own rounds; doi.org and
 * DataCite are asked only about DOIs no index knows, so in their rounds no index knows the DOI:
 * doi.org says it is registered, and in a follow-up source's round names that source as its
 * registration agency (`ownAgency`), so that it is asked too.
 */
import { faultAction, type FaultSpec } from '../../harness/faults';
import { toReply, type FixtureServer, type RecordedRequest, type Reply } from '../../harness';
import { requestDois } from '../../harness/request-dois';
import { foundAnswer, notFoundReply, ownAgency, recordedAgency, registeredAnswer } from '../../harness/source-world';
import { assembleResult, type SourceReport } from '../../utils/engine/assemble';
import { parseAnswer } from '../../utils/sources/parse';
import { SOURCES, type SourceName } from '../../utils/sources/registry';
import type { Source } from '../../utils/sources/source';
import { copyHostName } from '../../utils/view/labels';

/** Every registered source fails in a round of its own. */
export const FAULT_SOURCES: SourceName[] = SOURCES.map((s) => s.id);

const INDEXES: SourceName[] = SOURCES.filter((s) => s.role === undefined).map((s) => s.id);
const REGISTRATION = SOURCES.find((s) => s.role === 'registration')!;
const FOLLOW_UPS = SOURCES.filter((s) => s.role === 'followUp');

export const faultDoi = (source: SourceName, kind: string, round = 0) => `10.5555/fault.${source}.${kind}.r${round}`;
const DOI_IN_REQUEST = /10\.5555\/fault\.[a-z0-9]+\.[a-z0-9-]+\.r\d+/g;

/** The source whose round a fault-world DOI belongs to (`10.5555/fault.<id>.…`), if any. */
const roundOf = (doi: string): Source<SourceName> | undefined => SOURCES.find((s) => doi.toLowerCase().startsWith(`10.5555/fault.${s.id}.`));

/** What doi.org names as the registration agency of a round's DOIs: the follow-up source itself in its round. */
const agencyOf = (round: Source<SourceName>) => (round.role === 'followUp' ? ownAgency(round) : recordedAgency(REGISTRATION));

/**
 * The sources that know the DOIs of `round`'s source: every index in an index's round; else doi.org
 * and the follow-up sources its answer leads to (each asked when its `askIf` accepts the agency).
 */
export function knowers(round: SourceName): SourceName[] {
  const source = SOURCES.find((s) => s.id === round)!;
  if (source.role === undefined) return INDEXES;
  const agency = agencyOf(source);
  return [REGISTRATION.id, ...FOLLOW_UPS.filter((f) => f.askIf?.({ agency, workType: null, copies: 0 })).map((f) => f.id)];
}

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
      const rounds = [...new Set((dois ?? []).map(roundOf))];
      // One lookup per popup, each its own batch (faults.e2e.ts): a request never mixes rounds.
      if (rounds.length > 1) return { status: 500, json: { error: `fault world: one request mixes rounds (${dois?.join(', ')})` } };
      const round = rounds[0];
      if (dois && dois.length > 0 && (!round || knowers(round.id).includes(source.id)))
        return { json: round && source === REGISTRATION ? registeredAnswer(source, dois, agencyOf(round)) : foundAnswer(source, dois) };
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
