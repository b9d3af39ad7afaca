/**
 * `npm run -s detect -- [--url URL] FILE.html [[--url URL] FILE.html …]` — runs the extension's own
 * detection code on saved pages and prints one JSON line per file:
 * {"file", "articleDoi", "evidence", "label", "dois", "ids"} (ids: PMID, PMCID, arXiv id where given). Each `--url` applies to the file after it.
 */
import { readFileSync } from 'node:fs';
import { detectArticleDoi } from '../utils/detect/article';
import { detectArticleIds } from '../utils/detect/article-ids';
import { findPageDois } from '../utils/detect/page-dois';
import { parseHtml } from '../harness/dom';
import { exitWithArgumentErrors, isOption, readArgs } from './cli/args';

interface Job {
  file: string;
  url: string | undefined;
}

const USAGE = 'usage: npm run -s detect -- [--url URL] FILE.html [[--url URL] FILE.html …]';

/** The files to read with their URLs and the argument errors; `help` asks for the usage. */
function parseArgs(argv: string[]): { jobs: Job[]; errors: string[]; help: boolean } {
  const jobs: Job[] = [];
  const args = readArgs(argv);
  let help = false;
  let url: string | undefined;
  for (let arg = args.next(); arg !== undefined; arg = args.next()) {
    if (arg === '--url') url = args.value(arg) ?? url;
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '-h' || arg === '--help') help = true;
    // A file whose name starts with "-" can still be given as ./-name.
    else if (isOption(arg)) args.errors.push(`unknown option ${arg}`);
    else {
      jobs.push({ file: arg, url });
      url = undefined;
    }
  }
  if (url !== undefined) args.errors.push('--url must come before the file it applies to');
  return { jobs, errors: args.errors, help };
}

const { jobs, errors, help } = parseArgs(process.argv.slice(2));
if (help) {
  console.log(USAGE);
  process.exit(0);
}
if (errors.length > 0 || jobs.length === 0) exitWithArgumentErrors(errors, USAGE);

let failed = 0;
for (const { file, url } of jobs) {
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    failed++;
    console.log(JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) }));
    continue;
  }
  // Without a URL the page is detected as if it had no address of its own (file:// carries no DOI).
  const pageUrl = url ?? 'about:blank';
  const page = parseHtml(html, url);
  const article = detectArticleDoi(page.document, pageUrl);
  const dois = findPageDois(page.document).map((d) => d.doi);
  console.log(
    JSON.stringify({
      file,
      articleDoi: article?.doi ?? null,
      evidence: article?.evidence ?? null,
      label: article?.label ?? null,
      dois,
      ids: detectArticleIds(page.document, pageUrl),
    }),
  );
  await page.close();
}
process.exitCode = failed === 0 ? 0 : 1;
