/**
 * Any registered source's answers, for tests that stand up a world of sources (engine tests, fuzz
 * tests, the fault e2e), derived from two things every source brings:
 * - its declared `notFound` replies (what it says about a DOI it does not know), and
 * - `tests/fixtures/api/<id>-found.json`, a real-shaped answer in which it knows one work (copies,
 *   or for Crossref metadata, for doi.org the registration). `foundAnswer` clones that answer for
 *   any DOIs: a request about one DOI gets the whole answer with the fixture's DOI replaced; a
 *   request about several gets the list whose items carry the fixture's DOI, one item per DOI.
 * So a new source needs no hand-written stub anywhere (CONTRIBUTING.md, "Add a source").
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { doiKey } from '../utils/model/doi';
import { parseAnswer } from '../utils/sources/parse';
import type { Source, SourceAnswer, StubReply } from '../utils/sources/source';
import { atOwnBase, type OutgoingRequest } from './request-dois';

// From the module's own path (not `new URL(…)`: happy-dom's URL, in component tests, is not Node's).
export const API_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'api');

/** The convention's file name: `<id>-found.json`. */
export const foundFileName = (source: Pick<Source, 'id'>) => `${source.id}-found.json`;

/** What "the source knows the work" means in an answer: a copy, the registration, or the record's metadata. */
export function knowsWork(answer: SourceAnswer | undefined): boolean {
  if (!answer) return false;
  return answer.copies.length > 0 || answer.registered === true || !!answer.work?.title || !!answer.recordLicence || !!answer.retraction;
}

/** DOI keys written anywhere in a JSON value's strings (bare, in doi.org links, in paths), in document order. */
function doisWritten(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.match(/10\.\d{4,9}\/[^\s"'<>|,]+/g) ?? []) {
        const key = doiKey(m);
        if (key) out.add(key);
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}

export interface FoundFixture {
  /** The answer as recorded in the file. */
  answer: unknown;
  /**
   * The DOI key the answer is about: the first DOI written in it that the source's own `parse`,
   * asked about that DOI alone, says it knows; null when the answer names no DOI (CORE's discover
   * answer is about whatever DOI was asked).
   */
  doi: string | null;
}

const fixtures = new Map<string, FoundFixture>();

/** The source's `-found` fixture, read once; throws a message naming the file when it is missing or says nothing. */
export function foundFixture(source: Source): FoundFixture {
  const cached = fixtures.get(source.id);
  if (cached) return cached;
  const file = foundFileName(source);
  if (!existsSync(join(API_FIXTURE_DIR, file)))
    throw new Error(`tests/fixtures/api/${file} is missing: every source brings one (CONTRIBUTING.md, "Add a source")`);
  const answer: unknown = JSON.parse(readFileSync(join(API_FIXTURE_DIR, file), 'utf8'));
  const written = doisWritten(answer);
  const known = (doi: string) => {
    const outcome = parseAnswer(source, answer, [doi]);
    return outcome.ok && knowsWork(outcome.answers.get(doi));
  };
  const doi = written.find(known) ?? null;
  if (doi === null && written.length > 0) throw new Error(`tests/fixtures/api/${file}: ${source.id} knows none of the DOIs written in it`);
  const fixture = { answer, doi };
  fixtures.set(source.id, fixture);
  return fixture;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `value` with every string's `from` DOI (bare or percent-encoded, any case, not a longer DOI's start) written as `to`. */
function swapDoi(value: unknown, from: string | null, to: string): unknown {
  if (from === null) return structuredClone(value);
  const forms: Array<[RegExp, string]> = [
    [new RegExp(`${escapeRe(from)}(?![0-9a-z])`, 'gi'), to],
    [new RegExp(`${escapeRe(encodeURIComponent(from))}(?![0-9a-z])`, 'gi'), encodeURIComponent(to)],
  ];
  return mapStrings(value, (text) => forms.reduce((s, [re, by]) => s.replace(re, by), text));
}

/** A deep copy of a JSON value with every string passed through `fn`. */
function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

const mentions = (value: unknown, doi: string) => JSON.stringify(value).toLowerCase().includes(doi);

/** The outermost array with an item that mentions `doi` (breadth first), or null. */
function carrier(value: unknown, doi: string): unknown[] | null {
  const queue: unknown[] = [value];
  while (queue.length > 0) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      if (node.some((item) => mentions(item, doi))) return node;
      queue.push(...node);
    } else if (node && typeof node === 'object') queue.push(...Object.values(node));
  }
  return null;
}

