/**
 * `npm run demo`: the motivating case, offline. Builds the extension into .output-demo, serves the
 * recorded BMC article and API answers from the e2e fixture server, opens the article in Chromium
 * (a visible window when a DISPLAY exists), opens the popup for that tab, saves screenshots of both
 * to demo-output/ and prints what the popup found and which requests left the browser.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BMC_ARTICLE_URL,
  REPO_ROOT,
  apiHost,
  buildExtension,
  launchExtension,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
} from '../harness';

const OUT_DIR = join(REPO_ROOT, 'demo-output');
const SETTLE_TIMEOUT_MS = 30_000;

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function run(server: FixtureServer, ext: LaunchedExtension): Promise<boolean> {
  step(`Opening ${BMC_ARTICLE_URL}`);
  const article = await ext.openPage(BMC_ARTICLE_URL);
  const looked = await waitFor(() => server.count(apiHost('openalex'), '/works') > 0, SETTLE_TIMEOUT_MS);
  if (!looked) console.log('  (no OpenAlex request seen: did the content script find the DOI?)');

  step('Opening the popup for that tab');
  const popup = await ext.openPopup(article);
  // The popup marks itself aria-busy while the lookup runs; a settled popup is what a reader would see.
  const settled = await popup
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('[aria-busy="false"]') !== null, undefined, {
      timeout: SETTLE_TIMEOUT_MS,
    })
    .then(() => true)
    .catch(() => false);
  await popup.screenshot({ path: join(OUT_DIR, 'popup.png'), fullPage: true });
  // After the popup settled, so the page shows the in-page indicators too.
  await article.screenshot({ path: join(OUT_DIR, 'page.png') });

  step('What the popup shows');
  const text = (await popup.locator('body').innerText()).replace(/\n{3,}/g, '\n\n').trim();
  console.log(
    text
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );

  step('Requests that left the browser (all answered by the local fixture server)');
  for (const r of server.requests()) console.log(`  ${r.method.padEnd(4)} ${r.host}${r.path.length > 110 ? `${r.path.slice(0, 110)}…` : r.path}`);

  step(`Screenshots: ${join('demo-output', 'page.png')}, ${join('demo-output', 'popup.png')}`);
  if (ext.errors.length > 0) console.log(`Errors:\n${ext.errors.map((e) => `  ${e}`).join('\n')}`);
  if (!settled) console.log('The popup did not finish looking up within 30 s.');
  return settled && ext.errors.length === 0;
}

async function main(): Promise<number> {
  await mkdir(OUT_DIR, { recursive: true });
  step('Building the extension into .output-demo');
  const extensionDir = await buildExtension('.output-demo');
  const server = await startFixtureServer();
  // A visible window when there is a screen to show it on (GREENWAY_HEADED=0 forces headless).
  const headed = Boolean(process.env.DISPLAY) && process.env.GREENWAY_HEADED !== '0';
  step(`Starting Chromium (${headed ? 'headed' : 'headless'}), every host mapped to the fixture server on port ${server.port}`);
  let ext: LaunchedExtension | null = null;
  try {
    ext = await launchExtension({ extensionDir, port: server.port, headed });
    return (await run(server, ext)) ? 0 : 1;
  } finally {
    await ext?.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
