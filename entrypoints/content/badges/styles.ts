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
.main, .mark { display: inline-flex; align-items: center; gap: 3px; padding: 0 5px; border-radius: 9px;
  border: 1px solid; text-decoration: none; cursor: pointer; }
.open .main { color: #0f5323; background: #dafbe1; border-color: #1a7f37; }
.open .main:hover { background: #aceebb; }
.closed .mark, .unregistered .mark { color: #57606a; background: transparent; border-color: #d0d7de; font-weight: 400; cursor: default; padding: 0 4px; }
.retracted .main { color: #82071e; background: #ffebe9; border-color: #cf222e; }
svg { width: 11px; height: 11px; flex: none; }
.copy { all: unset; display: inline-flex; align-items: center; justify-content: center; width: 17px; height: 17px;
  border-radius: 9px; border: 1px solid #d0d7de; color: #57606a; background: #ffffff; cursor: pointer; }
.copy:hover { color: #1f2328; border-color: #57606a; }
.copy[data-state="copied"] { color: #1a7f37; border-color: #1a7f37; }
.main:focus-visible, .copy:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.tip { display: none; position: absolute; z-index: 2147483647; left: 0; top: calc(100% + 4px); min-width: 14em; max-width: 24em;
  padding: 6px 8px; border-radius: 6px; background: #1f2328; color: #ffffff; font-weight: 400; white-space: normal;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); pointer-events: none; }
.tip > span { display: block; }
.tip > .head { font-weight: 600; }
.b:hover .tip, .b:focus-within .tip { display: block; }
@media (prefers-color-scheme: dark) {
  .open .main { color: #aff5b4; background: #033a16; border-color: #3fb950; }
  .open .main:hover { background: #04260f; }
  .closed .mark, .unregistered .mark { color: #9198a1; border-color: #3d444d; }
  .copy { background: #0d1117; color: #9198a1; border-color: #3d444d; }
}
@media (forced-colors: active) { .main, .mark, .copy { border-color: CanvasText; } }
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
