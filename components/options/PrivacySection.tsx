/** When lookups happen: automatically for each article page, or only when the popup is opened. */
import { t } from '@/utils/view/i18n';
import { LockedHint, Section } from './fields';
import { isLockedPath, type SettingsEditor } from './editor';

export function PrivacySection({ editor }: { editor: SettingsEditor }) {
  const path = 'privacy.autoLookup';
  const auto = editor.settings.privacy.autoLookup;
  const locked = isLockedPath(editor, path);
  const choice = (value: boolean, label: string, help: string) => {
    const id = `opt-lookup-${value ? 'auto' : 'popup'}`;
    return (
      <div class="field field-toggle">
        <input
          id={id}
          type="radio"
          name="lookup-mode"
          checked={auto === value}
          disabled={locked}
          aria-describedby={`${id}-help${locked ? ' opt-privacy-autoLookup-locked' : ''}`}
          onChange={() => editor.set(path, value)}
        />
        <label for={id}>{label}</label>
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      </div>
    );
  };
  return (
    <Section id="privacy" title={t('optPrivacyTitle')}>
      <fieldset>
        <legend>{t('optLookupWhen')}</legend>
        {locked && <LockedHint path={path} />}
        {choice(true, t('optLookupAuto'), t('optLookupAutoHelp'))}
        {choice(false, t('optLookupOnOpen'), t('optLookupOnOpenHelp'))}
      </fieldset>
    </Section>
  );
}
