// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_NAMES } from '../../utils/model';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const run = promisify(execFile);
const lookup = (...args: string[]) => run('node', ['--import', 'tsx', 'scripts/lookup.ts', ...args]);
/**
 * A service that is down: every request gets 503 (no source reads that as an answer), except under
 * /answers/, where every request gets 404 (Crossref's "no such work", an answer about copies: none).
 */
let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url?.startsWith('/answers/')) res.writeHead(404, { 'content-type': 'text/plain' }).end('Resource not found.');
    else res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allDown = () => SOURCE_NAMES.flatMap((name) => ['--endpoint', `${name}=${base}/${name}`]);

describe('npm run lookup', () => {
  it('--help prints the usage, every source id and the exit statuses on stdout, and exits 0', async () => {
    const { stdout } = await lookup('--help');
    expect(stdout).toMatch(/^usage: npm run -s lookup --/);
    for (const name of SOURCE_NAMES) expect(stdout).toContain(name);
    expect(stdout).toMatch(/exit: 0 .*; 1 .*; 2 bad arguments/);
  });

  it('exits 2 with the usage on stderr for an unknown option or no DOI', async () => {
    await expect(lookup('--frobnicate', '10.5555/x')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --frobnicate') });
    await expect(lookup('--json')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
  });

  it('exits 1 and says so on stderr when no source answered a DOI, still printing its line', async () => {
    const failure = await lookup('--json', ...allDown(), '10.5555/greenway.cli.1').then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('10.5555/greenway.cli.1: no source answered');
    const line = JSON.parse(failure?.stdout.trim() ?? '{}') as { doi: string; status: string };
    expect(line.doi).toBe('10.5555/greenway.cli.1');
    // README: `unknown` when no index answered (not `incomplete`, which needs some source's answer).
    expect(line.status).toBe('unknown');
    expect(seen.length).toBeGreaterThan(0);
  }, 60_000); // the engine's own bounded retries of a 503 run on real time here

  it('says incomplete, exit 0, when a source answered "not found" and the others failed', async () => {
    const endpoints = [...allDown(), '--endpoint', `crossref=${base}/answers/crossref`];
    const { stdout } = await lookup('--json', ...endpoints, '10.5555/greenway.cli.2');
    const line = JSON.parse(stdout) as { status: string; sources: Record<string, { ok: boolean }> };
    expect(line.sources.crossref?.ok).toBe(true);
    expect(line.status).toBe('incomplete');
  }, 60_000);

  it('exits 2 for an argument that is not a DOI, asking no source', async () => {
    const before = seen.length;
    const failure = await lookup('--json', ...allDown(), 'notadoi', '10.5555/greenway.cli.3').then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure?.stderr).toMatch(/^not a DOI: notadoi\nusage: npm run -s lookup -- /);
    expect(failure?.stderr).not.toContain('notadoi: no source answered');
    expect(seen.length).toBe(before);
  });

  it('exits 2 when an option has no value', async () => {
    await expect(lookup('10.5555/greenway.cli.4', '--email')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^--email needs a value\n/) });
  });
});
