/** Export the user's settings to a JSON file and import them again (on this or another browser). */
import { useState } from 'preact/hooks';
import { t } from '@/utils/view/i18n';
import type { Settings } from '@/utils/settings/schema';
import { exportSettings, importSettings, type ImportResult } from '@/utils/settings/transfer';
import { Section } from './fields';

type ImportError = Extract<ImportResult, { ok: false }>;

function importErrorText(result: ImportError): string {
  switch (result.error) {
    case 'not-json':
      return t('optImportNotJson', result.detail);
    case 'newer':
      return t('optImportNewer', result.detail);
    case 'not-settings':
      return t('optImportNotSettings');
  }
}

interface Props {
  user: Settings;
  download(filename: string, text: string): void;
  /** Stores the imported settings; resolves with the fields that had to be reset. */
  apply(imported: Extract<ImportResult, { ok: true }>): Promise<void>;
}

export function BackupSection({ user, download, apply }: Props) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    const result = importSettings(await file.text());
    if (!result.ok) return setStatus({ text: importErrorText(result), error: true });
    await apply(result);
    const reset = result.notes.flatMap((n) => (n.kind === 'reset-fields' ? n.fields : []));
    setStatus({ text: reset.length ? t('optImportedWithResets', reset.join(', ')) : t('optImported'), error: false });
  }

  return (
    <Section id="backup" title={t('optBackupTitle')}>
      <p class="help">{t('optBackupHelp')}</p>
      <div class="actions">
        <button type="button" class="action" onClick={() => download('greenway-settings.json', exportSettings(user))}>
          {t('optExport')}
        </button>
        <label class="action file-action" for="opt-import">
          {t('optImport')}
        </label>
        <input
          id="opt-import"
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            onFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {status && (
        <p class={status.error ? 'field-error' : 'test-ok'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </Section>
  );
}
