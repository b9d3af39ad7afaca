/**
 * Styles of the badge and the article indicator. They live inside each shadow root, so the page's
 * CSS cannot reach them and they cannot reach the page. Words are drawn with `content: attr(data-text)`:
 * generated content is never part of a selection, so copying a reference leaves the badge out.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: baseline; user-select: none; -webkit-user-select: none; }
* { box-sizing: border-box; }
[data-text]::before { content: attr(data-text); }
.b { position: relative; display: inline-flex; align-items: center; gap: 2px; margin-inline-start: 0.3em;
  font: 600 11px/1.25 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap; vertical-align: baseline; }
.main, .mark { all: unset; display: inline-flex; align-items: center; gap: 3px; padding: 0 5px; border-radius: 9px;
  border: 1px solid; text-decoration: none; cursor: pointer; font: inherit; }
.open .main { color: #0f5323; background: #dafbe1; border-color: #1a7f37; }
.open .main:hover { background: #aceebb; }
.library .main { color: #0550ae; background: transparent; border-color: #0550ae; font-weight: 400; text-decoration: underline; }
.closed .mark, .unregistered .mark, .incomplete .mark { color: #57606a; background: transparent; border-color: #d0d7de; font-weight: 400; cursor: default; padding: 0 4px; }
.retracted .main { color: #82071e; background: #ffebe9; border-color: #cf222e; }
svg { width: 11px; height: 11px; flex: none; }
.main:focus-visible, .panel a:focus-visible, .panel button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
/* The details hang under the badge; the transparent top padding keeps them under the mouse on the way down. */
.panel { display: none; position: absolute; z-index: 2147483647; left: 0; top: 100%; padding-top: 4px; min-width: 16em; max-width: 26em;
  white-space: normal; font-weight: 400; }
.panel > * { display: block; background: #1f2328; color: #ffffff; padding: 2px 8px; }
.panel > :first-child { border-radius: 6px 6px 0 0; padding-top: 6px; }
.panel > :last-child { border-radius: 0 0 6px 6px; padding-bottom: 6px; }
.panel > .head { font-weight: 600; }
.panel a, .panel button { all: unset; display: flex; align-items: center; gap: 4px; background: #1f2328; color: #8cc8ff;
  text-decoration: underline; cursor: pointer; padding: 2px 8px; font: inherit; }
.panel .copy[data-state="copied"] { color: #aff5b4; }
.b:hover .panel, .b.expanded .panel { display: block; }
.closed .panel, .library .panel, .unregistered .panel, .incomplete .panel { pointer-events: none; }
@media (prefers-color-scheme: dark) {
  .open .main { color: #aff5b4; background: #033a16; border-color: #3fb950; }
  .open .main:hover { background: #04260f; }
  .closed .mark, .unregistered .mark, .incomplete .mark { color: #9198a1; border-color: #3d444d; }
  .library .main { color: #4493f8; border-color: #4493f8; }
}
@media (forced-colors: active) { .main, .mark { border-color: CanvasText; } .panel > * { border: 1px solid CanvasText; } }
`;

/** The article indicator: a small card fixed at the page's edge. */
export const INDICATOR_CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; user-select: none; -webkit-user-select: none; }
[data-text]::before { content: attr(data-text); }
.card { display: flex; align-items: center; gap: 6px; padding: 6px 6px 6px 10px; border-radius: 18px;
  font: 600 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f5323; background: #dafbe1;
  border: 1px solid #1a7f37; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
svg { width: 14px; height: 14px; flex: none; }
a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
button { all: unset; display: inline-flex; align-items: center; justify-content: center; width: 22px; height: 22px;
  border-radius: 11px; cursor: pointer; color: #57606a; }
button:hover { background: rgba(0,0,0,.08); color: #1f2328; }
a:focus-visible, button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .card { color: #aff5b4; background: #033a16; border-color: #3fb950; } button { color: #9198a1; } }
`;
