/**
 * No code or markup is ever built from data: the product sources (components, entrypoints, utils)
 * hold none of the sinks listed in ./unsafe-sinks.ts, and every link to a new tab drops the opener
 * and the referrer. The scanner itself is tested on bad samples, so a silent scanner cannot pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankCommentsAndStrings, scanHtml, scanSource } from './unsafe-sinks';

const ROOT = join(__dirname, '..', '..');
const PRODUCT_DIRS = ['components', 'entrypoints', 'hooks', 'utils'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = PRODUCT_DIRS.flatMap((d) => filesUnder(join(ROOT, d)));
const rel = (path: string) => relative(ROOT, path);

describe('the scanner', () => {
  it('finds each sink in code', () => {
    const bad = [
      'el.innerHTML = data;',
      'el.outerHTML = data;',
      "el.insertAdjacentHTML('beforeend', data);",
      'document.write(data);',
      'eval(data);',
      'const f = new Function("return " + data);',
      "setTimeout('run()', 10);",
      '<div dangerouslySetInnerHTML={{ __html: data }} />',
      'frame.srcdoc = data;',
      'range.createContextualFragment(data);',
      'importScripts(url);',
      'await import(url);',
      'await import(`./${name}`);',
      'const a = <a href={u} target="_blank">x</a>;',
      "link.target = '_blank';",
      'window.open(url);',
    ];
    for (const line of bad) expect(scanSource('sample.tsx', line), line).not.toEqual([]);
  });

  it('ignores comments and strings that only name a sink, and safe links', () => {
    const fine = [
      '// never use innerHTML here',
      '/* eval( is banned */',
      "const note = 'no innerHTML, no eval()';",
      'el.textContent = data;',
      'const a = <a href={u} target="_blank" rel="noopener noreferrer">x</a>;',
      "link.target = '_blank';\nlink.rel = 'noopener noreferrer';",
      'retrieval(data); medieval(x);',
      "const { x } = await import('../settings/store');",
    ];
    for (const source of fine) expect(scanSource('sample.tsx', source), source).toEqual([]);
    expect(blankCommentsAndStrings('a /* b */ "c" // d\ne')).toBe('a         " "     \ne');
  });

  it('flags inline scripts, remote resources and handlers in HTML', () => {
    expect(scanHtml('x.html', '<script>alert(1)</script>')).toHaveLength(1);
    expect(scanHtml('x.html', '<script src="https://cdn.example/x.js"></script>')).toHaveLength(1);
    expect(scanHtml('x.html', '<body onload="x()">')).toHaveLength(1);
    expect(scanHtml('x.html', '<script type="module" src="./main.tsx"></script>')).toEqual([]);
  });
});

describe('product sources', () => {
  it('covers the product code (sanity: the walk found the entrypoints and components)', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['entrypoints/content/index.ts', 'entrypoints/popup/index.html', 'components/ExternalLink.tsx']));
  });

  it('build no code or markup from data, and open new tabs without opener or referrer', () => {
    const findings = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      if (/\.(?:tsx?|jsx?|mjs)$/.test(file)) return scanSource(rel(file), text);
      if (/\.html$/.test(file)) return scanHtml(rel(file), text);
      return [];
    });
    expect(findings).toEqual([]);
  });
});
