import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OnboardingApp } from '@/components/options/OnboardingApp';
import { pinBrowserFor } from '@/components/options/PinHelp';
import { createOptionsClient } from '@/utils/settings/options-client';
import { t } from '@/utils/view/i18n';
import '@/components/popup.css';
import '@/components/options/options.css';

// onboarding.html (install) or onboarding.html?updated=<previous version> (meaningful update).
const root = document.getElementById('app');
if (root) {
  const updatedFrom = new URLSearchParams(window.location.search).get('updated');
  document.title = updatedFrom ? t('onboardingUpdatedTitle') : t('onboardingTitle');
  document.documentElement.lang = browser.i18n.getUILanguage();
  const client = createOptionsClient({ storage: browser.storage, fetch: (url, init) => fetch(url, init), document });
  render(
    <OnboardingApp
      client={client}
      updatedFrom={updatedFrom}
      currentVersion={browser.runtime.getManifest().version}
      optionsUrl={browser.runtime.getURL('/options.html')}
      pinBrowser={pinBrowserFor(import.meta.env.FIREFOX, navigator.userAgent)}
    />,
    root,
  );
}
