/** Browser discovery: explicit CHROMIUM_PATH, Debian's path, PATH, and a helpful failure. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../harness/chromium';

/** A directory holding one executable file `name`. */
function binDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'greenway-bin-'));
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it is executable, and says so when it is not', () => {
    const dir = binDir('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'my-chrome') }, '/nonexistent')).toEqual({ ok: true, path: join(dir, 'my-chrome') });
    const bad = findChromium({ CHROMIUM_PATH: join(dir, 'missing') }, '/nonexistent');
    expect(bad.ok === false && bad.error).toContain('CHROMIUM_PATH');
  });

  it('prefers the Debian path, then looks on PATH for chromium-browser or google-chrome', () => {
    const debian = binDir('chromium');
    expect(findChromium({ PATH: '' }, join(debian, 'chromium'))).toEqual({ ok: true, path: join(debian, 'chromium') });
    const other = binDir('google-chrome');
    expect(findChromium({ PATH: `/nonexistent:${other}` }, '/nonexistent')).toEqual({ ok: true, path: join(other, 'google-chrome') });
  });

  it('fails with install instructions when there is no browser', () => {
    const none = findChromium({ PATH: '' }, '/nonexistent');
    expect(none.ok).toBe(false);
    expect(none.ok === false && none.error).toContain('apt-get install -y chromium');
  });
});
