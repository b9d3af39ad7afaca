/** Search services the popup offers when no free copy is known. */
import { t, type MessageKey } from '@/utils/view/i18n';
import { DISCOVERY_SERVICES, type DiscoveryService } from '@/utils/settings/schema';
import { LockedHint, Section } from './fields';
import { isLockedPath, type SettingsEditor } from './editor';

const LABELS: Record<DiscoveryService, MessageKey> = {
  'google-scholar': 'discoveryGoogleScholar',
  base: 'discoveryBase',
  core: 'discoveryCore',
  semanticscholar: 'discoverySemanticScholar',
};

export function DiscoverySection({ editor }: { editor: SettingsEditor }) {
  const path = 'discovery';
  const chosen = editor.settings.discovery;
  const locked = isLockedPath(editor, path);
  function toggle(service: DiscoveryService, on: boolean) {
    // From the list as saved by any earlier click; kept in canonical order so the popup lists them the same way.
    return editor.setWith(path, (current) => DISCOVERY_SERVICES.filter((s) => (s === service ? on : current.discovery.includes(s))));
  }
  return (
    <Section id="discovery" title={t('optDiscoveryTitle')}>
      <fieldset>
        <legend>{t('optDiscoveryHelp')}</legend>
        {locked && <LockedHint path={path} />}
        {DISCOVERY_SERVICES.map((service) => (
          <div class="field field-toggle" key={service}>
            <input
              id={`opt-discovery-${service}`}
              type="checkbox"
              checked={chosen.includes(service)}
              disabled={locked}
              aria-describedby={locked ? 'opt-discovery-locked' : undefined}
              onChange={(event) => toggle(service, (event.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`opt-discovery-${service}`}>{t(LABELS[service])}</label>
          </div>
        ))}
      </fieldset>
    </Section>
  );
}
