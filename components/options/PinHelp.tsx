/**
 * How to keep the toolbar button in sight, in the words each browser's own menus use (checked against
 * Chromium 156's and Firefox 153's English UI strings: Chromium's "Extensions" button and "Pin
 * extension"; Firefox's "Extensions" button, the item's "Open menu for …" and "Pin to Toolbar").
 * Browsers whose menus were not checked (Edge, others) get a general instruction.
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
