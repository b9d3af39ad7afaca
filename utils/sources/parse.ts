/**
 * Reads a source's answer with its own schemas, built once per source with zod/mini. The engine and
 * tools use this; source modules themselves never import zod (see ./source.ts).
 */
import * as z from 'zod/mini';
import type { IdOutcome, ParseOutcome, Source, ZodMini } from './source';
import type { OtherIdKind } from '../model/typed-id';

/** The zod/mini functions sources build their schemas with (see ZodMini). */
const kit: ZodMini = {
  array: z.array,
  boolean: z.boolean,
  catch: z.catch,
  nullable: z.nullable,
  number: z.number,
  object: z.object,
  optional: z.optional,
  string: z.string,
  unknown: z.unknown,
};

const built = new WeakMap<Source, unknown>();

function schemasOf(source: Source): unknown {
  if (!built.has(source)) built.set(source, source.schemas(kit));
  return built.get(source);
}

/**
 * Parses `json` (an already-decoded JSON body) as `source`'s answer for the `requested` DOI keys,
 * stamping copies with `seenAt` (ms since the epoch). Never throws on odd data.
 */
export function parseAnswer(source: Source, json: unknown, requested: string[], seenAt = 0): ParseOutcome {
  return source.parse(json, { requested, seenAt, schemas: schemasOf(source) });
}

/** Reads `source`'s answer about a typed PMID or PMCID (`source.ids`), with its own schemas. Never throws on odd data. */
export function parseIdAnswer(source: Source, json: unknown, kind: OtherIdKind, id: string): IdOutcome {
  if (!source.ids) return { ok: false, error: 'maps no ids' };
  return source.ids.parse(json, { kind, id, schemas: schemasOf(source) });
}
