/**
 * Finds a Chromium to drive. Playwright's own browser downloads cannot work here (no internet), so
 * the harness uses whatever Chromium the system has, Debian's `chromium` package first.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, pathEnv: string): string | null {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export type ChromiumLookup = { ok: true; path: string } | { ok: false; error: string };

/** `CHROMIUM_PATH`, then /usr/bin/chromium (Debian's), then chromium-browser / google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, debianPath = '/usr/bin/chromium'): ChromiumLookup {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutable(explicit) ? { ok: true, path: explicit } : { ok: false, error: `CHROMIUM_PATH=${explicit} is not an executable file.` };
  }
  if (isExecutable(debianPath)) return { ok: true, path: debianPath };
  for (const name of ON_PATH) {
    const found = onPath(name, env.PATH ?? '');
    if (found) return { ok: true, path: found };
  }
  return {
    ok: false,
    error:
      'No Chromium found for the real-browser tests. Install one with `apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  };
}
