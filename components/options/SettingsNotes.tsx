/** Tells the user what happened to their stored settings: reset fields, unreadable data, a managed policy. */
import { t } from '@/utils/view/i18n';
import type { SettingsNote } from '@/utils/settings/store';

function noteText(note: SettingsNote): string {
  switch (note.kind) {
    case 'reset-fields':
      return t('noteResetFields', note.fields.join(', '));
    case 'unreadable':
      return t('noteUnreadable');
    case 'newer':
      return t('noteNewer', String(note.version));
    case 'policy-ignored':
      return t('notePolicyIgnored', note.keys.join(', '));
  }
}

export function SettingsNotes({ notes, lockedCount }: { notes: readonly SettingsNote[]; lockedCount: number }) {
  if (notes.length === 0 && lockedCount === 0) return null;
  return (
    <div class="notes">
      {lockedCount > 0 && (
        <p class="notice" role="note">
          {t('noteManaged')}
        </p>
      )}
      {notes.map((note) => (
        <p key={note.kind} class="notice" role="alert">
          {noteText(note)}
        </p>
      ))}
    </div>
  );
}
