/**
 * `npm run -s verify -- [--doi DOI] [--title TEXT] [--endpoint wayback=URL] URL…`
 * Runs the extension's link check in Node and prints one JSON line per URL:
 * `{"url","state","detail","finalUrl","samePaper","archived"}` — `state` one of pdf, landing, login,
 * challenge, dead, unknown; `samePaper` yes/no/unknown (against --doi/--title); `archived` the
 * Wayback Machine capture of a dead link, or null. `--endpoint wayback=URL` replaces
 * https://archive.org (the path stays /wayback/available). Exit 2 on bad arguments.
 */
import { checkLink } from '../utils/links/link-check';
import { findArchivedCopy, WAYBACK_BASE } from '../utils/links/wayback';
import { realClock } from '../utils/engine';
import { safeHttpUrl } from '../utils/model/url';
import { exitWithArgumentErrors, isOption, readArgs } from './cli/args';

interface Args {
  urls: string[];
  doi: string | null;
  title: string | null;
  wayback: string;
  errors: string[];
  help: boolean;
}

const USAGE = 'usage: npm run -s verify -- [--doi DOI] [--title TEXT] [--endpoint wayback=URL] URL…';

function parseArgs(argv: string[]): Args {
  const reader = readArgs(argv);
  const args: Args = { urls: [], doi: null, title: null, wayback: WAYBACK_BASE, errors: reader.errors, help: false };
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--doi') args.doi = reader.value(arg) ?? args.doi;
    else if (arg === '--title') args.title = reader.value(arg) ?? args.title;
    else if (arg === '--endpoint') {
      const value = reader.value(arg);
      if (value === null) continue;
      const [name, ...rest] = value.split('=');
      if (name !== 'wayback' || rest.length === 0) reader.errors.push('--endpoint needs wayback=URL');
      else args.wayback = rest.join('=');
    } else if (isOption(arg)) reader.errors.push(`unknown option ${arg}`);
    // Anything else would be "checked" as a relative link and come back `unknown`, as if the check had run.
    else if (safeHttpUrl(arg) === null) reader.errors.push(`not an http(s) URL: ${arg}`);
    else args.urls.push(arg);
  }
  if (args.urls.length === 0 && reader.errors.length === 0) reader.errors.push('give at least one URL');
  return args;
}

/** A link that names a PDF promises one (a password form there means a login). */
const promisesPdf = (url: string) => /\.pdf($|[?#])|\/pdf(\/|$)|\/download\b|\/bitstream\//i.test(url);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.errors.length > 0) exitWithArgumentErrors(args.errors, USAGE);
  const deps = { fetch: (url: string, init?: RequestInit) => fetch(url, init), sleep: realClock.sleep, timeoutMs: 15_000 };
  for (const url of args.urls) {
    const check = await checkLink({ url, expect: promisesPdf(url) ? 'pdf' : 'landing', doi: args.doi, title: args.title }, deps);
    const archived = check.state === 'dead' ? await findArchivedCopy(url, { fetch: deps.fetch, base: args.wayback }) : null;
    const line = { url, state: check.state, detail: check.detail, finalUrl: check.finalUrl, samePaper: check.samePaper, archived: archived?.url ?? null };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
