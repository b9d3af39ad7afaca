/**
 * The page opened on install (and after a meaningful update): what Greenway does, exactly what leaves
 * the browser, and the one optional setting worth giving now (the email that enables Unpaywall).
 */
import { useMemo } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { notesBetween } from '@/utils/settings/onboarding';
import { EmailField } from './AccountSection';
import { PrivacySection } from './PrivacySection';
import { SettingsNotes } from './SettingsNotes';
import { useSettingsEditor } from '../../hooks/use-settings-editor';
import type { OptionsClient } from '@/utils/settings/options-client';
import type { SettingsEditor } from './editor';

interface Props {
  client: Pick<OptionsClient, 'load' | 'save'>;
  /** The version updated from (`?updated=`), or null on a fresh install. */
  updatedFrom: string | null;
  currentVersion: string;
  optionsUrl: string;
}

export function OnboardingApp({ client, updatedFrom, currentVersion, optionsUrl }: Props) {
  const { loaded, set, setWith } = useSettingsEditor(client);
  const editor = useMemo<SettingsEditor | null>(
    () => (loaded ? { settings: loaded.settings, locked: loaded.locked, set, setWith } : null),
    [loaded, set, setWith],
  );
  const news = updatedFrom ? notesBetween(updatedFrom, currentVersion) : [];
  return (
    <main class="onboarding">
      <h1 class="brand">{updatedFrom ? t('onboardingUpdatedTitle') : t('onboardingTitle')}</h1>
      {news.length > 0 && (
        <ul>
          {news.map((note) => (
            <li key={note.version}>{t(note.message)}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('onboardingWhatTitle')}</h2>
        <p>{t('onboardingWhat')}</p>
      </section>
      <section aria-labelledby="leaves-title">
        <h2 id="leaves-title">{t('onboardingLeavesTitle')}</h2>
        <ul>
          <li>{t('onboardingLeavesDoi')}</li>
          <li>{t('onboardingLeavesEmail')}</li>
          <li>{t('onboardingLeavesNothingElse')}</li>
        </ul>
      </section>
      {editor && loaded && (
        <>
          <SettingsNotes notes={loaded.notes} lockedCount={loaded.locked.length} />
          <EmailField editor={editor} />
          <PrivacySection editor={editor} />
        </>
      )}
      <p>
        <a href={optionsUrl}>{t('onboardingMoreSettings')}</a>
      </p>
    </main>
  );
}
