// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_NAMES } from '../../utils/model';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const run = promisify(execFile);
const lookup = (...args: string[]) => run('node', ['--import', 'tsx', 'scripts/lookup.ts', ...args]);
/** A service that is down: every request gets 503 (no source reads that as an answer). */
let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
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
    expect(line.status).not.toBe('closed');
    expect(seen.length).toBeGreaterThan(0);
  }, 60_000); // the engine's own bounded retries of a 503 run on real time here
});
