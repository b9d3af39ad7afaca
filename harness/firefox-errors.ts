/**
 * Collects the errors of the add-on's contexts in Firefox (../shared/NOTES-firefox.md §8): BiDi gives
 * no log events for extension pages and none for the event page, so the harness installs listeners in
 * Firefox's chrome window (Firefox 153+ with --remote-allow-system-access; ESR 140 has no chrome scope).
 * - `Services.console`: uncaught errors and unhandled rejections of every extension context arrive
 *   in the parent as nsIScriptError, with a `moz-extension://<uuid>/…` source;
 * - a process script in each child process forwards `console.error` calls (nsIConsoleAPIStorage)
 *   of the add-on's pages (addonId) and content script (moz-extension:// filename).
 * Only entries from the add-on count: Firefox's own noise ("sendRemoveListener on closed conduit")
 * comes from its modules, not from moz-extension:// sources. "Promise rejected/resolved after
 * context unloaded" is Firefox reporting, in an extension page just closed (by the test, or by a user
 * closing the popup), an API call still in flight — e.g. a link check's message (Chromium drops it
 * silently): dropped too.
 */
export interface ChromeScope {
  evaluate(expression: string): Promise<unknown>;
}

/** The child-process half: forwards console.error of the add-on to the parent. */
function childWatch(origin: string, addonId: string): void {
  const g = globalThis as unknown as {
    Cc: Record<string, { getService(i: unknown): { addLogEventListener(f: (m: Record<string, unknown>) => void, p: unknown): void } }>;
    Ci: Record<string, unknown>;
    Services: { cpmm: { sendAsyncMessage(name: string, data: string): void }; scriptSecurityManager: { getSystemPrincipal(): unknown } };
  };
  const storage = g.Cc['@mozilla.org/consoleAPI-storage;1']!.getService(g.Ci.nsIConsoleAPIStorage);
  storage.addLogEventListener((m) => {
    const file = String(m.filename ?? '');
    if (m.level !== 'error' || (m.addonId !== addonId && !file.startsWith(origin))) return;
    const args = Array.isArray(m.arguments) ? m.arguments.map((a: unknown) => String(a)).join(' ') : '';
    g.Services.cpmm.sendAsyncMessage('greenway-e2e:console', `console.error (${file}): ${args}`);
  }, g.Services.scriptSecurityManager.getSystemPrincipal());
}

/** The chrome-window script: the errors land in `window.__greenwayErrors`. */
export function FIREFOX_ERROR_WATCH(origin: string, addonId: string): string {
  const child = `(${childWatch.toString()})(${JSON.stringify(origin)}, ${JSON.stringify(addonId)})`;
  return `(() => {
    if (window.__greenwayErrors) return 'already';
    const errors = (window.__greenwayErrors = []);
    const origin = ${JSON.stringify(origin)};
    Services.console.registerListener({
      observe(message) {
        if (!(message instanceof Ci.nsIScriptError)) return;
        if (message.flags & Ci.nsIScriptError.warningFlag) return;
        if (!String(message.sourceName).startsWith(origin)) return;
        // A page closed while one of its API calls was in flight (Firefox only).
        if (/^Promise (rejected|resolved) after context unloaded/.test(String(message.errorMessage))) return;
        errors.push('uncaught (' + message.sourceName + ':' + message.lineNumber + '): ' + message.errorMessage);
      },
    });
    Services.ppmm.addMessageListener('greenway-e2e:console', (m) => errors.push(String(m.data)));
    Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(${JSON.stringify(child)}), true);
    return 'installed';
  })()`;
}
