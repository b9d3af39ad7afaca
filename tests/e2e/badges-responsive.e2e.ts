/**
 * Responsiveness on a page with 2,000 DOI links: a PerformanceObserver records every long task
 * (> 50 ms) while the extension scans, asks and places 2,000 badges. The figures are printed here and
 * measured again by `npm run bench` (scripts/bench/badges.ts), where the 50 ms goal is checked; this
 * test asserts the behaviour (every badge placed, page usable), not timings.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchExtension, openAlexHandler, startFixtureServer, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';
import { measureResponsiveness, recordLongTasks, syntheticDoi, syntheticListPage, workTable } from '../../harness/badges-world';

const URL_2000 = 'https://pubmed.ncbi.nlm.nih.gov/greenway-2000-references/';
const COUNT = 2000;

let server: FixtureServer;
let ext: LaunchedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  const index = new Map(Array.from({ length: COUNT + 2 }, (_, i) => [syntheticDoi(i), i]));
  // Every work open: each of the 2,000 links gets a badge (marks for works without a copy are hidden by default).
  server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(index.keys(), () => true)));
  server.page(URL_2000, syntheticListPage(COUNT));
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
  await ext.context.addInitScript(recordLongTasks);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

it('places 2,000 badges while the page stays usable, and reports the long tasks it saw', async () => {
  const run = await measureResponsiveness(() => ext.openPage(URL_2000), COUNT + 2);
  expect(run.supported).toBe(true);
  expect(run.badges).toBe(COUNT + 2);
  const afterLoad = run.tasks.filter((t) => t.start >= run.loadEnd);
  const longest = Math.max(0, ...afterLoad.map((t) => t.duration));
  console.info(
    `[badges] 2,000 DOI links: ${run.tasks.length} long tasks in all, ${afterLoad.length} after load; longest after load ${longest.toFixed(0)} ms; ` +
      `all: ${run.tasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')} (load end ${run.loadEnd.toFixed(0)})`,
  );
  expect(server.count(apiHost('openalex'), '/works')).toBeLessThanOrEqual(3 + Math.ceil((COUNT + 2) / 100));
  expect(ext.errors).toEqual([]);
});