/**
 * The source's answer when it knows each of `dois` (DOI keys): its `-found` answer about the first
 * DOI, or for several the list cloned item by item in the order given (Semantic Scholar's batch
 * answer is aligned with the request). Throws when the fixture cannot answer several DOIs at once.
 */
export function foundAnswer(source: Source, dois: string[]): unknown {
  const { answer, doi: own } = foundFixture(source);
  if (own === null || dois.length <= 1) return swapDoi(answer, own, dois[0] ?? own ?? '');
  const copy = structuredClone(answer);
  const list = carrier(copy, own);
  if (!list) throw new Error(`tests/fixtures/api/${foundFileName(source)}: no list of items carries ${own}, so it cannot answer ${dois.length} DOIs`);
  const item = list.find((x) => mentions(x, own));
  list.splice(0, list.length, ...dois.map((doi) => swapDoi(item, own, doi)));
  return copy;
}

/**
 * What the source declares it answers (`notFound`) for `request`, or null when no declared route
 * covers its path. The route that was declared last wins, as in the e2e fixture server.
 */
export function notFoundReply(source: Source, request: OutgoingRequest, baseUrl?: string): StubReply | null {
  const url = atOwnBase(source, request.url, baseUrl);
  const { pathname, search } = new URL(url);
  const route = [...source.notFound].reverse().find((r) => `${pathname}${search}`.startsWith(r.path));
  if (!route) return null;
  return typeof route.reply === 'function' ? route.reply({ url, body: request.body ?? '' }) : route.reply;
}

/** A stub reply as a fetch Response (JSON unless it says otherwise). */
export function stubResponse(stub: StubReply): Response {
  const json = stub.json !== undefined;
  const body = json ? JSON.stringify(stub.json) : (stub.text ?? '');
  const type = json ? 'application/json' : (stub.contentType ?? 'text/plain');
  return new Response(body, { status: stub.status ?? 200, headers: { 'content-type': type } });
}

/**
 * The registration agency under which a follow-up source (`role: 'followUp'`) is asked about a DOI
 * no index knows: its own label ("DataCite"), when its `askIf` accepts a copy-less DOI that doi.org
 * says it registered. Throws for a follow-up source asked some other way, which the test worlds
 * (engine tests, fault e2e) do not know how to stand up yet.
 */
export function ownAgency(source: Source): string {
  if (source.askIf?.({ agency: source.label, workType: null, copies: 0 })) return source.label;
  throw new Error(
    `${source.id}: its askIf does not ask about copy-less DOIs that doi.org says ${source.label} registered; teach harness/source-world.ts how to reach it`,
  );
}

/** The registration agency a registration source's found answer names ("Crossref"); throws when it names none. */
export function recordedAgency(source: Source): string {
  const { answer, doi } = foundFixture(source);
  const outcome = doi ? parseAnswer(source, answer, [doi]) : null;
  const agency = outcome?.ok ? outcome.answers.get(doi!)?.agency : null;
  if (!agency) throw new Error(`tests/fixtures/api/${foundFileName(source)} names no registration agency`);
  return agency;
}

/**
 * A registration source's found answer about `dois`, naming `agency` as their registration agency
 * where the recorded answer names its own (doi.org's "Crossref" → "DataCite"): what doi.org says
 * about DOIs a follow-up source registered.
 */
export function registeredAnswer(source: Source, dois: string[], agency: string): unknown {
  const recorded = recordedAgency(source);
  return mapStrings(foundAnswer(source, dois), (text) => (text === recorded ? agency : text));
}
