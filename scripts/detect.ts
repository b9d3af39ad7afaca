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

interface Job {
  file: string;
  url: string | undefined;
}

const USAGE = 'usage: npm run -s detect -- [--url URL] FILE.html [[--url URL] FILE.html …]';

/** The files to read with their URLs; a string is an argument error; `help` asks for the usage. */
function parseArgs(argv: string[]): Job[] | string | { help: string } {
  const jobs: Job[] = [];
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--url') {
      const value = argv[++i];
      if (value === undefined) return '--url needs a value';
      url = value;
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (arg === '-h' || arg === '--help') {
      return { help: USAGE };
    } else {
      jobs.push({ file: arg, url });
      url = undefined;
    }
  }
  if (url !== undefined) return '--url must come before the file it applies to';
  if (jobs.length === 0) return USAGE;
  return jobs;
}

const jobs = parseArgs(process.argv.slice(2));
if (typeof jobs === 'string') {
  console.error(jobs);
  process.exit(2);
}
if (!Array.isArray(jobs)) {
  console.log(jobs.help);
  process.exit(0);
}

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
