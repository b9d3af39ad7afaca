import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CheckApp } from '@/components/check/CheckApp';
import { createCheckClient } from '@/entrypoints/check/client';
import { t } from '@/utils/view/i18n';
import '@/components/popup.css';
import '@/components/check/check.css';

// `check.html?q=TEXT` fills the text area (context menu on selected text); `?tabId=N` fills it with
// the DOIs on that tab's page (the popup's "Check all N references on this page").
const root = document.getElementById('app');
if (root) {
  document.title = t('checkTitle');
  document.documentElement.lang = browser.i18n.getUILanguage();
  const params = new URLSearchParams(window.location.search);
  const tab = params.get('tabId');
  const request = { text: params.get('q'), tabId: tab !== null && /^\d{1,10}$/.test(tab) ? Number(tab) : null };
  render(<CheckApp client={createCheckClient()} request={request} />, root);
}
