/** Email and API keys: what Greenway may tell the services about the user, and nothing more. */
import { useState } from 'preact/hooks';
import { listOf, t } from '@/utils/view/i18n';
import type { KeyTestResult } from '@/utils/settings/key-test';
import type { KeyedService } from '@/utils/settings/schema';
import { EMAIL_COURTESY_SOURCES, EMAIL_ENABLED_SOURCES, KEYED_SOURCE_NAMES, SOURCE_LABELS } from '@/utils/sources/registry';
import { Section, TextField } from './fields';
import { fieldId, type SettingsEditor } from './editor';

/** What the email does, from the registry: which sources it turns on, which get it as a polite contact, no one else. */
export function emailHelp(): string {
  const turnsOn = EMAIL_ENABLED_SOURCES.map((s) => s.label);
  const courtesy = EMAIL_COURTESY_SOURCES.map((s) => s.label);
  return [turnsOn.length > 0 ? t('optEmailTurnsOn', listOf(turnsOn)) : '', courtesy.length > 0 ? t('optEmailAlsoTo', listOf(courtesy)) : t('optEmailNoOneElse')]
    .filter(Boolean)
    .join(' ');
}

export function EmailField({ editor }: { editor: SettingsEditor }) {
  return (
    <TextField
      editor={editor}
      path="email"
      type="email"
      value={editor.settings.email}
      label={t('optEmailLabel')}
      help={emailHelp()}
      placeholder="you@example.org"
      invalidText={t('optEmailInvalid')}
    />
  );
}

function describeTest(result: KeyTestResult): string {
  switch (result.kind) {
    case 'accepted':
      return result.detail ? t('optKeyAcceptedDetail', result.detail) : t('optKeyAccepted');
    case 'rejected':
      return t('optKeyRejected', [String(result.status), result.detail]);
    case 'unreachable':
      return t('optKeyUnreachable', result.detail);
    case 'empty':
      return t('optKeyEmpty');
  }
}

function ApiKeyField({ editor, service, testKey }: { editor: SettingsEditor; service: KeyedService; testKey: TestKey }) {
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const [testing, setTesting] = useState(false);
  const key = editor.settings.keys[service];
  const path = `keys.${service}`;
  async function runTest() {
    setTesting(true);
    setResult(null);
    const outcome = await testKey(service, key, editor.settings.sources[service].baseUrl);
    setResult({ text: describeTest(outcome), ok: outcome.kind === 'accepted' });
    setTesting(false);
  }
  return (
    <div class="key-field">
      <TextField editor={editor} path={path} type="password" value={key} label={t('optKeyLabel', SOURCE_LABELS[service])} invalidText={t('optKeyInvalid')}>
        <button type="button" class="action" disabled={!key || testing} onClick={runTest} aria-describedby={`${fieldId(path)}-result`}>
          {t('optKeyTest')}
        </button>
      </TextField>
      <p id={`${fieldId(path)}-result`} class={result ? (result.ok ? 'test-ok' : 'field-error') : 'test-idle'} role="status">
        {testing ? t('optKeyTesting') : (result?.text ?? '')}
      </p>
    </div>
  );
}

export type TestKey = (service: KeyedService, key: string, baseUrl?: string) => Promise<KeyTestResult>;

export function AccountSection({ editor, testKey }: { editor: SettingsEditor; testKey: TestKey }) {
  return (
    <Section id="account" title={t('optAccountTitle')}>
      <EmailField editor={editor} />
      <p class="help">{t('optKeysHelp')}</p>
      {KEYED_SOURCE_NAMES.map((service) => (
        <ApiKeyField key={service} editor={editor} service={service} testKey={testKey} />
      ))}
    </Section>
  );
}
