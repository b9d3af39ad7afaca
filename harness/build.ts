/**
 * Builds the extension for a test run into its own output directory (never `.output/`, which other
 * people's builds use). Built once per process; `GREENWAY_SKIP_BUILD=1` reuses an existing build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../', import.meta.url)));

const builds = new Map<string, Promise<string>>();

export type BuildTarget = 'chrome' | 'firefox';

function runWxtBuild(outDirName: string, target: BuildTarget): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const wxt = join(REPO_ROOT, 'node_modules', '.bin', 'wxt');
    const child = spawn(wxt, target === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build'], {
      cwd: REPO_ROOT,
      // Always the production build that ships: under Vitest NODE_ENV is "test", which the child would
      // inherit, and Preact's Vite preset then builds in development mode (preact/debug, JSX source
      // paths: the popup's first paint measured 1.6 kB gzip more than the shipped one).
      env: { ...process.env, NODE_ENV: 'production', GREENWAY_OUT_DIR: outDirName },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`wxt build ${target} (GREENWAY_OUT_DIR=${outDirName}) failed with exit code ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/**
 * Builds (or reuses) the MV3 extension for `target` (default Chromium: `<out>/chrome-mv3`; Firefox:
 * `<out>/firefox-mv3`) and returns its absolute directory. `fresh` ignores GREENWAY_SKIP_BUILD (the
 * size bench must measure the current sources).
 */
export function buildExtension(outDirName = '.output-e2e', options: { fresh?: boolean; target?: BuildTarget } = {}): Promise<string> {
  const target = options.target ?? 'chrome';
  const key = `${outDirName}|${target}`;
  const cached = builds.get(key);
  if (cached) return cached;
  const dir = join(REPO_ROOT, outDirName, `${target}-mv3`);
  const reuse = !options.fresh && process.env.GREENWAY_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'));
  const build = reuse ? Promise.resolve(dir) : runWxtBuild(outDirName, target).then(() => dir);
  builds.set(key, build);
  build.catch(() => builds.delete(key));
  return build;
}

/** What a build is made from: a change to any of these makes an existing build stale. */
const BUILD_INPUTS = ['entrypoints', 'components', 'hooks', 'utils', 'public', 'assets', 'wxt.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** True when `<outDirName>/<target>-mv3` is missing or older than any of its sources. */
export function isBuildStale(outDirName: string, target: BuildTarget = 'chrome'): boolean {
  const manifest = join(REPO_ROOT, outDirName, `${target}-mv3`, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return BUILD_INPUTS.some((input) => newestChange(join(REPO_ROOT, input)) > built);
}

/** The build in `outDirName`, rebuilt first only when it is missing or stale (the budgets test). */
export function currentBuild(outDirName: string, target: BuildTarget = 'chrome'): Promise<string> {
  if (!isBuildStale(outDirName, target)) return Promise.resolve(join(REPO_ROOT, outDirName, `${target}-mv3`));
  return buildExtension(outDirName, { fresh: true, target });
}
