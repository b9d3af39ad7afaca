/**
 * How to keep the toolbar button in sight, in the words each browser's own menus use. Checked in the
 * real browsers: Chromium 156 leaves a new extension unpinned (`action.getUserSettings().isOnToolbar`
 * is false after install) and its English strings name the puzzle-piece button "Extensions" and the
 * menu's pin "Pin extension"; Firefox 153 places it in the Extensions panel (`unified-extensions-area`),
 * whose puzzle-piece button is "Extensions", the item's gear "Open menu for Greenway", and the menu
 * item "Pin to Toolbar". Browsers whose menus were not checked (Edge, others) get a general instruction.
 */
import { t } from '@/utils/view/i18n';

export type PinBrowser = 'chrome' | 'firefox' | 'other';

/** Which instructions fit the running browser: Firefox by build, Edge by its user agent token. */
export function pinBrowserFor(isFirefoxBuild: boolean, userAgent: string): PinBrowser {
  if (isFirefoxBuild) return 'firefox';
  return /\bEdg(?:e|A|iOS)?\//.test(userAgent) ? 'other' : 'chrome';
}

export function PinHelp({ browser }: { browser: PinBrowser }) {
  return (
    <section aria-labelledby="pin-title">
      <h2 id="pin-title">{t('onboardingPinTitle')}</h2>
      {browser === 'other' ? (
        <p>{t('onboardingPinOther')}</p>
      ) : (
        <>
          <p>{t('onboardingPinIntro')}</p>
          <ol>
            <li>{t('onboardingPinStep1')}</li>
            <li>{browser === 'chrome' ? t('onboardingPinChrome') : t('onboardingPinFirefox')}</li>
          </ol>
        </>
      )}
    </section>
  );
}
