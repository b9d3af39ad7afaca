/** The extension builds the e2e global setup made (harness/global-setup.ts), per browser, for launchDriven. */
import { inject } from 'vitest';
import type { BrowserName } from '../../harness/driven';

export const builtExtensions = (): Record<BrowserName, string> => ({ chromium: inject('extensionDir'), firefox: inject('firefoxExtensionDir') });
