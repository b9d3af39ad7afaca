import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Builds land in .output/ unless GREENWAY_OUT_DIR says otherwise, so that parallel test runs
// (e2e, demo, bench) never overwrite each other's extension.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: auto-imports hide where a name comes from and clash with our own
  // utils (e.g. our StorageArea vs WXT's).
  imports: false,
  outDir: process.env.GREENWAY_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'clipboardWrite', 'contextMenus'],
    host_permissions: [
      'https://api.openalex.org/*',
      'https://api.unpaywall.org/*',
      'https://www.ebi.ac.uk/*',
      'https://api.semanticscholar.org/*',
      'https://api.core.ac.uk/*',
      'https://api.crossref.org/*',
    ],
    action: { default_title: 'Greenway' },
    // Opens the popup from the keyboard; users can change the keys at chrome://extensions/shortcuts.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_commandOpenPopup__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'greenway@greenway-oa.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Institutions preset and lock settings through chrome.storage.managed (policy). Firefox
          // reads the same keys from policies.json ("3rdparty" → extensions) and has no such key.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
