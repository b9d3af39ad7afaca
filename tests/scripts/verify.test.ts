// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, recordPage, startLinkServer, type LinkServer } from '../utils/links/link-server';

const run = promisify(execFile);
let site: LinkServer;
let wayback: LinkServer;

beforeAll(async () => {
  site = await startLinkServer();
  wayback = await startLinkServer();
  site.route('/a.pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n'));
  site.route('/record', html(recordPage({ doi: '10.5555/greenway.other.2020' })));
  wayback.route('/wayback/available', (req, res) => {
    const url = new URL(req.url ?? '', 'http://x').searchParams.get('url');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        archived_snapshots: {
          closest: { available: true, status: '200', timestamp: '20210304050607', url: `http://web.archive.org/web/20210304050607/${url}` },
        },
      }),
    );
  });
});
afterAll(async () => {
  await site.close();
  await wayback.close();
});

describe('npm run verify', () => {
  it('prints one JSON line per URL with the exact keys; archived only for a dead link', async () => {
    const { stdout } = await run('node', [
      '--import',
      'tsx',
      'scripts/verify.ts',
      '--doi',
      '10.5555/greenway.mine.2021',
      '--endpoint',
      `wayback=${wayback.base}`,
      `${site.base}/a.pdf`,
      `${site.base}/record`,
      `${site.base}/gone.pdf`,
    ]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual(Array(3).fill(['url', 'state', 'detail', 'finalUrl', 'samePaper', 'archived']));
    expect(lines.map((l) => [l.state, l.samePaper, l.archived])).toEqual([
      ['pdf', 'unknown', null],
      ['landing', 'no', null],
      ['dead', 'unknown', `https://web.archive.org/web/20210304050607/${site.base}/gone.pdf`],
    ]);
    expect(wayback.seen.map((s) => s.path)).toEqual([`/wayback/available?url=${encodeURIComponent(`${site.base}/gone.pdf`)}`]);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const { stdout } = await run('node', ['--import', 'tsx', 'scripts/verify.ts', '--help']);
    expect(stdout).toMatch(/^usage: npm run -s verify -- /);
  });

  it('exits 2 with usage on bad arguments', async () => {
    await expect(run('node', ['--import', 'tsx', 'scripts/verify.ts', '--endpoint', 'openalex=http://x'])).rejects.toMatchObject({ code: 2 });
  });

  it('exits 2 for an argument that is not an http(s) URL, checking nothing', async () => {
    const before = site.seen.length;
    await expect(run('node', ['--import', 'tsx', 'scripts/verify.ts', 'notaurl', `${site.base}/a.pdf`])).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^not an http\(s\) URL: notaurl\nusage: /),
    });
    expect(site.seen.length).toBe(before);
  });

  it('exits 2 when an option has no value, instead of asking for a URL', async () => {
    const failure = run('node', ['--import', 'tsx', 'scripts/verify.ts', '--doi']);
    await expect(failure).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^--doi needs a value\nusage: /) });
    // The next option is not the value either: `--doi --title T URL` would otherwise check against DOI "--title".
    await expect(run('node', ['--import', 'tsx', 'scripts/verify.ts', '--doi', '--title', 'T', `${site.base}/a.pdf`])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--doi needs a value'),
    });
  });
});
