import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsClient } from '@/utils/settings/options-client';
import { t } from '@/utils/view/i18n';
import '@/components/popup.css';
import '@/components/options/options.css';

const root = document.getElementById('app');
if (root) {
  document.title = t('optionsTitle');
  document.documentElement.lang = browser.i18n.getUILanguage();
  const client = createOptionsClient({
    storage: browser.storage,
    fetch: (url, init) => fetch(url, init),
    document,
  });
  render(<OptionsApp client={client} />, root);
}
