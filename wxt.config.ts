import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { apiHostPermissions } from './utils/sources/registry';
import { managedSchema } from './utils/settings/managed-schema';
import { BADGES_SCRIPT } from './entrypoints/content/badges/hook';
import { popupFirstChunk } from './vite/popup-first-chunk';
import { inlinePageCss } from './vite/inline-page-css';

// Builds land in .output/ unless GREENWAY_OUT_DIR says otherwise, so that parallel test runs
// (e2e, demo, bench) never overwrite each other's extension.
export default defineConfig({
  // auto-icons renders the toolbar icons from assets/icon.svg at build time (with sharp): public/
  // holds no generated PNGs. Development builds get grey icons, to tell them from the installed one.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // Explicit imports everywhere: auto-imports hide where a name comes from and clash with our own
  // utils (e.g. our StorageArea vs WXT's).
  imports: false,
  outDir: process.env.GREENWAY_OUT_DIR ?? '.output',
  // Firefox zips come with a sources archive for the add-on review: what builds the extension, not
  // tests (their certificate, fixtures), screenshots or generated output. WXT already leaves out node_modules,
  // dotfiles (.output-*, .wxt, .ci) and the current outDir.
  zip: {
    excludeSources: ['tests/**', 'harness/**', 'demo-output/**', 'test-output/**', 'web-ext-artifacts/**', 'coverage/**', '**/*.log', 'docs/**/*.png'],
  },
  hooks: {
    // `imports: false` stops WXT's own auto-import dirs but not unimport's presets: a local named `storage`
    // or `browser` (a parameter) still got `wxt/utils/storage` (16 kB with its lock library) injected.
    'config:resolved': (wxt) => {
      wxt.config.imports.presets = [];
      wxt.config.imports.imports = [];
    },
    // Only the background needs the polyfill: its message router answers by returning a promise from
    // `runtime.onMessage`, which the polyfill turns into `sendResponse` in Chromium. The content scripts
    // and the pages (popup, options, check, onboarding) register no such listener, and their
    // promise-based calls exist on both browsers' own globals (wxt/browser picks `browser` in Firefox,
    // `chrome` in Chromium). Kept out of the popup's first paint, it is 10 kB of minified code less.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) return;
      const plain = { find: 'wxt/browser', replacement: fileURLToPath(import.meta.resolve('wxt/browser')) };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = [plain, ...(Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement })))];
    },
    // Chrome's policy schema, generated from the policy fields and the source registry.
    'build:publicAssets': (_wxt, assets) => {
      assets.push({ relativeDest: 'managed-schema.json', contents: `${JSON.stringify(managedSchema(), null, 2)}\n` });
    },
  },
  vite: () => ({
    plugins: [preact(), popupFirstChunk(), inlinePageCss()],
    // Both browsers support <link rel="modulepreload"> (Chromium 66, Firefox 115): Vite's polyfill for
    // it would be one more module every extension page waits for before its entry runs.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: "Allow on this site" when the user has withheld site access (README, Permissions).
    permissions: ['storage', 'clipboardWrite', 'contextMenus', 'activeTab', 'scripting'],
    // Exactly the API hosts the registered sources call (utils/sources/registry.ts).
    host_permissions: apiHostPermissions(),
    action: { default_title: 'Greenway' },
    // The badge script, imported by the content script on pages with a DOI (entrypoints/content/badges/hook.ts):
    // Chromium serves it to pages only under a per-session address.
    web_accessible_resources: [{ resources: [BADGES_SCRIPT.slice(1)], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    // Opens the popup from the keyboard; users can change the keys at chrome://extensions/shortcuts
    // (Firefox: about:addons → ⚙ → Manage Extension Shortcuts).
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_commandOpenPopup__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'greenway@greenway-oa.org',
              // data_collection_permissions (required of new add-ons) exists from Firefox 140
              // (the 2025 ESR) and Firefox for Android 142; older versions would ignore it.
              strict_min_version: '140.0',
              // Honest declaration: the DOIs found in the pages a reader opens (website content) go
              // to the open indexes. Nothing else is collected; the optional email goes only to the
              // services that ask for one, and only once the user types it.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Institutions preset and lock settings through chrome.storage.managed (policy). Firefox
          // reads the same keys from policies.json ("3rdparty" → extensions) and has no such key.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
