import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CopyView } from '@/utils/view/result-model';
import type { CopyVerdict } from '@/utils/view/link-view';
import { t } from '@/utils/view/i18n';
import { CopyActions } from './CopyActions';
import { CopyDetails } from './CopyDetails';
import { LinkCheck } from './LinkCheck';

/** The keys that work for the copy shown (screen readers get them from aria-keyshortcuts instead). */
function ShortcutHint({ view }: { view: CopyView }) {
  const keys = [
    view.pdfUrl && t('shortcutPdf'),
    view.landingUrl && t(view.isRecord ? 'shortcutRecord' : 'shortcutPage'),
    view.landingUrl && view.isRecord && t('shortcutCopy'),
    t('shortcutDoi'),
  ].filter(Boolean);
  return (
    <p class="shortcuts" aria-hidden="true">
      {t('shortcutsLabel')} {keys.join(' · ')}
    </p>
  );
}

interface Props {
  view: CopyView;
  verdict?: CopyVerdict;
  /** How the page's DOI was found, in words (Details); null for a typed DOI. */
  evidence: string | null;
  copyText(text: string): Promise<void>;
  onFindArchive?(): void;
  onAllowSite?(origin: string): void;
  /** Footnotes under the copy: sources still being asked, sources that failed. */
  children?: ComponentChildren;
}

/**
 * The best copy, first and whole: what the reader can do in one sentence, what the version means,
 * the main button (focused when the popup opens, so Enter opens it), then the rest folded away.
 */
export function BestCopy({ view, verdict, evidence, copyText, onFindArchive, onAllowSite, children }: Props) {
  const root = useRef<HTMLElement>(null);
  // Focus the main action when the copy appears, and again when a link check promotes another copy
  // (the focused button went with the old one), but never take focus from where the reader put it.
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    root.current?.querySelector<HTMLElement>('.action.primary')?.focus();
  }, [view.key, verdict?.state]);
  return (
    <article
      ref={root}
      class="copy copy-best"
      aria-labelledby="best-lead"
      data-host={view.host}
      data-kind={view.kind}
      data-version={view.versionId ?? 'unknown'}
    >
      <h2 id="best-lead" class="lead">
        {view.lead}
      </h2>
      <p class="version-note">{view.versionNote}</p>
      <CopyActions view={view} verdict={verdict} best copyText={copyText} />
      {verdict && (
        <ul class="facts">
          <LinkCheck verdict={verdict} host={view.host} onFindArchive={onFindArchive} onAllowSite={onAllowSite} />
        </ul>
      )}
      <ShortcutHint view={view} />
      {children}
      <CopyDetails view={view} evidence={evidence} />
    </article>
  );
}
