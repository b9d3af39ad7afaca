/**
 * A small source scanner for the sinks that turn data into code or markup: `innerHTML`,
 * `outerHTML`, `insertAdjacentHTML`, `document.write`, `eval`, `new Function`, string timers,
 * `dangerouslySetInnerHTML`, `srcdoc`, `createContextualFragment`, `importScripts` and dynamic
 * `import()`; plus links that open a new tab without `noopener`/`noreferrer`. Comments and string
 * contents are blanked first, so prose that names a sink does not count, and a sink in code always does.
 */
export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Replaces comments and the inside of string/template literals with spaces, keeping line breaks. */
export function blankCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    const ch = source[i]!;
    if (two === '//') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (two === '/*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
      // The quotes stay, so `target="_blank"` still reads as an attribute with a (blank) value.
      out += ch + blank(source.slice(i + 1, j)) + (source[j] ?? '');
      i = j + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const RULES: Array<{ rule: string; pattern: RegExp }> = [
  { rule: 'innerHTML', pattern: /\.\s*innerHTML\b|\[\s*['"`]innerHTML/ },
  { rule: 'outerHTML', pattern: /\.\s*outerHTML\s*=/ },
  { rule: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/ },
  { rule: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(/ },
  { rule: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
  { rule: 'new Function', pattern: /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*['"`]/ },
  { rule: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { rule: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { rule: 'srcdoc', pattern: /\bsrcdoc\b/i },
  { rule: 'createContextualFragment', pattern: /\bcreateContextualFragment\s*\(/ },
  { rule: 'importScripts', pattern: /\bimportScripts\s*\(/ },
  // A dynamic import of a fixed local module is bundled code; one built from a value could load anything.
  { rule: 'dynamic import', pattern: /(?<![\w$.])import\s*\(\s*(?!['"][^'"]*['"]\s*\))/ },
];

/**
 * `target="_blank"` (JSX) or `.target = '_blank'` (DOM) must come with rel noopener noreferrer in the
 * same element / the next few statements; `window.open` must pass `noopener`.
 */
function newTabFindings(file: string, raw: string): Finding[] {
  const out: Finding[] = [];
  const lines = raw.split('\n');
  lines.forEach((line, i) => {
    const window = lines.slice(Math.max(0, i - 8), i + 9).join('\n');
    if (/target\s*=\s*["'{]?\s*["']_blank["']/.test(line) || /\.target\s*=\s*["']_blank["']/.test(line)) {
      if (!/rel\s*[=:]\s*\{?\s*["'][^"']*noopener[^"']*noreferrer|rel\s*[=:]\s*\{?\s*["'][^"']*noreferrer[^"']*noopener/.test(window)) {
        out.push({ file, line: i + 1, rule: 'new tab without noopener noreferrer', text: line.trim() });
      }
    }
    if (/\bwindow\s*\.\s*open\s*\(/.test(line) && !/noopener/.test(window)) {
      out.push({ file, line: i + 1, rule: 'window.open without noopener', text: line.trim() });
    }
  });
  return out;
}

/** Everything wrong in one source file (TS/TSX/JS). */
export function scanSource(file: string, source: string): Finding[] {
  const code = blankCommentsAndStrings(source);
  const lines = code.split('\n');
  const raw = source.split('\n');
  const out: Finding[] = [];
  lines.forEach((line, i) => {
    for (const { rule, pattern } of RULES) if (pattern.test(line)) out.push({ file, line: i + 1, rule, text: raw[i]!.trim() });
  });
  return [...out, ...newTabFindings(file, source)];
}

/** HTML entrypoints: only local module scripts, no inline code or handlers, nothing remote. */
export function scanHtml(file: string, html: string): Finding[] {
  const out: Finding[] = [];
  html.split('\n').forEach((line, i) => {
    const at = (rule: string) => out.push({ file, line: i + 1, rule, text: line.trim() });
    if (/<script\b(?![^>]*\bsrc=)/i.test(line)) at('inline script');
    if (/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(line)) at('remote resource');
    if (/\son[a-z]+\s*=/i.test(line)) at('inline event handler');
    if (/javascript:/i.test(line)) at('javascript: URL');
  });
  return out;
}
