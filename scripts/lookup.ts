/**
 * `npm run -s lookup -- [--json] [--endpoint NAME=URL]… [--email E] [--<id>-key K]… [--disable NAME] DOI…`
 * Runs the extension's own lookup engine in Node against the live services (or the given endpoints)
 * and prints, per DOI, a readable table or one JSON line:
 * `{doi, status, retracted, best, copies, sources}`, each copy `{pdfUrl, landingUrl, hostType, hostName,
 * institution, version, licence, sources}`; `status` is an open-access status, `closed`, `incomplete`
 * (a source answered, another failed, no copy found), `unregistered` (doi.org: no such DOI) or `unknown`
 * (no index answered — every source asked failed — or the work is not an article).
 */
import { createLookupEngine, createMemoryStorage, realClock, type EngineConfigInput } from '../utils/engine';
import { noIndexAnswered } from '../utils/engine/answered';
import { licenceLabel } from '../utils/model/licence';
import { SOURCE_NAMES, type Copy, type LookupResult, type SourceName } from '../utils/model';
import { KEYED_SOURCE_NAMES, type KeyedSourceName } from '../utils/sources/registry';
import { doiKey } from '../utils/model/doi';
import { exitWithArgumentErrors, isOption, readArgs } from './cli/args';

/** `--<id>-key KEY` for each source that takes a key (`--core-key`, `--openalex-key`, `--semanticscholar-key`). */
const KEY_FLAGS = new Map<string, KeyedSourceName>(KEYED_SOURCE_NAMES.map((id) => [`--${id}-key`, id]));

interface Args {
  help: boolean;
  json: boolean;
  dois: string[];
  config: EngineConfigInput;
  errors: string[];
}

function parseArgs(argv: string[]): Args {
  const reader = readArgs(argv);
  const args: Args = { help: false, json: false, dois: [], config: { sources: {} }, errors: reader.errors };
  const sources = args.config.sources!;
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--no-prefer-repository') args.config.preferRepository = false;
    else if (arg === '--email') args.config.email = reader.value(arg) ?? args.config.email;
    else if (KEY_FLAGS.has(arg)) {
      const key = reader.value(arg);
      if (key !== null) args.config.keys = { ...args.config.keys, [KEY_FLAGS.get(arg)!]: key };
    } else if (arg === '--disable') {
      const name = reader.value(arg) as SourceName | null;
      if (name === null) continue;
      if (SOURCE_NAMES.includes(name)) sources[name] = { ...sources[name], enabled: false };
      else args.errors.push(`unknown source "${name}"`);
    } else if (arg === '--endpoint') {
      const value = reader.value(arg);
      if (value === null) continue;
      const [name, ...rest] = value.split('=');
      if (!SOURCE_NAMES.includes(name as SourceName) || rest.length === 0)
        args.errors.push(`--endpoint needs NAME=URL with NAME one of ${SOURCE_NAMES.join(', ')}`);
      else sources[name as SourceName] = { ...sources[name as SourceName], baseUrl: rest.join('=') };
    } else if (isOption(arg)) args.errors.push(`unknown option ${arg}`);
    // The engine reads a DOI in any written form (doi:…, https://doi.org/…, a publisher URL holding one);
    // anything else it would answer "not asked" from every source, which reads like an outage.
    else if (doiKey(arg) === null) args.errors.push(`not a DOI: ${arg}`);
    else args.dois.push(arg);
  }
  return args;
}

/** The JSON line's Copy: exactly the documented fields. */
function copyJson(c: Copy) {
  return {
    pdfUrl: c.pdfUrl,
    landingUrl: c.landingUrl,
    hostType: c.hostType,
    hostName: c.hostName,
    institution: c.institution ?? null,
    version: c.version,
    licence: c.licence,
    sources: c.sources,
  };
}

function jsonLine(r: LookupResult): string {
  return JSON.stringify({
    doi: r.doi,
    status: r.status,
    retracted: r.retracted,
    best: r.best ? copyJson(r.best) : null,
    copies: r.copies.map(copyJson),
    sources: r.sources,
  });
}

function table(r: LookupResult): string {
  const lines = [`${r.doi}  status: ${r.status}${r.retracted ? '  RETRACTED' : ''}${r.work?.title ? `  — ${r.work.title}` : ''}`];
  if (r.copies.length === 0) lines.push('  no free copy found');
  r.copies.forEach((c, i) => {
    lines.push(
      `  ${i === 0 ? '★' : ' '} ${(c.hostName ?? '(unnamed)').padEnd(28)} ${c.hostType.padEnd(10)} ${(c.version ?? 'version ?').padEnd(10)} ${licenceLabel(c.licence).padEnd(24)} ${c.sources.join('+')}`,
      `      ${c.pdfUrl ?? c.landingUrl ?? ''}`,
    );
  });
  const outcomes = Object.entries(r.sources).map(([name, o]) => (o.ok ? `${name} ok` : o.error));
  lines.push(`  sources: ${outcomes.join('; ')}`);
  return lines.join('\n');
}

const USAGE = [
  `usage: npm run -s lookup -- [--json] [--endpoint NAME=URL]… [--email E] ${KEYED_SOURCE_NAMES.map((id) => `[--${id}-key K]`).join(' ')} [--disable NAME] [--no-prefer-repository] DOI…`,
  `NAME: ${SOURCE_NAMES.join(', ')}`,
  'status: diamond, gold, hybrid, bronze, green, closed, incomplete (a source answered, another failed, no copy found), unregistered (doi.org: no such DOI), unknown (no source answered, or not an article)',
  'exit: 0 every DOI answered by at least one source; 1 some DOI answered by none (each source failed, listed on stderr); 2 bad arguments',
].join('\n');

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.errors.length || args.dois.length === 0) exitWithArgumentErrors(args.errors, USAGE);
const engine = createLookupEngine({ fetch: (url, init) => fetch(url, init), storage: createMemoryStorage(), ...realClock }, args.config);
const results = await engine.lookupMany(args.dois);
let silent = 0;
for (const doi of args.dois) {
  const r = results.get(doi);
  if (!r) continue;
  console.log(args.json ? jsonLine(r) : `${table(r)}\n`);
  if (noIndexAnswered(r)) {
    silent++;
    const why = Object.entries(r.sources).map(([name, o]) => (o.ok ? `${name} ok` : o.error));
    console.error(`${doi}: no source answered (${why.join('; ')})`);
  }
}
process.exitCode = silent === 0 ? 0 : 1;
