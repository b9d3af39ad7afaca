/**
 * `storage.managed` for the add-on in Firefox without touching the machine: Firefox reads a "storage"
 * native manifest from `$HOME/.mozilla/managed-storage/<add-on id>.json` (the per-user location on
 * Linux; checked with ESR 153, where a per-user policies.json is not read). The harness starts
 * Firefox with HOME pointing at a throw-away directory holding that one file. Chromium has no
 * per-user equivalent: its managed policy lives in machine-wide files (/etc/chromium/policies).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ManagedHome {
  /** Firefox's environment: HOME moved, caches left where they were (a cold font cache costs seconds). */
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function managedStorageHome(addonId: string, data: Record<string, unknown>): Promise<ManagedHome> {
  const home = await mkdtemp(join(tmpdir(), 'greenway-e2e-home-'));
  const dir = join(home, '.mozilla', 'managed-storage');
  await mkdir(dir, { recursive: true });
  const manifest = { name: addonId, description: 'Greenway e2e managed settings', type: 'storage', data };
  await writeFile(join(dir, `${addonId}.json`), JSON.stringify(manifest));
  return {
    env: { HOME: home, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache') },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}
