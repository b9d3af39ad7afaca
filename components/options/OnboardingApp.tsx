/**
 * The page opened on install (and after a meaningful update): what Greenway does, how to pin its
 * button, where it shows what it found, an example article to try, exactly what leaves the browser,
 * the one optional setting worth giving now (the email that turns Unpaywall on, with visible "Saved"),
 * and the offer to set up the library.
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import { EXAMPLE_ARTICLE } from '@/utils/model/example-article';
import { notesBetween } from '@/utils/settings/onboarding';
import { EmailField } from './AccountSection';
import { PrivacySection } from './PrivacySection';
import { SettingsNotes } from './SettingsNotes';
import { PinHelp, type PinBrowser } from './PinHelp';
import { SignalsPicture } from './SignalsPicture';
import { useSettingsEditor } from '../../hooks/use-settings-editor';
import type { OptionsClient } from '@/utils/settings/options-client';
import type { SettingsEditor } from './editor';

interface Props {
  client: Pick<OptionsClient, 'load' | 'save' | 'watchPolicy'>;
  /** The version updated from (`?updated=`), or null on a fresh install. */
  updatedFrom: string | null;
  currentVersion: string;
  optionsUrl: string;
  /** Whose menu words the pinning help uses (./PinHelp.tsx). */
  pinBrowser: PinBrowser;
}

export function OnboardingApp({ client, updatedFrom, currentVersion, optionsUrl, pinBrowser }: Props) {
  const { loaded, set, setWith } = useSettingsEditor(client);
  /** The path saved last (null while a save runs or after a refused value): "Saved" shows next to it. */
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const editor = useMemo<SettingsEditor | null>(() => {
    if (!loaded) return null;
    const track = async (path: string, save: Promise<boolean>) => {
      setSavedPath(null);
      const ok = await save;
      if (ok) setSavedPath(path);
      return ok;
    };
    return {
      settings: loaded.settings,
      locked: loaded.locked,
      set: (path, value) => track(path, set(path, value)),
      setWith: (path, compute) => track(path, setWith(path, compute)),
    };
  }, [loaded, set, setWith]);
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
      <PinHelp browser={pinBrowser} />
      <SignalsPicture />
      <p>
        <a class="action primary try-example" href={EXAMPLE_ARTICLE.url} target="_blank" rel="noopener noreferrer">
          {t('onboardingTryExample')}
        </a>
      </p>
      <p class="help">{t('onboardingTryExampleHelp')}</p>
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
          <p class="saved-inline" role="status" aria-live="polite">
            {savedPath === 'email' ? t('optSaved') : ''}
          </p>
          <PrivacySection editor={editor} />
        </>
      )}
      <section aria-labelledby="library-offer-title">
        <h2 id="library-offer-title">{t('onboardingLibraryTitle')}</h2>
        <p>{t('onboardingLibrary')}</p>
        <p>
          <a class="action" href={`${optionsUrl}#library`}>
            {t('onboardingLibrarySetUp')}
          </a>
        </p>
      </section>
      <p>
        <a href={optionsUrl}>{t('onboardingMoreSettings')}</a>
      </p>
    </main>
  );
}
