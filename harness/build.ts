/**
 * Builds the extension for a test run into its own output directory (never `.output/`, which other
 * people's builds use). Built once per process; `GREENWAY_SKIP_BUILD=1` reuses an existing build.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../', import.meta.url)));

const builds = new Map<string, Promise<string>>();

function runWxtBuild(outDirName: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const wxt = join(REPO_ROOT, 'node_modules', '.bin', 'wxt');
    const child = spawn(wxt, ['build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, GREENWAY_OUT_DIR: outDirName },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`wxt build (GREENWAY_OUT_DIR=${outDirName}) failed with exit code ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/**
 * Builds (or reuses) the Chromium MV3 extension and returns its absolute directory. `fresh` ignores
 * GREENWAY_SKIP_BUILD (the size bench must measure the current sources).
 */
export function buildExtension(outDirName = '.output-e2e', options: { fresh?: boolean } = {}): Promise<string> {
  const cached = builds.get(outDirName);
  if (cached) return cached;
  const dir = join(REPO_ROOT, outDirName, 'chrome-mv3');
  const reuse = !options.fresh && process.env.GREENWAY_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'));
  const build = reuse ? Promise.resolve(dir) : runWxtBuild(outDirName).then(() => dir);
  builds.set(outDirName, build);
  build.catch(() => builds.delete(outDirName));
  return build;
}
