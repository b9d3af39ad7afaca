/**
 * Names the DOI of a PubMed id or PubMed Central id the reader typed, by asking the sources that map
 * ids (`ids` in their modules; Europe PMC) in registry order until one names it. Only the id is sent,
 * through the engine's HTTP client (timeouts, retries, per-host limits), to switched-on sources only.
 */
import type { OtherIdKind } from '../model/typed-id';
import { parseIdAnswer } from '../sources/parse';
import { ID_SOURCES } from '../sources/registry';
import type { HttpRequest, IdOutcome } from '../sources/source';
import type { EngineConfig } from './config';
import type { HttpResult } from './http';
import { readJsonAnswer } from './read-response';
import { isSourceActive, planContext } from './source-use';

/** Sources are named by their labels ("Europe PMC"): the popup says who was asked. */
export type IdLookup =
  | { state: 'found'; doi: string; source: string }
  /** The source has the record, and the record has no DOI. */
  | { state: 'no-doi'; source: string }
  /** No source asked knows the id. */
  | { state: 'unknown'; sources: string[] }
  /** Every source asked failed (network, HTTP error, odd answer); `error` names each. */
  | { state: 'failed'; error: string }
  /** The sources that could map this kind of id are all switched off. */
  | { state: 'no-source'; sources: string[] };

export interface IdMapDeps {
  config: EngineConfig;
  send(request: HttpRequest): Promise<HttpResult>;
}

/** A parser bug reads as an odd answer, never as a thrown error. */
function safeParse(parse: () => IdOutcome): IdOutcome {
  try {
    return parse();
  } catch (error) {
    return { ok: false, error: `could not read the response (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Never throws: a source's failure becomes `failed` (or is passed over when another source answers). */
export async function mapIdToDoi(kind: OtherIdKind, id: string, { config, send }: IdMapDeps): Promise<IdLookup> {
  const able = ID_SOURCES.filter((source) => source.ids?.kinds.includes(kind));
  const asked = able.filter((source) => isSourceActive(source, config));
  if (asked.length === 0) return { state: 'no-source', sources: able.map((s) => s.label) };
  const errors: string[] = [];
  const unknown: string[] = [];
  let noDoi: string | null = null;
  for (const source of asked) {
    const request = source.ids!.plan(kind, id, planContext(source, config));
    const body = readJsonAnswer(source, await send(request));
    if (!body.ok) {
      errors.push(body.error);
      continue;
    }
    const outcome = 'notFound' in body ? ({ ok: true, found: 'unknown' } as const) : safeParse(() => parseIdAnswer(source, body.json, kind, id));
    if (!outcome.ok) errors.push(`${source.label}: ${outcome.error}`);
    else if (outcome.found === 'doi') return { state: 'found', doi: outcome.doi, source: source.label };
    else if (outcome.found === 'no-doi') noDoi ??= source.label;
    else unknown.push(source.label);
  }
  if (noDoi) return { state: 'no-doi', source: noDoi };
  if (unknown.length > 0) return { state: 'unknown', sources: unknown };
  return { state: 'failed', error: errors.join('; ') };
}
