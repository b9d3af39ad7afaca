/**
 * Bundles the detection modules into one script that exposes them as `globalThis.greenwayDetect`,
 * so benches can run the exact extension code inside a real browser page.
 */
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function detectionBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        export { detectArticleDoi } from './utils/detect/article';
        export { findPageDois, createScanner } from './utils/detect/page-dois';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'greenwayDetect',
    write: false,
    target: 'es2022',
    alias: { '@': root },
  });
  return result.outputFiles[0]?.text ?? '';
}
