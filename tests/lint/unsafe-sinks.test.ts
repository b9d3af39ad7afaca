// @vitest-environment node
/**
 * No code or markup is ever built from data, and every new tab drops the opener (links: and the referrer).
 *
 * Code (components/, entrypoints/, hooks/, utils/): ESLint with the real eslint.config.js, run on the
 * whole tree by `npm run lint` in CI. It replaced the regex scanner: Mozilla's no-unsanitized (the set
 * addons.mozilla.org's review runs), core no-eval / no-implied-eval / no-new-func / no-script-url,
 * no-restricted-properties / no-restricted-syntax for the sinks no-unsanitized does not know (srcdoc,
 * dangerouslySetInnerHTML, importScripts, inline handlers via setAttribute, import() of a computed
 * path), and greenway/new-tab-noopener (eslint/greenway-plugin.js). Each of the scanner's bad samples
 * goes through ESLint's Node API here and must be flagged by the rule that owns it, so a rule dropped
 * from the config fails this test; prose, strings and safe links must not be flagged.
 *
 * HTML entrypoints: ESLint reads no HTML, so the reduced scanner in ./unsafe-sinks.ts still checks
 * them (inline scripts and handlers, remote resources, javascript: URLs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { scanHtml } from './unsafe-sinks';

const ROOT = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

const SINK_RULES = new Set([
  'no-unsanitized/method',
  'no-unsanitized/property',
  'no-eval',
  'no-implied-eval',
  'no-new-func',
  'no-script-url',
  'no-restricted-properties',
  'no-restricted-syntax',
  'greenway/new-tab-noopener',
]);

/** The sink rules ESLint reports for `code` as if it were the file at `path`. */
async function sinkRules(code: string, path = 'entrypoints/popup/sample.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, code).toEqual([]);
  return result!.messages.flatMap((m) => (m.ruleId && SINK_RULES.has(m.ruleId) ? [m.ruleId] : []));
}

describe('ESLint on shipped code', () => {
  it.each([
    // The scanner's bad samples.
    ['el.innerHTML = data;', 'no-unsanitized/property'],
    ['el.outerHTML = data;', 'no-unsanitized/property'],
    ["el.insertAdjacentHTML('beforeend', data);", 'no-unsanitized/method'],
    ['document.write(data);', 'no-unsanitized/method'],
    ['eval(data);', 'no-eval'],
    ['const f = new Function("return " + data);', 'no-new-func'],
    ["setTimeout('run()', 10);", 'no-implied-eval'],
    ['<div dangerouslySetInnerHTML={{ __html: data }} />', 'no-restricted-syntax'],
    ['frame.srcdoc = data;', 'no-restricted-properties'],
    ['range.createContextualFragment(data);', 'no-unsanitized/method'],
    ['importScripts(url);', 'no-restricted-syntax'],
    ['await import(url);', 'no-restricted-syntax'],
    ['await import(`./${name}`);', 'no-restricted-syntax'],
    ['const a = <a href={u} target="_blank">x</a>;', 'greenway/new-tab-noopener'],
    ["link.target = '_blank';", 'greenway/new-tab-noopener'],
    ['window.open(url);', 'greenway/new-tab-noopener'],
    // Beyond the scanner.
    ["el['innerHTML'] = data;", 'no-restricted-syntax'],
    ['<div innerHTML={data} />', 'no-restricted-syntax'],
    ['<iframe srcdoc={data} />', 'no-restricted-syntax'],
    ["el.setAttribute('onclick', data);", 'no-restricted-syntax'],
    ['el.setHTMLUnsafe(data);', 'no-unsanitized/method'],
    ['self.importScripts(url);', 'no-restricted-properties'],
    ["a.href = 'javascript:run()';", 'no-script-url'],
    ['const a = <a href={u} target="_blank" rel="noopener">x</a>;', 'greenway/new-tab-noopener'],
    ["link.target = '_blank';\nlink.rel = 'noopener';", 'greenway/new-tab-noopener'],
    ["window.open(url, '_blank', 'popup');", 'greenway/new-tab-noopener'],
  ])('flags %s (%s)', async (code, rule) => {
    expect(await sinkRules(code)).toContain(rule);
  });

  it.each([
    '// never use innerHTML here',
    '/* eval( is banned */',
    "const note = 'no innerHTML, no eval()';",
    'el.textContent = data;',
    'const a = <a href={u} target="_blank" rel="noopener noreferrer">x</a>;',
    "link.target = '_blank';\nlink.rel = 'noopener noreferrer';",
    "link.setAttribute('target', '_blank');\nlink.setAttribute('rel', 'noreferrer noopener');",
    "window.open(url, '_blank', 'noopener');",
    'retrieval(data); medieval(x);',
    "const { x } = await import('../settings/store');",
    "el.setAttribute('aria-label', data);",
    'setTimeout(() => run(), 10);',
  ])('leaves %s alone', async (code) => {
    expect(await sinkRules(code)).toEqual([]);
  });

  it('keeps markup sinks to shipped code, and code from strings out of everything', async () => {
    expect(await sinkRules('el.innerHTML = data;', 'tests/sample.test.tsx')).toEqual([]);
    expect(await sinkRules('eval(data);', 'tests/sample.test.tsx')).toEqual(['no-eval']);
    expect(await sinkRules('el.innerHTML = data;', 'utils/view/sample.ts')).toEqual(['no-unsanitized/property']);
  });
});

describe('HTML entrypoints', () => {
  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }
  const html = ['components', 'entrypoints', 'hooks', 'utils'].flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => f.endsWith('.html'));

  it('the scanner flags inline scripts, remote resources, handlers and javascript: URLs', () => {
    expect(scanHtml('x.html', '<script>alert(1)</script>')).toHaveLength(1);
    expect(scanHtml('x.html', '<script src="https://cdn.example/x.js"></script>')).toHaveLength(1);
    expect(scanHtml('x.html', '<body onload="x()">')).toHaveLength(1);
    expect(scanHtml('x.html', '<a href="javascript:x()">')).toHaveLength(1);
    expect(scanHtml('x.html', '<script type="module" src="./main.tsx"></script>')).toEqual([]);
  });

  it('hold none of them', () => {
    expect(html.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['entrypoints/popup/index.html', 'entrypoints/options/index.html']));
    expect(html.flatMap((f) => scanHtml(relative(ROOT, f), readFileSync(f, 'utf8')))).toEqual([]);
  });
});
