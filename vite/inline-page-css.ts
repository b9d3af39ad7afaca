/**
 * A Vite plugin that writes one page's stylesheets into the page itself (`<style>`) instead of
 * linking them. For the popup: module scripts wait for the page's stylesheets, and a linked
 * stylesheet is one more request to the extension's URL loader before the first paint. Measured in
 * Chromium against a blank extension page, the popup's 5.5 kB stylesheet linked cost 1.14× the blank
 * page's open time and inlined 1.03× (25 interleaved opens each).
 *
 * Extension pages may carry inline styles: the default MV3 content security policy of both Chromium
 * and Firefox restricts scripts and objects, not styles (checked in both browsers by
 * tests/e2e/popup.e2e.ts, "styled"). The stylesheet files stay in the build for the pages that link them.
 */
import type { Plugin } from 'vite';

interface AssetLike {
  type: 'chunk' | 'asset';
  fileName: string;
  source?: string | Uint8Array;
}

const LINK = /<link\b[^>]*\brel=["']stylesheet["'][^>]*>/g;
const HREF = /\bhref=["']\/?([^"']+\.css)["']/;

/**
 * `html` with each `<link rel="stylesheet" href="/x.css">` whose file is in `bundle` replaced by a
 * `<style>` holding that file's text. A link to a file not in the bundle, or a stylesheet that
 * contains `</style` (it would end the element early), is left as it is.
 */
export function inlineStylesheets(html: string, bundle: Record<string, AssetLike>): string {
  return html.replace(LINK, (link) => {
    const file = HREF.exec(link)?.[1];
    const asset = file ? bundle[file] : undefined;
    if (asset?.type !== 'asset' || asset.source === undefined) return link;
    const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
    return /<\/style/i.test(css) ? link : `<style>${css}</style>`;
  });
}

export function inlinePageCss(pagePath = '/entrypoints/popup/index.html'): Plugin {
  return {
    name: 'greenway:inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.path !== pagePath || !ctx.bundle) return;
        return inlineStylesheets(html, ctx.bundle as Record<string, AssetLike>);
      },
    },
  };
}
