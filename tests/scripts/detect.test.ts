// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const detect = (...args: string[]) => run('node', ['--import', 'tsx', 'scripts/detect.ts', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'greenway-detect-'));
const page = join(dir, 'article.html');
writeFileSync(page, '<!doctype html><html><head><meta name="citation_doi" content="10.5555/greenway.cli.detect"></head><body></body></html>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run detect', () => {
  it('prints one JSON line for a saved page', async () => {
    const { stdout } = await detect(page);
    expect(JSON.parse(stdout)).toMatchObject({ file: page, articleDoi: '10.5555/greenway.cli.detect' });
  });

  it('exits 2 with "unknown option" and the usage for an unknown option, reading no file', async () => {
    await expect(detect('--bogus', page)).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^unknown option --bogus\nusage: npm run -s detect -- /),
    });
  });

  it('exits 2 when --url has no value', async () => {
    await expect(detect(page, '--url')).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--url needs a value') });
  });
});
