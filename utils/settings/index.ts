/** Public surface of the settings module: the background, popup, badges and options page import from here. */
export {
  Settings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  DISCOVERY_SERVICES,
  KEYED_SERVICES,
  defaultSettings,
  type DiscoveryService,
  type KeyedService,
  type SourceSetting,
} from './schema';
export {
  loadSettings,
  saveSettings,
  onSettingsChanged,
  createSettingsStore,
  readStoredSettings,
  type LoadedSettings,
  type ManagedArea,
  type SettingsNote,
  type SettingsStore,
} from './store';
export { applyPolicy, isLocked, POLICY_FIELDS } from './managed';
export { migrateSettings, MIGRATIONS } from './migrations';
export { engineConfigFromSettings } from './engine-config';
export { testApiKey, type KeyTestResult } from './key-test';
export { exportSettings, importSettings, type ImportResult } from './transfer';
export { libraryLinks, openUrlFor, illUrlFor, type ArticleRef } from './library-links';
export { handleInstalled, onboardingUrl, UPDATE_NOTES, type InstalledDetails } from './onboarding';
