/**
 * The one check ESLint cannot make: HTML entrypoints (ESLint reads only JS/TS). Only local module
 * scripts; no inline code, inline event handlers, `javascript:` URLs or remote resources. Sinks in
 * code are ESLint's (eslint.config.js); see ./unsafe-sinks.test.ts.
 */
export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
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
